package io.voltstream.jobs.flexibility;

import io.voltstream.jobs.JobEnvironment;
import io.voltstream.jobs.dispatch.BatteryBuildingFunction;
import io.voltstream.jobs.dispatch.DispatchInput;
import io.voltstream.jobs.dispatch.DispatchJob;
import io.voltstream.jobs.io.EventTimeWatermarks;
import io.voltstream.jobs.io.InfluxPoints;
import io.voltstream.jobs.io.InfluxSink;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.KafkaSinks;
import io.voltstream.jobs.io.KafkaSources;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.RegistryWatermarks;
import io.voltstream.jobs.roommetrics.RoomAssignmentFunction;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.FlexibilityReport;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Continuous flexibility (issue 9 item 3): per building, every 10 s of event time, the latest
 * metered power of each registered device and the state of each battery go through the energy
 * module's flexibility rules; a {@link FlexibilityReport} per device, room and building goes to
 * Kafka {@code flexibility} (key building) and InfluxDB {@code flexibility}.
 *
 * <p>Topology: readings → room/building assignment (the dispatch job's {@link
 * DispatchJob#powerInputs}, over {@link RoomAssignmentFunction}; device meters are registered
 * sensors) → power inputs; battery state → the battery's building (the dispatch job's {@link
 * BatteryBuildingFunction}); both unioned, keyed by building, into {@link FlexibilityFunction} with
 * the registry broadcast. The inputs are the dispatch job's {@link DispatchInput} records (same
 * readings, same battery reports). Sources and sinks are injected so tests run this topology on
 * finite data.
 *
 * <p>Event time: readings and battery reports carry the watermark (bounded out-of-orderness, idle
 * partitions ignored); the registry is declared idle ({@link RegistryWatermarks}).
 */
public class FlexibilityJob {
  private static final String UID = FlexibilityJobConfig.JOB_NAME;

  private final FlexibilityJobConfig config;
  private final Source<SensorReading, ?, ?> readings;
  private final Source<BatteryTelemetry, ?, ?> batteryState;
  private final Source<RegistryChange, ?, ?> registry;
  private final Sink<FlexibilityReport> kafkaSink;
  private final Sink<FlexibilityReport> influxSink;

  public FlexibilityJob(
      FlexibilityJobConfig config,
      Source<SensorReading, ?, ?> readings,
      Source<BatteryTelemetry, ?, ?> batteryState,
      Source<RegistryChange, ?, ?> registry,
      Sink<FlexibilityReport> kafkaSink,
      Sink<FlexibilityReport> influxSink) {
    this.config = Objects.requireNonNull(config, "config");
    this.readings = Objects.requireNonNull(readings, "readings");
    this.batteryState = Objects.requireNonNull(batteryState, "batteryState");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.kafkaSink = Objects.requireNonNull(kafkaSink, "kafkaSink");
    this.influxSink = Objects.requireNonNull(influxSink, "influxSink");
  }

  /** Adds the topology to {@code env}; returns the reports. */
  public DataStream<FlexibilityReport> build(StreamExecutionEnvironment env) {
    DataStream<RegistryChange> registryStream =
        env.fromSource(registry, RegistryWatermarks.<RegistryChange>idle(), "registry")
            .uid(UID + "-registry-source");

    DataStream<DispatchInput> power =
        DispatchJob.powerInputs(
            env, readings, eventTime(SensorReading::timestamp), registryStream, UID);

    DataStream<DispatchInput> battery =
        DispatchJob.batteryInputs(
            env, batteryState, eventTime(BatteryTelemetry::timestamp), registryStream, UID);

    SingleOutputStreamOperator<FlexibilityReport> reports =
        power
            .union(battery)
            .keyBy(DispatchInput::building)
            .connect(registryStream.broadcast(FlexibilityFunction.REGISTRY))
            .process(new FlexibilityFunction(config))
            .uid(UID + "-evaluate")
            .name("flexibility per building");

    reports.sinkTo(influxSink).uid(UID + "-influx-sink").name("flexibility → InfluxDB");
    reports.sinkTo(kafkaSink).uid(UID + "-kafka-sink").name("flexibility → Kafka");
    return reports;
  }

  private <T> WatermarkStrategy<T> eventTime(EventTimeWatermarks.EventTime<T> timestamp) {
    return EventTimeWatermarks.of(
        config.maxOutOfOrderness(), config.idleness(), config.maxEventTimeAhead(), timestamp);
  }

  /** Adds the job with the real Kafka sources and sinks and the InfluxDB sink to {@code env}. */
  public static DataStream<FlexibilityReport> wireFromConfig(
      StreamExecutionEnvironment env, JobsConfig cfg, Map<String, String> vars) {
    JobEnvironment.configure(env, cfg);
    String job = FlexibilityJobConfig.JOB_NAME;
    return new FlexibilityJob(
            FlexibilityJobConfig.from(cfg, vars),
            KafkaSources.readings(cfg, job),
            KafkaSources.batteryState(cfg, job),
            KafkaSources.registry(cfg, job),
            KafkaSinks.to(cfg, Topics.FLEXIBILITY, FlexibilityReport::building),
            InfluxSink.fromConfig(cfg, InfluxPoints::flexibility))
        .build(env);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> vars = JobsConfig.withArgs(System.getenv(), args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
    env.execute(FlexibilityJobConfig.JOB_NAME);
  }
}
