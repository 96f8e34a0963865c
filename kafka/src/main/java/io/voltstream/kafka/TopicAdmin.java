package io.voltstream.kafka;

import io.voltstream.model.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigOp.OpType;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics as their {@link Topic} declarations say (partitions, cleanup policy, further
 * configs). Idempotent: topics that already exist keep their partitions and cleanup policy, so
 * every process that needs a topic may ensure it, several at once; {@link #ensure(String, Duration,
 * Topic[])} also sets the declared further configs ({@link Topic#configs()}) on existing topics, so
 * a topic created by an older release gets them (e.g. the revocations' compaction lag).
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
    Map<String, String> configs = new HashMap<>(topic.configs());
    if (topic.cleanup() == Topic.Cleanup.COMPACT) {
      configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }
    return configs.isEmpty() ? t : t.configs(configs);
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
      for (Topic<?, ?> topic : topics) {
        if (!topic.configs().isEmpty()) {
          alignConfigs(admin, topic, timeout);
        }
      }
    }
  }

  /** Sets {@code topic}'s declared further configs on the existing topic (a no-op when equal). */
  private static void alignConfigs(Admin admin, Topic<?, ?> topic, Duration timeout) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
    List<AlterConfigOp> ops =
        topic.configs().entrySet().stream()
            .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), OpType.SET))
            .toList();
    try {
      admin
          .incrementalAlterConfigs(Map.of(resource, ops))
          .all()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot set " + topic.configs() + " on topic " + topic.name() + ": " + e.getCause(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not answer within " + timeout + " while configuring " + topic.name(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while configuring " + topic.name(), e);
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
