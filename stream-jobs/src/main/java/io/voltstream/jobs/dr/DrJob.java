package io.voltstream.jobs.dr;

import io.voltstream.jobs.JobEnvironment;
import io.voltstream.jobs.alerts.AlertJob;
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
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.Topics;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
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
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Demand-response execution and verification (issue 9 items 4 and 5): per building, committed
 * invitations from Kafka {@code dr-invitations} are executed at their start by {@link
 * DrExecutionFunction} — battery setpoints and device instructions (source {@code dr}) on Kafka
 * {@code commands}, in the energy module's execution order — re-dispatched when a target refuses
 * (Kafka {@code command-status}), restored at the end or on cancellation, and verified against a
 * baseline: reports on Kafka {@code dr-status} and InfluxDB {@code dr_events}/{@code
 * dr_performance}, events on Kafka and InfluxDB {@code events}.
 *
 * <p>Topology: readings → room/building assignment (the room-aggregation job's {@link
 * RoomAssignmentFunction}) → power inputs ({@link DispatchInput#power}, as dispatch reads them);
 * battery state → battery's building (the dispatch job's {@link BatteryBuildingFunction});
 * flexibility device reports, invitations and command statuses; all unioned, keyed by building,
 * into {@link DrExecutionFunction} with the registry broadcast. Readings and battery reports carry
 * the watermark; the other inputs are control inputs declared idle.
 */
public class DrJob {
  private static final String UID = DrJobConfig.JOB_NAME;

  private final DrJobConfig config;
  private final Source<SensorReading, ?, ?> readings;
  private final Source<BatteryTelemetry, ?, ?> batteryState;
  private final Source<FlexibilityReport, ?, ?> flexibility;
  private final Source<DrInvitation, ?, ?> invitations;
  private final Source<String, ?, ?> commandStatus;
  private final Source<RegistryChange, ?, ?> registry;
  private final Sinks sinks;

  /** Where the job writes. */
  public record Sinks(
      Sink<Command> commands,
      Sink<DrReport> statusKafka,
      Sink<DrReport> drEventsInflux,
      Sink<DrReport> drPerformanceInflux,
      Sink<SystemEvent> eventsKafka,
      Sink<SystemEvent> eventsInflux) {}

  public DrJob(
      DrJobConfig config,
      Source<SensorReading, ?, ?> readings,
      Source<BatteryTelemetry, ?, ?> batteryState,
      Source<FlexibilityReport, ?, ?> flexibility,
      Source<DrInvitation, ?, ?> invitations,
      Source<String, ?, ?> commandStatus,
      Source<RegistryChange, ?, ?> registry,
      Sinks sinks) {
    this.config = Objects.requireNonNull(config, "config");
    this.readings = Objects.requireNonNull(readings, "readings");
    this.batteryState = Objects.requireNonNull(batteryState, "batteryState");
    this.flexibility = Objects.requireNonNull(flexibility, "flexibility");
    this.invitations = Objects.requireNonNull(invitations, "invitations");
    this.commandStatus = Objects.requireNonNull(commandStatus, "commandStatus");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sinks = Objects.requireNonNull(sinks, "sinks");
  }

  /** Adds the topology to {@code env}; returns the operator's output. */
  public DataStream<DrOutput> build(StreamExecutionEnvironment env) {
    DataStream<RegistryChange> registryStream =
        env.fromSource(registry, RegistryWatermarks.<RegistryChange>idle(), "registry")
            .uid(UID + "-registry-source");

    DataStream<DrInput> power =
        DispatchJob.powerInputs(
                env, readings, eventTime(SensorReading::timestamp), registryStream, UID)
            .map(DrInput::measurement)
            .uid(UID + "-power-measurement")
            .name("power measurement");

    DataStream<DrInput> battery =
        DispatchJob.batteryInputs(
                env, batteryState, eventTime(BatteryTelemetry::timestamp), registryStream, UID)
            .map(DrInput::measurement)
            .uid(UID + "-battery-measurement")
            .name("battery measurement");

    DataStream<DrInput> devices =
        env.fromSource(flexibility, RegistryWatermarks.<FlexibilityReport>idle(), "flexibility")
            .uid(UID + "-flexibility-source")
            .flatMap(
                (FlexibilityReport r, Collector<DrInput> out) ->
                    DrInput.device(r).ifPresent(out::collect))
            .returns(DrInput.class)
            .uid(UID + "-device-reports")
            .name("device reports");

    DataStream<DrInput> invitationStream =
        env.fromSource(invitations, RegistryWatermarks.<DrInvitation>idle(), "dr-invitations")
            .uid(UID + "-invitations-source")
            .map(DrInput::invitation)
            .uid(UID + "-invitations")
            .name("invitations");

    DataStream<DrInput> statuses =
        env.fromSource(commandStatus, RegistryWatermarks.<String>idle(), "command-status")
            .uid(UID + "-command-status-source")
            .flatMap(
                (String json, Collector<DrInput> out) ->
                    parseStatus(json).flatMap(DrInput::status).ifPresent(out::collect))
            .returns(DrInput.class)
            .uid(UID + "-command-status")
            .name("command statuses");

    SingleOutputStreamOperator<DrOutput> executed =
        power
            .union(battery, devices, invitationStream, statuses)
            .keyBy(DrInput::building)
            .connect(registryStream.broadcast(DrExecutionFunction.REGISTRY))
            .process(new DrExecutionFunction(config))
            .uid(UID + "-execute")
            .name("DR execution per building");

    executed
        .filter(o -> o.command() != null)
        .uid(UID + "-commands-only")
        .name("commands")
        .map(DrOutput::command)
        .uid(UID + "-command")
        .name("command")
        .sinkTo(sinks.commands())
        .uid(UID + "-commands-sink")
        .name("commands → Kafka");
    DataStream<DrReport> reports =
        executed
            .filter(o -> o.report() != null)
            .uid(UID + "-reports-only")
            .name("reports")
            .map(DrOutput::report)
            .uid(UID + "-report")
            .name("report");
    reports.sinkTo(sinks.statusKafka()).uid(UID + "-status-sink").name("dr-status → Kafka");
    reports
        .sinkTo(sinks.drEventsInflux())
        .uid(UID + "-dr-events-sink")
        .name("dr_events → InfluxDB");
    reports
        .sinkTo(sinks.drPerformanceInflux())
        .uid(UID + "-dr-performance-sink")
        .name("dr_performance → InfluxDB");
    DataStream<SystemEvent> events =
        executed
            .filter(o -> o.event() != null)
            .uid(UID + "-events-only")
            .name("events")
            .map(DrOutput::event)
            .uid(UID + "-event")
            .name("event");
    events.sinkTo(sinks.eventsKafka()).uid(UID + "-events-kafka-sink").name("events → Kafka");
    events.sinkTo(sinks.eventsInflux()).uid(UID + "-events-influx-sink").name("events → InfluxDB");
    return executed;
  }

  private static Optional<CommandStatus> parseStatus(String json) {
    try {
      return Optional.ofNullable(Json.MAPPER.readValue(json, CommandStatus.class));
    } catch (Exception e) {
      return Optional.empty(); // not a status: nothing to act on
    }
  }

  private <T> WatermarkStrategy<T> eventTime(EventTimeWatermarks.EventTime<T> timestamp) {
    return EventTimeWatermarks.of(
        config.maxOutOfOrderness(), config.idleness(), config.maxEventTimeAhead(), timestamp);
  }

  /** Adds the job with the real Kafka sources and sinks and the InfluxDB sinks to {@code env}. */
  public static DataStream<DrOutput> wireFromConfig(
      StreamExecutionEnvironment env, JobsConfig cfg, Map<String, String> vars) {
    JobEnvironment.configure(env, cfg);
    String job = DrJobConfig.JOB_NAME;
    return new DrJob(
            DrJobConfig.from(cfg, vars),
            KafkaSources.readings(cfg, job),
            KafkaSources.batteryState(cfg, job),
            KafkaSources.of(
                cfg,
                Topics.FLEXIBILITY,
                FlexibilityReport.class,
                job + "-flexibility",
                "undecodableFlexibility"),
            KafkaSources.of(
                cfg,
                Topics.DR_INVITATIONS,
                DrInvitation.class,
                job + "-invitations",
                "undecodableInvitations"),
            commandStatusSource(cfg, job),
            KafkaSources.registry(cfg, job),
            new Sinks(
                KafkaSinks.to(cfg, Topics.COMMANDS, Command::target),
                KafkaSinks.mapped(
                    cfg, Topics.DR_STATUS, DrReport::toExecution, DrExecution::eventId),
                InfluxSink.fromConfig(cfg, DrPoints::drEvent),
                InfluxSink.fromConfig(cfg, DrPoints::drPerformance),
                KafkaSinks.to(cfg, Topics.EVENTS, AlertJob::eventKey),
                InfluxSink.fromConfig(cfg, InfluxPoints::event)))
        .build(env);
  }

  /**
   * The command statuses as JSON text: {@link CommandStatus} holds a {@code Duration}, which is not
   * a Flink POJO type; {@link DrInput#status} keeps what the job needs.
   */
  static KafkaSource<String> commandStatusSource(JobsConfig cfg, String job) {
    return KafkaSources.text(
        cfg,
        Topics.COMMAND_STATUS,
        job + "-command-status",
        OffsetsInitializer.committedOffsets(OffsetResetStrategy.LATEST));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> vars = JobsConfig.withArgs(System.getenv(), args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
    env.execute(DrJobConfig.JOB_NAME);
  }
}
