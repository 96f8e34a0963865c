package io.voltstream.jobs.roommetrics;

import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import io.voltstream.jobs.JobEnvironment;
import io.voltstream.jobs.io.InfluxPoints;
import io.voltstream.jobs.io.InfluxSink;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.KafkaSources;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.logic.ReplayRange;
import io.voltstream.kafka.RegistrySnapshot;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * {@code voltstream replay}: reprocesses an event-time range of the {@code readings} topic through
 * the room aggregation ({@link RoomAggregationJob}'s own topology) into a fresh InfluxDB database,
 * as a bounded job that ends when it has read the topic up to the end offsets found at its start.
 *
 * <p>Determinism comes from the versioned registry (rooms and buildings as of each reading's event
 * time) and a registry snapshot read before the job starts ({@link RegistrySnapshot}), so no
 * reading is assigned before the registry is known. The readings are sought by Kafka timestamp
 * ({@code offsetsForTimes}) {@link #SEEK_SLACK} before the range, then filtered by event time: a
 * record's Kafka timestamp is when ingest wrote it, and ingest accepts readings stamped up to 24 h
 * ahead of its clock. The readings have no idleness here ({@link
 * RoomAggregationJob#boundedWatermarks}). Only InfluxDB is written: the replay must not publish
 * {@code room-metrics} or {@code readings.late} again to the live consumers.
 */
public final class RoomMetricsReplay {
  public static final String JOB_NAME = "room-aggregation-replay";

  /** How far before the range the readings are sought (ingest's maximum future skew). */
  public static final Duration SEEK_SLACK = Duration.ofHours(24);

  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

  /** What a replay did: the window-aligned range, readings in it, points in the database. */
  public record Result(ReplayRange range, long readings, long points) {}

  private RoomMetricsReplay() {}

  /**
   * Runs the replay of {@code requested} (widened to whole windows) on {@code env} into {@code
   * cfg}'s InfluxDB database, which must not exist yet; returns when the job is done.
   */
  public static Result run(StreamExecutionEnvironment env, JobsConfig cfg, ReplayRange requested)
      throws Exception {
    requireFreshDatabase(cfg);
    ReplayRange range = requested.alignedTo(RoomAggregationJobConfig.from(cfg).window());
    Map<String, String> registry = RegistrySnapshot.read(cfg.kafkaBootstrap(), KAFKA_TIMEOUT);
    wire(env, cfg, range, registry);
    JobExecutionResult done = env.execute(JOB_NAME);
    Object readings = done.getAccumulatorResult(ReplayRangeFilter.READINGS);
    return new Result(
        range, readings instanceof Number n ? n.longValue() : 0, pointsIn(influx(cfg)));
  }

  /** Adds the bounded replay topology to {@code env}. */
  static void wire(
      StreamExecutionEnvironment env,
      JobsConfig cfg,
      ReplayRange range,
      Map<String, String> registry) {
    JobEnvironment.configure(env, cfg);
    KafkaSource<SensorReading> readings =
        KafkaSources.readingsBuilder(cfg, JOB_NAME)
            .setStartingOffsets(
                OffsetsInitializer.timestamp(range.from().minus(SEEK_SLACK).toEpochMilli()))
            .setBounded(OffsetsInitializer.latest())
            .setProperty("commit.offsets.on.checkpoint", "false")
            .build();
    KafkaSource<RegistryChange> registrySource =
        KafkaSources.registryBuilder(cfg, JOB_NAME).setBounded(OffsetsInitializer.latest()).build();
    RoomAggregationJobConfig jobConfig = RoomAggregationJobConfig.from(cfg);
    new RoomAggregationJob(
            jobConfig,
            readings,
            registrySource,
            InfluxSink.fromConfig(cfg, InfluxPoints::roomMetrics),
            new DiscardingSink<RoomMetrics>(),
            new DiscardingSink<SensorReading>())
        .withReadingsWatermarks(RoomAggregationJob.boundedWatermarks(jobConfig))
        .withRegistrySeed(registry)
        .withReadingsFilter(new ReplayRangeFilter(range))
        .build(env);
  }

  /** Refuses a database that exists: a replay never overwrites live (or other) series. */
  static void requireFreshDatabase(JobsConfig cfg) {
    boolean exists =
        influx(cfg).withDatabase(null).query(InfluxQuery.of("SHOW DATABASES")).stream()
            .flatMap(s -> s.values().stream())
            .anyMatch(row -> cfg.influxDb().equals(Series.string(row, 0)));
    if (exists) {
      throw new IllegalArgumentException(
          "InfluxDB database '"
              + cfg.influxDb()
              + "' exists; replay writes into a fresh database (name a new --influx-db)");
    }
  }

  /** The room_metrics points in the (fresh) database: exactly what the replay wrote. */
  private static long pointsIn(InfluxClient influx) {
    List<Series> answer =
        influx.query(InfluxQuery.of("SELECT count(sample_count) FROM room_metrics"));
    if (answer.isEmpty() || answer.get(0).values().isEmpty()) {
      return 0;
    }
    Double n = Series.number(answer.get(0).values().get(0), 1);
    return n == null ? 0 : n.longValue();
  }

  private static InfluxClient influx(JobsConfig cfg) {
    return new InfluxClient(
        URI.create(cfg.influxUrl()),
        cfg.influxDb(),
        Optional.ofNullable(cfg.influxAuthorization()),
        InfluxClient.DEFAULT_TIMEOUT);
  }
}
