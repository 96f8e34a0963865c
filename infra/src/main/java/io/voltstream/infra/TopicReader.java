package io.voltstream.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from the beginning without a consumer group, for tests and checks: it polls
 * until the expected number of records arrived or the deadline passed, then returns what it has.
 */
public final class TopicReader {
  private TopicReader() {}

  /**
   * Records of {@code topic} from the earliest offset of every partition, read_committed (so
   * records of aborted or still-open transactions are not returned). Returns fewer than {@code
   * expectedCount} records on timeout and an empty list if the topic does not exist by then.
   */
  public static List<ConsumerRecord<String, String>> read(
      String bootstrapServers, String topic, int expectedCount, Duration timeout) {
    return readFromBeginning(
        bootstrapServers, topic, timeout, (consumer, partitions) -> n -> n < expectedCount);
  }

  /**
   * Every record of {@code topic} up to its end (last stable offset) as of the call,
   * read_committed; what was read by {@code timeout} if reaching the end takes longer, an empty
   * list if the topic does not exist by then. For counting what a topic holds (e.g. by reading id)
   * while it grows.
   */
  public static List<ConsumerRecord<String, String>> readToEnd(
      String bootstrapServers, String topic, Duration timeout) {
    return readFromBeginning(
        bootstrapServers,
        topic,
        timeout,
        (consumer, partitions) -> {
          Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
          return n -> partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp));
        });
  }

  /** Decides, once the partitions are assigned, whether to go on after {@code n} records. */
  private interface Continuation {
    IntPredicate start(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions);
  }

  private static List<ConsumerRecord<String, String>> readFromBeginning(
      String bootstrapServers, String topic, Duration timeout, Continuation continuation) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
      List<TopicPartition> partitions = awaitPartitions(consumer, topic, deadline);
      if (partitions.isEmpty()) {
        return records;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      IntPredicate goOn = continuation.start(consumer, partitions);
      while (goOn.test(records.size()) && System.nanoTime() < deadline) {
        long leftMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        for (ConsumerRecord<String, String> r :
            consumer.poll(Duration.ofMillis(Math.min(200, leftMs)))) {
          records.add(r);
        }
      }
    }
    return records;
  }

  /** The values of {@link #read}, in partition order. */
  public static List<String> readValues(
      String bootstrapServers, String topic, int expectedCount, Duration timeout) {
    return read(bootstrapServers, topic, expectedCount, timeout).stream()
        .map(ConsumerRecord::value)
        .collect(Collectors.toList());
  }

  private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
    Properties props = new Properties();
    props.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }

  private static List<TopicPartition> awaitPartitions(
      KafkaConsumer<String, String> consumer, String topic, long deadline) {
    while (true) {
      long leftMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      List<PartitionInfo> infos =
          consumer.listTopics(Duration.ofMillis(Math.min(5000, leftMs))).get(topic);
      if (infos != null && !infos.isEmpty()) {
        return infos.stream()
            .map(i -> new TopicPartition(i.topic(), i.partition()))
            .collect(Collectors.toList());
      }
      if (System.nanoTime() >= deadline) {
        return List.of();
      }
      Waits.pause(Duration.ofMillis(50));
    }
  }
}
