package io.voltstream.infra;

import io.voltstream.model.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the Voltstream topics of {@link Topics} with their partition counts and cleanup policies.
 * Idempotent: topics that already exist are left as they are, so the demo can call it on every
 * start and several processes can call it at once.
 */
public final class TopicProvisioner {
  /** Compacted topic of revoked API token ids (serving-api). */
  public static final String TOKEN_REVOCATIONS = "token-revocations";
  /** Partitions of {@code readings} when the caller has no preference. */
  public static final int DEFAULT_READING_PARTITIONS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final int EVENT_PARTITIONS = 2;

  private TopicProvisioner() {}

  /** The standard topics; {@code readings} gets {@code readingPartitions} partitions. */
  public static List<NewTopic> standardTopics(int readingPartitions) {
    if (readingPartitions < 1) {
      throw new IllegalArgumentException("readingPartitions must be >= 1, got " + readingPartitions);
    }
    return List.of(
        plain(Topics.READINGS, readingPartitions),
        plain(Topics.READINGS_DLQ, EVENT_PARTITIONS),
        plain(Topics.READINGS_LATE, EVENT_PARTITIONS),
        plain(Topics.ROOM_METRICS, EVENT_PARTITIONS),
        plain(Topics.EVENTS, EVENT_PARTITIONS),
        plain(Topics.FORECASTS, EVENT_PARTITIONS),
        compacted(Topics.REGISTRY),
        compacted(TOKEN_REVOCATIONS));
  }

  /** Creates the standard topics on {@code bootstrapServers} unless they exist. */
  public static void ensureStandardTopics(String bootstrapServers, int readingPartitions) {
    List<NewTopic> topics = standardTopics(readingPartitions);
    Properties props = new Properties();
    props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      ensureTopics(admin, topics);
    }
  }

  /** Creates each topic unless it exists; waits until every creation is acknowledged. */
  public static void ensureTopics(Admin admin, Collection<NewTopic> topics) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (NewTopic topic : topics) {
        if (!existing.contains(topic.name())) {
          missing.add(topic);
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      var futures = admin.createTopics(missing).values();
      for (var entry : futures.entrySet()) {
        try {
          entry.getValue().get(30, TimeUnit.SECONDS);
          LOG.info("created topic {}", entry.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new InfraException("cannot create topic " + entry.getKey() + ": " + e.getCause(),
                e.getCause());
          }
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new InfraException("cannot list or create topics: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfraException("interrupted while creating topics", e);
    }
  }

  /** A topic with {@code partitions} partitions and replication factor 1. */
  public static NewTopic plain(String name, int partitions) {
    return new NewTopic(name, partitions, (short) 1);
  }

  /** A single-partition log-compacted topic (registry-style: latest value per key). */
  public static NewTopic compacted(String name) {
    return new NewTopic(name, 1, (short) 1)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
  }
}
