package io.voltstream.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Consumer lag of one group: per partition it consumes, the records between the group's committed
 * offset and the partition's end offset. Pure, so the arithmetic is unit-tested without a broker. A
 * Flink job's group commits on checkpoint, so its lag includes up to one checkpoint interval of
 * records it has already processed; it is still what grows when a job falls behind.
 */
public final class ConsumerLag {
  private ConsumerLag() {}

  /** A topic partition, without Kafka's class so this stays free of the client. */
  public record Partition(String topic, int partition) {}

  /** One series of {@code voltstream_kafka_consumer_lag_records}. */
  public record PartitionLag(String group, String topic, int partition, long records) {}

  /**
   * Lag per partition the group has committed; a partition whose end offset is unknown is left out,
   * and a committed offset ahead of the end offset read a moment earlier counts as 0.
   */
  public static List<PartitionLag> of(
      String group, Map<Partition, Long> committed, Map<Partition, Long> endOffsets) {
    List<PartitionLag> lags = new ArrayList<>();
    committed.forEach(
        (p, offset) -> {
          Long end = endOffsets.get(p);
          if (end != null && offset != null) {
            lags.add(new PartitionLag(group, p.topic(), p.partition(), Math.max(0, end - offset)));
          }
        });
    lags.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
    return lags;
  }
}
