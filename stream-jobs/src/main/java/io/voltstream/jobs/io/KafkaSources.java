package io.voltstream.jobs.io;

import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Kafka sources of the jobs. Watermarks are left to the caller ({@code env.fromSource(source,
 * strategy, name)}). Offsets are committed on checkpoints; a job with a new consumer group starts
 * from the earliest record.
 */
public final class KafkaSources {
  private KafkaSources() {}

  /** {@link SensorReading}s from {@code readings}, consumer group {@code <prefix><jobName>}. */
  public static KafkaSource<SensorReading> readings(JobsConfig cfg, String jobName) {
    return readingsBuilder(cfg, jobName).build();
  }

  /** The readings source builder, for callers that need e.g. a bounded source in tests. */
  public static org.apache.flink.connector.kafka.source.KafkaSourceBuilder<SensorReading> readingsBuilder(
      JobsConfig cfg, String jobName) {
    return KafkaSource.<SensorReading>builder()
        .setBootstrapServers(cfg.kafkaBootstrap())
        .setTopics(Topics.READINGS)
        .setGroupId(cfg.groupId(jobName))
        .setClientIdPrefix(cfg.groupId(jobName))
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new SensorReadingDeserializer())
        .setProperty("partition.discovery.interval.ms", "60000");
  }

  /**
   * Every change of the compacted {@code registry} topic, always from the earliest offset: the
   * consumer rebuilds the whole registry (as broadcast state) on every start.
   */
  public static KafkaSource<RegistryChange> registry(JobsConfig cfg, String jobName) {
    return KafkaSource.<RegistryChange>builder()
        .setBootstrapServers(cfg.kafkaBootstrap())
        .setTopics(Topics.REGISTRY)
        .setGroupId(cfg.groupId(jobName + "-registry"))
        .setClientIdPrefix(cfg.groupId(jobName + "-registry"))
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new RegistryChangeDeserializer())
        .setProperty("commit.offsets.on.checkpoint", "false")
        .build();
  }
}
