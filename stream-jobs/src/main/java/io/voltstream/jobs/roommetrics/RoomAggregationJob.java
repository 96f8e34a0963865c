package io.voltstream.jobs.roommetrics;

import io.voltstream.jobs.JobEnvironment;
import io.voltstream.jobs.io.EventTimeWatermarks;
import io.voltstream.jobs.io.InfluxPoints;
import io.voltstream.jobs.io.InfluxSink;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.KafkaSinks;
import io.voltstream.jobs.io.KafkaSources;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * Room aggregation: readings are assigned the room and building in force at their event time from
 * the versioned registry (broadcast state, {@link RoomAssignmentFunction}), then aggregated per
 * room in tumbling event-time windows into {@link RoomMetrics}, priced at the building's tariff
 * ({@link RoomCostFunction}), written to InfluxDB {@code room_metrics} and Kafka {@code
 * room-metrics}. Readings that arrive after their window fired go to a side output, are counted
 * ({@code lateReadings}) and written to {@code readings.late}.
 *
 * <p>Sources and sinks are injected so tests run the same topology on finite data; {@link #main}
 * and {@link #wireFromConfig} build the real Kafka and InfluxDB connectors; {@link
 * RoomMetricsReplay} runs the same topology on a bounded time range of {@code readings}.
 */
public class RoomAggregationJob {

  /** Readings whose window had already fired, with the room they were assigned. */
  public static final OutputTag<RoomReading> LATE_READINGS = new OutputTag<>("late-readings") {};

  private static final String UID = RoomAggregationJobConfig.JOB_NAME;

  private final RoomAggregationJobConfig config;
  private final Source<SensorReading, ?, ?> readings;
  private final Source<RegistryChange, ?, ?> registry;
  private final Sink<RoomMetrics> influxSink;
  private final Sink<RoomMetrics> kafkaSink;
  private final Sink<SensorReading> lateSink;
  private Map<String, String> registrySeed = Map.of();
  private FilterFunction<SensorReading> readingsFilter;
  private WatermarkStrategy<SensorReading> readingsWatermarks;

  public RoomAggregationJob(
      RoomAggregationJobConfig config,
      Source<SensorReading, ?, ?> readings,
      Source<RegistryChange, ?, ?> registry,
      Sink<RoomMetrics> influxSink,
      Sink<RoomMetrics> kafkaSink,
      Sink<SensorReading> lateSink) {
    this.config = Objects.requireNonNull(config, "config");
    this.readings = Objects.requireNonNull(readings, "readings");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.influxSink = Objects.requireNonNull(influxSink, "influxSink");
    this.kafkaSink = Objects.requireNonNull(kafkaSink, "kafkaSink");
    this.lateSink = Objects.requireNonNull(lateSink, "lateSink");
  }

  /**
   * Seeds the registry lookups with a snapshot read before the job starts (registry key → JSON), so
   * that no reading or window is processed before the registry is known (used by the bounded
   * replay; the live job reads the registry stream alone).
   */
  public RoomAggregationJob withRegistrySeed(Map<String, String> seed) {
    this.registrySeed = Map.copyOf(seed);
    return this;
  }

  /** Keeps only the readings {@code filter} accepts, right after the source (the replay range). */
  public RoomAggregationJob withReadingsFilter(FilterFunction<SensorReading> filter) {
    this.readingsFilter = Objects.requireNonNull(filter, "filter");
    return this;
  }

  /** Replaces the readings' watermark strategy ({@link #watermarks} by default). */
  public RoomAggregationJob withReadingsWatermarks(WatermarkStrategy<SensorReading> strategy) {
    this.readingsWatermarks = Objects.requireNonNull(strategy, "strategy");
    return this;
  }

  /** Adds the topology to {@code env}; returns the room metrics stream. */
  public DataStream<RoomMetrics> build(StreamExecutionEnvironment env) {
    WatermarkStrategy<SensorReading> strategy =
        readingsWatermarks != null ? readingsWatermarks : watermarks(config);
    DataStream<SensorReading> readingStream =
        env.fromSource(readings, strategy, KafkaSources.readingsSourceName(UID))
            .uid(UID + "-readings-source");
    if (readingsFilter != null) {
      readingStream =
          readingStream
              .filter(readingsFilter)
              .uid(UID + "-readings-filter")
              .name("readings filter");
    }

    DataStream<RegistryChange> registrySource =
        env.fromSource(registry, RegistryWatermarks.<RegistryChange>idle(), "registry")
            .uid(UID + "-registry-source");
    BroadcastStream<RegistryChange> registryStream =
        registrySource.broadcast(RoomAssignmentFunction.REGISTRY_VERSIONS);

    DataStream<RoomReading> assigned =
        readingStream
            .connect(registryStream)
            .process(new RoomAssignmentFunction(registrySeed))
            .uid(UID + "-assign-room")
            .name("assign room from registry");

    SingleOutputStreamOperator<RoomMetrics> windows = aggregateWindows(assigned, config);
    DataStream<RoomMetrics> metrics =
        windows
            .connect(registrySource.broadcast(RoomCostFunction.BUILDINGS))
            .process(new RoomCostFunction(registrySeed))
            .uid(UID + "-cost")
            .name("room cost at the building tariff");

    metrics.sinkTo(influxSink).uid(UID + "-influx-sink").name("room_metrics → InfluxDB");
    metrics.sinkTo(kafkaSink).uid(UID + "-kafka-sink").name("room-metrics → Kafka");

    windows
        .getSideOutput(LATE_READINGS)
        .map(new LateReadingCounter())
        .uid(UID + "-late-counter")
        .name("count late readings")
        .sinkTo(lateSink)
        .uid(UID + "-late-sink")
        .name("readings.late → Kafka");
    return metrics;
  }

  /** Per-room tumbling event-time windows; late readings go to {@link #LATE_READINGS}. */
  static SingleOutputStreamOperator<RoomMetrics> aggregateWindows(
      DataStream<RoomReading> assigned, RoomAggregationJobConfig cfg) {
    return assigned
        .keyBy(RoomReading::room)
        .window(TumblingEventTimeWindows.of(cfg.window()))
        .allowedLateness(cfg.allowedLateness())
        .sideOutputLateData(LATE_READINGS)
        .aggregate(new RoomAggregateFunction(), new RoomWindowFunction())
        .uid(UID + "-window")
        .name("room window aggregate");
  }

  /**
   * Event time from the reading; bounded out-of-orderness; idle partitions stop holding the
   * watermark; readings stamped too far ahead of the clock do not advance it.
   */
  static WatermarkStrategy<SensorReading> watermarks(RoomAggregationJobConfig cfg) {
    return EventTimeWatermarks.of(
        cfg.maxOutOfOrderness(), cfg.idleness(), cfg.maxEventTimeAhead(), SensorReading::timestamp);
  }

  /**
   * Event time and bounded out-of-orderness without idleness, for a bounded replay: its partitions
   * never wait for data, so a partition that is merely read later than the others must hold the
   * watermark (marked idle, its readings would all be late); a partition read to its end offset is
   * released by the source. Replayed readings lie in the past, so the limit on readings ahead of
   * the clock never applies there.
   */
  static WatermarkStrategy<SensorReading> boundedWatermarks(RoomAggregationJobConfig cfg) {
    return WatermarkStrategy.<SensorReading>forBoundedOutOfOrderness(cfg.maxOutOfOrderness())
        .withTimestampAssigner((r, previous) -> r.timestamp().toEpochMilli());
  }

  /** Adds the job with the real Kafka sources and sinks and the InfluxDB sink to {@code env}. */
  public static DataStream<RoomMetrics> wireFromConfig(
      StreamExecutionEnvironment env, JobsConfig cfg) {
    JobEnvironment.configure(env, cfg);
    String job = RoomAggregationJobConfig.JOB_NAME;
    return new RoomAggregationJob(
            RoomAggregationJobConfig.from(cfg),
            KafkaSources.readings(cfg, job),
            KafkaSources.registry(cfg, job),
            InfluxSink.fromConfig(cfg, InfluxPoints::roomMetrics),
            KafkaSinks.to(cfg, Topics.ROOM_METRICS, RoomMetrics::room),
            KafkaSinks.to(cfg, Topics.READINGS_LATE, SensorReading::sensorId))
        .build(env);
  }

  public static void main(String[] args) throws Exception {
    JobsConfig cfg = JobsConfig.fromEnv(JobsConfig.withArgs(System.getenv(), args));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    wireFromConfig(env, cfg);
    env.execute(RoomAggregationJobConfig.JOB_NAME);
  }
}
