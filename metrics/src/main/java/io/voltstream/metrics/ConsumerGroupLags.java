package io.voltstream.metrics;

import io.voltstream.metrics.ConsumerLag.Partition;
import io.voltstream.metrics.ConsumerLag.PartitionLag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads consumer-group lag through the Kafka admin API: the one place Voltstream does it (the lag
 * gauge, {@code /health} and the benchmark all call it). Three requests however many groups: the
 * group list, every group's committed offsets, the end offsets of those partitions.
 */
public final class ConsumerGroupLags {
  private ConsumerGroupLags() {}

  /**
   * Lag per partition of every consumer group {@code groups} accepts, ordered by group, topic and
   * partition ({@link ConsumerLag#of}); a group without committed offsets has no entry.
   */
  public static List<PartitionLag> read(Admin admin, Predicate<String> groups, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long ms = timeout.toMillis();
    Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
    for (GroupListing g :
        admin
            .listGroups(ListGroupsOptions.forConsumerGroups())
            .all()
            .get(ms, TimeUnit.MILLISECONDS)) {
      if (groups.test(g.groupId())) {
        specs.put(g.groupId(), new ListConsumerGroupOffsetsSpec());
      }
    }
    if (specs.isEmpty()) {
      return List.of();
    }
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
        admin.listConsumerGroupOffsets(specs).all().get(ms, TimeUnit.MILLISECONDS);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    committed.values().forEach(o -> o.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest())));
    Map<Partition, Long> ends = new HashMap<>();
    if (!latest.isEmpty()) {
      admin
          .listOffsets(latest)
          .all()
          .get(ms, TimeUnit.MILLISECONDS)
          .forEach((tp, info) -> ends.put(partition(tp), info.offset()));
    }
    List<PartitionLag> all = new ArrayList<>();
    new TreeMap<>(committed)
        .forEach(
            (group, offsets) -> {
              Map<Partition, Long> groupCommitted = new HashMap<>();
              offsets.forEach(
                  (tp, om) -> {
                    if (om != null) {
                      groupCommitted.put(partition(tp), om.offset());
                    }
                  });
              all.addAll(ConsumerLag.of(group, groupCommitted, ends));
            });
    return all;
  }

  private static Partition partition(TopicPartition tp) {
    return new Partition(tp.topic(), tp.partition());
  }
}
