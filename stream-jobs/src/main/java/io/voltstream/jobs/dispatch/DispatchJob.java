package io.voltstream.jobs.dispatch;

import io.voltstream.jobs.JobEnvironment;
import io.voltstream.jobs.dispatch.logic.BatteryDecision;
import io.voltstream.jobs.io.EventTimeWatermarks;
import io.voltstream.jobs.io.InfluxSink;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.KafkaSinks;
import io.voltstream.jobs.io.KafkaSources;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.RegistryWatermarks;
import io.voltstream.jobs.roommetrics.RoomAssignmentFunction;
import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import io.voltstream.model.command.Command;
import io.voltstream.model.market.MarketTrade;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Continuous battery dispatch (issue 8 item 5): per building, every 10 s of event time, net load
 * from the readings, the batteries' state, manual overrides and the forecasts go through the energy
 * module's strategy stack (and the 15-minute planner when the building's stack has {@code plan});
 * each battery gets a {@code dispatch} command on Kafka {@code commands} and a decision point in
 * InfluxDB {@code battery_dispatch}.
 *
 * <p>Topology: readings → room/building assignment (the room-aggregation job's {@link
 * RoomAssignmentFunction}) → power inputs; battery state and manual commands → battery's building
 * ({@link BatteryBuildingFunction}); forecasts; market trades as a buyer leg and a seller leg
 * ({@link DispatchInput#legs}); all unioned, keyed by building, into {@link DispatchFunction} with
 * the registry broadcast. Sources and sinks are injected so tests run this topology on finite data.
 *
 * <p>Event time: readings and battery reports carry the watermark (bounded out-of-orderness, idle
 * partitions ignored); registry, commands, forecasts and trades are control inputs declared idle
 * ({@link RegistryWatermarks}), so they never hold it back.
 */
public class DispatchJob {
  private static final String UID = DispatchJobConfig.JOB_NAME;

  private final DispatchJobConfig config;
  private final Source<SensorReading, ?, ?> readings;
  private final Source<BatteryTelemetry, ?, ?> batteryState;
  private final Source<Command, ?, ?> commands;
  private final Source<String, ?, ?> forecasts;
  private final Source<MarketTrade, ?, ?> trades;
  private final Source<RegistryChange, ?, ?> registry;
  private final Sink<Command> commandSink;
  private final Sink<BatteryDecision> influxSink;

  public DispatchJob(
      DispatchJobConfig config,
      Source<SensorReading, ?, ?> readings,
      Source<BatteryTelemetry, ?, ?> batteryState,
      Source<Command, ?, ?> commands,
      Source<String, ?, ?> forecasts,
      Source<MarketTrade, ?, ?> trades,
      Source<RegistryChange, ?, ?> registry,
      Sink<Command> commandSink,
      Sink<BatteryDecision> influxSink) {
    this.config = Objects.requireNonNull(config, "config");
    this.readings = Objects.requireNonNull(readings, "readings");
    this.batteryState = Objects.requireNonNull(batteryState, "batteryState");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.forecasts = Objects.requireNonNull(forecasts, "forecasts");
    this.trades = Objects.requireNonNull(trades, "trades");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.commandSink = Objects.requireNonNull(commandSink, "commandSink");
    this.influxSink = Objects.requireNonNull(influxSink, "influxSink");
  }

  /** Adds the topology to {@code env}; returns the decisions. */
  public DataStream<BatteryDecision> build(StreamExecutionEnvironment env) {
    DataStream<RegistryChange> registryStream =
        env.fromSource(registry, RegistryWatermarks.<RegistryChange>idle(), "registry")
            .uid(UID + "-registry-source");

    DataStream<DispatchInput> power =
        powerInputs(env, readings, eventTime(SensorReading::timestamp), registryStream, UID);

    DataStream<DispatchInput> battery =
        env.fromSource(batteryState, eventTime(BatteryTelemetry::timestamp), "battery-state")
            .uid(UID + "-battery-state-source")
            .map(DispatchInput::battery)
            .uid(UID + "-battery-input")
            .name("battery state");

    DataStream<DispatchInput> manual =
        flatten(
            env.fromSource(commands, RegistryWatermarks.<Command>idle(), "commands")
                .uid(UID + "-commands-source"),
            DispatchInput::manual,
            "manual-commands");

    DataStream<DispatchInput> forecast =
        flatten(
            env.fromSource(forecasts, RegistryWatermarks.<String>idle(), "forecasts")
                .uid(UID + "-forecasts-source"),
            DispatchInput::forecast,
            "forecast-batches");

    DataStream<DispatchInput> tradeLegs =
        env.fromSource(trades, RegistryWatermarks.<MarketTrade>idle(), "market-trades")
            .uid(UID + "-trades-source")
            .flatMap(
                (MarketTrade t, org.apache.flink.util.Collector<DispatchInput> out) ->
                    DispatchInput.legs(t).forEach(out::collect))
            .returns(DispatchInput.class)
            .uid(UID + "-trade-legs")
            .name("trade legs");

    DataStream<DispatchInput> located =
        battery
            .union(manual)
            .connect(registryStream.broadcast(RoomAssignmentFunction.REGISTRY_VIEW))
            .process(new BatteryBuildingFunction())
            .uid(UID + "-battery-building")
            .name("battery → building");

    SingleOutputStreamOperator<BatteryDecision> decisions =
        power
            .union(located, forecast, tradeLegs)
            .keyBy(DispatchInput::building)
            .connect(registryStream.broadcast(DispatchFunction.REGISTRY))
            .process(new DispatchFunction(config))
            .uid(UID + "-decide")
            .name("dispatch per building");

    decisions.sinkTo(influxSink).uid(UID + "-influx-sink").name("battery_dispatch → InfluxDB");
    decisions
        .filter(d -> d.command() != null)
        .uid(UID + "-with-command")
        .name("issued commands")
        .map(BatteryDecision::command)
        .uid(UID + "-command")
        .name("command")
        .sinkTo(commandSink)
        .uid(UID + "-kafka-sink")
        .name("commands → Kafka");
    return decisions;
  }

  /**
   * Readings with their room and building from the registry (the room-aggregation job's {@link
   * RoomAssignmentFunction}) as {@code POWER} inputs; readings without power or energy are dropped.
   * Shared with the DR job; operator uids are {@code <uid>-readings-source}, {@code
   * <uid>-assign-room}, {@code <uid>-power}.
   */
  public static DataStream<DispatchInput> powerInputs(
      StreamExecutionEnvironment env,
      Source<SensorReading, ?, ?> readings,
      WatermarkStrategy<SensorReading> watermarks,
      DataStream<RegistryChange> registry,
      String uid) {
    return roomReadings(env, readings, watermarks, registry, uid)
        .flatMap(
            (RoomReading r, org.apache.flink.util.Collector<DispatchInput> out) ->
                DispatchInput.power(r).ifPresent(out::collect))
        .returns(DispatchInput.class)
        .uid(uid + "-power")
        .name("power readings");
  }

  /**
   * Battery telemetry as {@code BATTERY} inputs with the building of their battery ({@link
   * BatteryBuildingFunction}: reports of unregistered batteries are counted, not passed on). Shared
   * with the DR, flexibility, market agents and settlement jobs; operator uids {@code
   * <uid>-battery-state-source}, {@code <uid>-battery-input}, {@code <uid>-battery-building}.
   */
  public static DataStream<DispatchInput> batteryInputs(
      StreamExecutionEnvironment env,
      Source<BatteryTelemetry, ?, ?> batteryState,
      WatermarkStrategy<BatteryTelemetry> watermarks,
      DataStream<RegistryChange> registry,
      String uid) {
    return env.fromSource(batteryState, watermarks, "battery-state")
        .uid(uid + "-battery-state-source")
        .map(DispatchInput::battery)
        .uid(uid + "-battery-input")
        .name("battery state")
        .connect(registry.broadcast(RoomAssignmentFunction.REGISTRY_VIEW))
        .process(new BatteryBuildingFunction())
        .uid(uid + "-battery-building")
        .name("battery → building");
  }

  /**
   * Readings with their room and building from the registry (the room-aggregation job's {@link
   * RoomAssignmentFunction}); operator uids {@code <uid>-readings-source} and {@code
   * <uid>-assign-room}. The settlement job needs the room, which {@link DispatchInput} drops. The
   * source is named after the job ({@link KafkaSources#readingsSourceName}).
   */
  public static DataStream<RoomReading> roomReadings(
      StreamExecutionEnvironment env,
      Source<SensorReading, ?, ?> readings,
      WatermarkStrategy<SensorReading> watermarks,
      DataStream<RegistryChange> registry,
      String uid) {
    return env.fromSource(readings, watermarks, KafkaSources.readingsSourceName(uid))
        .uid(uid + "-readings-source")
        .connect(registry.broadcast(RoomAssignmentFunction.REGISTRY_VERSIONS))
        .process(new RoomAssignmentFunction())
        .uid(uid + "-assign-room")
        .name("assign room and building");
  }

  private static <T> DataStream<DispatchInput> flatten(
      DataStream<T> in,
      org.apache.flink.api.common.functions.MapFunction<T, Optional<DispatchInput>> f,
      String name) {
    return in.flatMap(
            (T t, org.apache.flink.util.Collector<DispatchInput> out) ->
                f.map(t).ifPresent(out::collect))
        .returns(DispatchInput.class)
        .uid(UID + "-" + name)
        .name(name);
  }

  private <T> WatermarkStrategy<T> eventTime(EventTimeWatermarks.EventTime<T> timestamp) {
    return EventTimeWatermarks.of(
        config.maxOutOfOrderness(), config.idleness(), config.maxEventTimeAhead(), timestamp);
  }

  /** Adds the job with the real Kafka sources and sinks and the InfluxDB sink to {@code env}. */
  public static DataStream<BatteryDecision> wireFromConfig(
      StreamExecutionEnvironment env, JobsConfig cfg, Map<String, String> vars) {
    JobEnvironment.configure(env, cfg);
    String job = DispatchJobConfig.JOB_NAME;
    return new DispatchJob(
            DispatchJobConfig.from(cfg, vars),
            KafkaSources.readings(cfg, job),
            KafkaSources.batteryState(cfg, job),
            KafkaSources.of(
                cfg, Topics.COMMANDS, Command.class, job + "-commands", "undecodableCommands"),
            forecastSource(cfg, job),
            KafkaSources.of(
                cfg, Topics.MARKET_TRADES, MarketTrade.class, job + "-trades", "undecodableTrades"),
            KafkaSources.registry(cfg, job),
            KafkaSinks.to(cfg, Topics.COMMANDS, Command::target),
            InfluxSink.fromConfig(cfg, DispatchPoints::batteryDispatch))
        .build(env);
  }

  /**
   * The forecast batches as JSON text: the topic's value type ({@code JsonNode}) is not a Flink
   * POJO (generic types are off), and only {@link io.voltstream.jobs.dispatch.logic.ForecastBatch}
   * reads it.
   */
  static KafkaSource<String> forecastSource(JobsConfig cfg, String job) {
    return KafkaSources.text(
        cfg, Topics.FORECASTS, job + "-forecasts", OffsetsInitializer.earliest());
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> vars = JobsConfig.withArgs(System.getenv(), args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
    env.execute(DispatchJobConfig.JOB_NAME);
  }
}
