package io.voltstream.jobs.io;

import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topic;
import io.voltstream.model.Topics;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Kafka sources of the jobs, built from the {@link Topics} declarations. Watermarks are left to the
 * caller ({@code env.fromSource(source, strategy, name)}). Offsets are committed on checkpoints; a
 * job with a new consumer group starts from the earliest record.
 */
public final class KafkaSources {
  private KafkaSources() {}

  /**
   * Fetch in batches: with Kafka's default ({@code fetch.min.bytes=1}) each of the dozens of
   * consumers (a dozen jobs read {@code readings}, two subtasks each) gets an answer as soon as one
   * record arrives, so at a few hundred readings per second the broker and the consumers spend
   * their CPU on thousands of tiny fetches per second (measured: the broker's request threads 35 %
   * of a core at 500 readings/s). Waiting for 64 KiB or 100 ms instead bounds every consumer to ~10
   * fetches/s when traffic is light and costs at most 100 ms of latency per job.
   */
  private static final String FETCH_MIN_BYTES = String.valueOf(64 * 1024);

  private static final String FETCH_MAX_WAIT_MS = "100";

  /**
   * The name of job {@code jobName}'s {@code readings} source, {@code readings (<job>)}: each job's
   * source task then has its own thread name (the benchmark attributes thread CPU to jobs by it).
   */
  public static String readingsSourceName(String jobName) {
    return Topics.READINGS.name() + " (" + jobName + ")";
  }

  /** {@link SensorReading}s from {@code readings}, consumer group {@code <prefix><jobName>}. */
  public static KafkaSource<SensorReading> readings(JobsConfig cfg, String jobName) {
    return readingsBuilder(cfg, jobName).build();
  }

  /** Battery telemetry ({@code battery-state}) for job {@code jobName}'s own consumer group. */
  public static KafkaSource<BatteryTelemetry> batteryState(JobsConfig cfg, String jobName) {
    return of(
        cfg,
        Topics.BATTERY_STATE,
        BatteryTelemetry.class,
        jobName + "-battery-state",
        "undecodableBatteryState");
  }

  /** The readings source builder, for callers that need e.g. a bounded source in tests. */
  public static KafkaSourceBuilder<SensorReading> readingsBuilder(JobsConfig cfg, String jobName) {
    return builder(
            cfg, Topics.READINGS, SensorReading.class, jobName, "readingsDeserializationFailures")
        .setProperty("partition.discovery.interval.ms", "60000");
  }

  /**
   * Values of {@code topic} decoded by its declaration, consumer group {@code
   * <prefix><groupSuffix>}; undecodable records are skipped and counted in {@code failureMetric}.
   */
  public static <V> KafkaSource<V> of(
      JobsConfig cfg,
      Topic<String, V> topic,
      Class<V> type,
      String groupSuffix,
      String failureMetric) {
    return builder(cfg, topic, type, groupSuffix, failureMetric).build();
  }

  private static <V> KafkaSourceBuilder<V> builder(
      JobsConfig cfg,
      Topic<String, V> topic,
      Class<V> type,
      String groupSuffix,
      String failureMetric) {
    return KafkaSource.<V>builder()
        .setBootstrapServers(cfg.kafkaBootstrap())
        .setTopics(topic.name())
        .setGroupId(cfg.groupId(groupSuffix))
        .setClientIdPrefix(cfg.groupId(groupSuffix))
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new TopicDeserializer<>(topic, type, failureMetric))
        .setProperty(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES)
        .setProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
  }

  /**
   * The raw JSON text of {@code topic}'s values, for value types Flink cannot serialise as a POJO
   * (generic types are off); the job parses what it needs. Consumer group {@code
   * <prefix><groupSuffix>}.
   */
  public static KafkaSource<String> text(
      JobsConfig cfg, Topic<String, ?> topic, String groupSuffix, OffsetsInitializer starting) {
    return KafkaSource.<String>builder()
        .setBootstrapServers(cfg.kafkaBootstrap())
        .setTopics(topic.name())
        .setGroupId(cfg.groupId(groupSuffix))
        .setClientIdPrefix(cfg.groupId(groupSuffix))
        .setStartingOffsets(starting)
        .setValueOnlyDeserializer(new SimpleStringSchema())
        .setProperty(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES)
        .setProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS)
        .build();
  }

  /**
   * Every change of the compacted {@code registry} topic, always from the earliest offset: the
   * consumer rebuilds the whole registry (as broadcast state) on every start.
   */
  public static KafkaSource<RegistryChange> registry(JobsConfig cfg, String jobName) {
    return registryBuilder(cfg, jobName).build();
  }

  /** The registry source builder, for callers that need a bounded source (the replay). */
  public static KafkaSourceBuilder<RegistryChange> registryBuilder(JobsConfig cfg, String jobName) {
    return KafkaSource.<RegistryChange>builder()
        .setBootstrapServers(cfg.kafkaBootstrap())
        .setTopics(Topics.REGISTRY.name())
        .setGroupId(cfg.groupId(jobName + "-registry"))
        .setClientIdPrefix(cfg.groupId(jobName + "-registry"))
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new RegistryChangeDeserializer())
        .setProperty("commit.offsets.on.checkpoint", "false");
  }
}
