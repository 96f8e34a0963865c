package io.voltstream.infra;

import io.voltstream.kafka.TopicAdmin;
import io.voltstream.model.Topic;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the Voltstream topics of {@link Topics#all()} with the partitions and cleanup policies
 * their declarations give, on the local single broker (replication factor 1). Idempotent: topics
 * that already exist are left as they are, so the demo can call it on every start and several
 * processes can call it at once.
 */
public final class TopicProvisioner {
  /** Partitions of {@code readings} when the caller has no preference: its declaration's. */
  public static final int DEFAULT_READING_PARTITIONS = Topics.READINGS.partitions();

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Optional<Short> ONE_REPLICA = Optional.of((short) 1);

  private TopicProvisioner() {}

  /** The standard topics; {@code readings} gets {@code readingPartitions} partitions. */
  public static List<NewTopic> standardTopics(int readingPartitions) {
    if (readingPartitions < 1) {
      throw new IllegalArgumentException(
          "readingPartitions must be >= 1, got " + readingPartitions);
    }
    return Topics.all().stream()
        .map(
            t ->
                TopicAdmin.newTopic(
                    t, t == Topics.READINGS ? readingPartitions : t.partitions(), ONE_REPLICA))
        .toList();
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
      TopicAdmin.ensure(admin, topics, TIMEOUT);
    } catch (IllegalStateException e) {
      throw new InfraException(e.getMessage(), e.getCause() == null ? e : e.getCause());
    }
  }

  /** A test topic with {@code partitions} partitions and replication factor 1. */
  public static NewTopic plain(String name, int partitions) {
    return new NewTopic(name, partitions, (short) 1);
  }

  /** A single-partition log-compacted test topic (registry-style: latest value per key). */
  public static NewTopic compacted(String name) {
    return TopicAdmin.newTopic(Topic.json(name, byte[].class).compacted(), 1, ONE_REPLICA);
  }
}
