package io.voltstream.jobs.rules;

import io.voltstream.jobs.JobEnvironment;
import io.voltstream.jobs.alerts.AlertJob;
import io.voltstream.jobs.io.EventTimeWatermarks;
import io.voltstream.jobs.io.InfluxPoints;
import io.voltstream.jobs.io.InfluxSink;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.KafkaSinks;
import io.voltstream.jobs.io.KafkaSources;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.RegistryWatermarks;
import io.voltstream.jobs.roommetrics.RoomAssignmentFunction;
import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.jobs.rules.logic.RuleDecision;
import io.voltstream.jobs.rules.logic.RuleSample;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.Topics;
import io.voltstream.model.command.Command;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * Automation rules (issue 9 item 2): every enabled rule of the registry is evaluated continuously
 * over the readings of its room or sensor, in event time; each firing is a {@code rule_fired} /
 * {@code rule_cleared} event (Kafka and InfluxDB {@code events}) and, for a device or battery
 * action, a command with source {@code rule} on Kafka {@code commands}, which the command bridge,
 * the devices and the command-status job carry on like any other command.
 *
 * <p>Topology: readings (event time, bounded out-of-orderness, idle partitions ignored) → room and
 * building from the registry (the room-aggregation job's {@link RoomAssignmentFunction}, reused) →
 * one {@link RuleSample} per room and per sensor → keyed by subject → {@link RuleFunction} with the
 * rules broadcast from the registry (declared idle: {@link RegistryWatermarks}) → decisions.
 * Sources and sinks are injected so tests run the same topology on finite data.
 */
public class RulesJob {
  public static final String JOB_NAME = "rules";
  private static final String UID = JOB_NAME;

  private final RulesOptions.Settings settings;
  private final Source<SensorReading, ?, ?> readings;
  private final Source<RegistryChange, ?, ?> registry;
  private final Sink<Command> commandSink;
  private final Sink<SystemEvent> eventsInflux;
  private final Sink<SystemEvent> eventsKafka;

  public RulesJob(
      RulesOptions.Settings settings,
      Source<SensorReading, ?, ?> readings,
      Source<RegistryChange, ?, ?> registry,
      Sink<Command> commandSink,
      Sink<SystemEvent> eventsInflux,
      Sink<SystemEvent> eventsKafka) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.readings = Objects.requireNonNull(readings, "readings");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.commandSink = Objects.requireNonNull(commandSink, "commandSink");
    this.eventsInflux = Objects.requireNonNull(eventsInflux, "eventsInflux");
    this.eventsKafka = Objects.requireNonNull(eventsKafka, "eventsKafka");
  }

  /** Adds the topology to {@code env}; returns the decisions. */
  public DataStream<RuleDecision> build(StreamExecutionEnvironment env) {
    DataStream<RegistryChange> registryStream =
        env.fromSource(registry, RegistryWatermarks.<RegistryChange>idle(), "registry")
            .uid(UID + "-registry-source");
    WatermarkStrategy<SensorReading> eventTime =
        EventTimeWatermarks.of(
            settings.maxOutOfOrderness(),
            settings.idleness(),
            settings.maxEventTimeAhead(),
            SensorReading::timestamp);

    SingleOutputStreamOperator<RuleDecision> decisions =
        env.fromSource(readings, eventTime, KafkaSources.readingsSourceName(UID))
            .uid(UID + "-readings-source")
            .connect(registryStream.broadcast(RoomAssignmentFunction.REGISTRY_VERSIONS))
            .process(new RoomAssignmentFunction())
            .uid(UID + "-assign-room")
            .name("assign room and building")
            .flatMap(
                (RoomReading r, Collector<RuleSample> out) ->
                    RuleSample.of(r).forEach(out::collect))
            .returns(RuleSample.class)
            .uid(UID + "-samples")
            .name("room and sensor samples")
            .keyBy(RuleSample::subject)
            .connect(registryStream.broadcast(RuleFunction.RULES))
            .process(new RuleFunction(settings.commandValidity()))
            .uid(UID + "-evaluate")
            .name("evaluate rules per room / sensor");

    DataStream<SystemEvent> events =
        decisions.map(RuleDecision::event).uid(UID + "-events").name("rule events");
    events.sinkTo(eventsInflux).uid(UID + "-events-influx-sink").name("events → InfluxDB");
    events.sinkTo(eventsKafka).uid(UID + "-events-kafka-sink").name("events → Kafka");
    decisions
        .filter(d -> d.command() != null)
        .uid(UID + "-with-command")
        .name("firings with a command")
        .map(RuleDecision::command)
        .uid(UID + "-commands")
        .name("rule commands")
        .sinkTo(commandSink)
        .uid(UID + "-kafka-sink")
        .name("commands → Kafka");
    return decisions;
  }

  /** Adds the job with the real Kafka sources and sinks and the InfluxDB sink to {@code env}. */
  public static DataStream<RuleDecision> wireFromConfig(
      StreamExecutionEnvironment env, JobsConfig cfg, Map<String, String> vars) {
    JobEnvironment.configure(env, cfg);
    return new RulesJob(
            RulesOptions.Settings.from(cfg, vars),
            KafkaSources.readings(cfg, JOB_NAME),
            KafkaSources.registry(cfg, JOB_NAME),
            KafkaSinks.to(cfg, Topics.COMMANDS, Command::target),
            InfluxSink.fromConfig(cfg, InfluxPoints::event),
            KafkaSinks.to(cfg, Topics.EVENTS, AlertJob::eventKey))
        .build(env);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> vars = JobsConfig.withArgs(System.getenv(), args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
    env.execute(JOB_NAME);
  }
}
