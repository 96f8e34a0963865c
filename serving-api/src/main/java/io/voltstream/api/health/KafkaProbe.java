package io.voltstream.api.health;

import io.voltstream.api.health.Observations.GroupLag;
import io.voltstream.metrics.ConsumerGroupLags;
import io.voltstream.metrics.ConsumerLag.PartitionLag;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Kafka through the admin client: the brokers, the lag of every consumer group whose id starts with
 * the jobs' prefix (end offset minus committed offset per partition; the Flink Kafka source commits
 * on checkpoints and joins no group, so its groups are found by their committed offsets), and the
 * dead-letter topic's end offsets.
 */
public final class KafkaProbe implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KafkaProbe.class);
  private static final long TIMEOUT_MS = 2000;

  private final Admin admin;
  private final String groupPrefix;

  public KafkaProbe(String bootstrap, String groupPrefix) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "voltstream-api-health");
    this.admin = Admin.create(p);
    this.groupPrefix = groupPrefix;
  }

  public Observations.Kafka probe() {
    try {
      int brokers = get(admin.describeCluster().nodes()).size();
      return new Observations.Kafka(Optional.empty(), brokers, groupLags(), deadLetters());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Observations.Kafka.unreachable("interrupted");
    } catch (TimeoutException e) {
      return Observations.Kafka.unreachable("no answer within " + TIMEOUT_MS + " ms");
    } catch (ExecutionException e) {
      // The answer is public: a description, not the exception (its class names stay in the log).
      LOG.warn("Kafka health probe failed: {}", e.getCause() == null ? e : e.getCause().toString());
      return Observations.Kafka.unreachable(
          e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
              ? "no answer within " + TIMEOUT_MS + " ms"
              : "request failed");
    }
  }

  /** Summed and largest partition lag of each job group ({@link ConsumerGroupLags}). */
  private List<GroupLag> groupLags()
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, List<PartitionLag>> byGroup = new TreeMap<>();
    for (PartitionLag p :
        ConsumerGroupLags.read(
            admin, g -> g.startsWith(groupPrefix), Duration.ofMillis(TIMEOUT_MS))) {
      byGroup.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
    }
    List<GroupLag> lags = new ArrayList<>();
    byGroup.forEach(
        (group, partitions) -> {
          long total = partitions.stream().mapToLong(PartitionLag::records).sum();
          PartitionLag max =
              partitions.stream()
                  .max(Comparator.comparingLong(PartitionLag::records))
                  .orElseThrow();
          lags.add(new GroupLag(group, total, max.records(), max.topic() + "-" + max.partition()));
        });
    return lags;
  }

  private long deadLetters() throws InterruptedException, ExecutionException, TimeoutException {
    String topic = Topics.READINGS_DLQ.name();
    TopicDescription d;
    try {
      d = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return 0; // nothing was ever dead-lettered on a fresh cluster
      }
      throw e;
    }
    Set<TopicPartition> partitions = new HashSet<>();
    d.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    return endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
  }

  private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer;
    answer = get(admin.listOffsets(request).all());
    Map<TopicPartition, Long> ends = new HashMap<>();
    answer.forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> f)
      throws InterruptedException, ExecutionException, TimeoutException {
    return f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(1));
  }
}
