package io.voltstream.kafka;

import io.voltstream.model.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics as their {@link Topic} declarations say (partitions, cleanup policy). Idempotent:
 * topics that already exist are left as they are, so every process that needs a topic may ensure
 * it, several at once.
 */
public final class TopicAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {}

  /** The topic to create for {@code topic}; the broker's default replication factor. */
  public static NewTopic newTopic(Topic<?, ?> topic) {
    return newTopic(topic, topic.partitions(), Optional.empty());
  }

  /**
   * As {@link #newTopic(Topic)} with another partition count (e.g. {@code
   * VOLTSTREAM_READING_PARTITIONS}) and replication factor (empty: the broker's default).
   */
  public static NewTopic newTopic(
      Topic<?, ?> topic, int partitions, Optional<Short> replicationFactor) {
    NewTopic t = new NewTopic(topic.name(), Optional.of(partitions), replicationFactor);
    return topic.cleanup() == Topic.Cleanup.COMPACT
        ? t.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
        : t;
  }

  /**
   * Creates each of {@code topics} that is missing on {@code bootstrap}; waits at most {@code
   * timeout}.
   *
   * @throws IllegalStateException when Kafka does not answer in time or refuses a creation
   */
  public static void ensure(String bootstrap, Duration timeout, Topic<?, ?>... topics) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE));
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
    try (Admin admin = Admin.create(p)) {
      ensure(admin, List.of(topics).stream().map(TopicAdmin::newTopic).toList(), timeout);
    }
  }

  /**
   * Creates each of {@code topics} unless it exists; waits until every creation is acknowledged.
   *
   * @throws IllegalStateException when Kafka does not answer within {@code timeout} or refuses a
   *     creation
   */
  public static void ensure(Admin admin, Collection<NewTopic> topics, Duration timeout) {
    long ms = timeout.toMillis();
    try {
      Set<String> existing = admin.listTopics().names().get(ms, TimeUnit.MILLISECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (NewTopic topic : topics) {
        if (!existing.contains(topic.name())) {
          missing.add(topic);
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get(ms, TimeUnit.MILLISECONDS);
          LOG.info("created topic {}", entry.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(
                "cannot create topic " + entry.getKey() + ": " + e.getCause(), e.getCause());
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot list or create topics: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not answer within " + timeout + " while creating topics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }
}
