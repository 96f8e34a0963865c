package io.voltstream.api.health;

import io.voltstream.api.health.Observations.GroupLag;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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

  private List<GroupLag> groupLags()
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
    for (GroupListing g : get(admin.listGroups().all())) {
      if (g.groupId().startsWith(groupPrefix)) {
        specs.put(g.groupId(), new ListConsumerGroupOffsetsSpec());
      }
    }
    if (specs.isEmpty()) {
      return List.of();
    }
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
        get(admin.listConsumerGroupOffsets(specs).all());
    Set<TopicPartition> partitions = new HashSet<>();
    committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
    Map<TopicPartition, Long> ends = endOffsets(partitions);
    List<GroupLag> lags = new ArrayList<>();
    committed.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        // a group without committed offsets (e.g. the API's own live feed) has no lag to report
        .filter(group -> !group.getValue().isEmpty())
        .forEach(
            group -> {
              long total = 0;
              long max = -1;
              String maxPartition = null;
              for (var e : group.getValue().entrySet()) {
                Long end = ends.get(e.getKey());
                if (e.getValue() == null || end == null) {
                  continue; // no commit for that partition, or the topic is gone
                }
                long lag = Math.max(0, end - e.getValue().offset());
                total += lag;
                if (lag > max) {
                  max = lag;
                  maxPartition = e.getKey().toString();
                }
              }
              lags.add(new GroupLag(group.getKey(), total, Math.max(0, max), maxPartition));
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
