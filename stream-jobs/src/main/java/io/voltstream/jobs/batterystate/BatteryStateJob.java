package io.voltstream.jobs.batterystate;

import io.voltstream.jobs.JobEnvironment;
import io.voltstream.jobs.batterystate.logic.BatteryStateRow;
import io.voltstream.jobs.io.InfluxPoints;
import io.voltstream.jobs.io.InfluxSink;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.KafkaSources;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.Topics;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Battery telemetry from Kafka {@code battery-state} to InfluxDB {@code battery_state}, each point
 * tagged with its battery's building from the registry ({@link BatteryBuildingFunction}). Stateless
 * apart from the broadcast registry view; no timers, so no watermarks.
 */
public class BatteryStateJob {
  public static final String JOB_NAME = "battery-state";
  private static final String UID = JOB_NAME;

  private final Source<BatteryTelemetry, ?, ?> telemetry;
  private final Source<RegistryChange, ?, ?> registry;
  private final Sink<BatteryStateRow> influxSink;

  public BatteryStateJob(
      Source<BatteryTelemetry, ?, ?> telemetry,
      Source<RegistryChange, ?, ?> registry,
      Sink<BatteryStateRow> influxSink) {
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.influxSink = Objects.requireNonNull(influxSink, "influxSink");
  }

  /** Adds the topology to {@code env}; returns the tagged rows. */
  public DataStream<BatteryStateRow> build(StreamExecutionEnvironment env) {
    BroadcastStream<RegistryChange> registryView =
        env.fromSource(registry, WatermarkStrategy.noWatermarks(), "registry")
            .uid(UID + "-registry-source")
            .broadcast(BatteryBuildingFunction.BATTERY_BUILDINGS);
    DataStream<BatteryStateRow> rows =
        env.fromSource(telemetry, WatermarkStrategy.noWatermarks(), "battery-state")
            .uid(UID + "-telemetry-source")
            .connect(registryView)
            .process(new BatteryBuildingFunction())
            .uid(UID + "-building")
            .name("battery → building");
    rows.sinkTo(influxSink).uid(UID + "-influx-sink").name("battery_state → InfluxDB");
    return rows;
  }

  /** Adds the job with the real Kafka sources and the InfluxDB sink to {@code env}. */
  public static DataStream<BatteryStateRow> wireFromConfig(
      StreamExecutionEnvironment env, JobsConfig cfg) {
    JobEnvironment.configure(env, cfg);
    return new BatteryStateJob(
            KafkaSources.of(
                cfg,
                Topics.BATTERY_STATE,
                BatteryTelemetry.class,
                JOB_NAME,
                "deserializationFailures"),
            KafkaSources.registry(cfg, JOB_NAME),
            InfluxSink.fromConfig(
                cfg,
                (BatteryStateRow row) ->
                    InfluxPoints.batteryState(row.telemetry(), row.building())))
        .build(env);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> vars = JobsConfig.withArgs(System.getenv(), args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    wireFromConfig(env, JobsConfig.fromEnv(vars));
    env.execute(JOB_NAME);
  }
}
