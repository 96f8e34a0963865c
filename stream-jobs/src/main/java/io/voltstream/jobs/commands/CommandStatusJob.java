package io.voltstream.jobs.commands;

import io.voltstream.jobs.JobEnvironment;
import io.voltstream.jobs.alerts.AlertJob;
import io.voltstream.jobs.commands.logic.CommandTracking;
import io.voltstream.jobs.commands.logic.StatusChange;
import io.voltstream.jobs.io.InfluxPoints;
import io.voltstream.jobs.io.InfluxSink;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.KafkaSinks;
import io.voltstream.jobs.io.KafkaSources;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.Topics;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandAck;
import io.voltstream.model.command.CommandStatus;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The status of every command (design §8): joins Kafka {@code commands} and {@code command-acks} by
 * {@code command_id} ({@link CommandStatusFunction}) and writes each status — pending, then
 * applied, rejected, expired or timeout — to InfluxDB {@code commands} (one point per command at
 * its issue time, rewritten as the status moves), to Kafka {@code command-status} (key = command
 * id) and, for rejections, timeouts and expiries, a {@link SystemEvent} to Kafka and InfluxDB
 * {@code events}. Timers are processing-time (see {@link CommandStatusFunction}), so no watermarks
 * are needed.
 */
public class CommandStatusJob {
  public static final String JOB_NAME = "command-status";
  private static final String UID = JOB_NAME;

  private final CommandStatusOptions.Settings settings;
  private final Source<Command, ?, ?> commands;
  private final Source<CommandAck, ?, ?> acks;
  private final Sink<StatusChange> statusInflux;
  private final Sink<StatusChange> statusKafka;
  private final Sink<SystemEvent> eventsInflux;
  private final Sink<SystemEvent> eventsKafka;

  public CommandStatusJob(
      CommandStatusOptions.Settings settings,
      Source<Command, ?, ?> commands,
      Source<CommandAck, ?, ?> acks,
      Sink<StatusChange> statusInflux,
      Sink<StatusChange> statusKafka,
      Sink<SystemEvent> eventsInflux,
      Sink<SystemEvent> eventsKafka) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.acks = Objects.requireNonNull(acks, "acks");
    this.statusInflux = Objects.requireNonNull(statusInflux, "statusInflux");
    this.statusKafka = Objects.requireNonNull(statusKafka, "statusKafka");
    this.eventsInflux = Objects.requireNonNull(eventsInflux, "eventsInflux");
    this.eventsKafka = Objects.requireNonNull(eventsKafka, "eventsKafka");
  }

  /** Adds the topology to {@code env}; returns the status stream. */
  public DataStream<StatusChange> build(StreamExecutionEnvironment env) {
    DataStream<Command> commandStream =
        env.fromSource(commands, WatermarkStrategy.noWatermarks(), "commands")
            .uid(UID + "-commands-source");
    DataStream<CommandAck> ackStream =
        env.fromSource(acks, WatermarkStrategy.noWatermarks(), "command-acks")
            .uid(UID + "-acks-source");
    DataStream<StatusChange> statuses =
        commandStream
            .keyBy(Command::commandId)
            .connect(ackStream.keyBy(CommandAck::commandId))
            .process(new CommandStatusFunction(settings.ackTimeout(), settings.orphanAckTtl()))
            .uid(UID + "-tracking")
            .name("command ⋈ ack with timeout");
    statuses.sinkTo(statusInflux).uid(UID + "-influx-sink").name("status → InfluxDB commands");
    statuses.sinkTo(statusKafka).uid(UID + "-kafka-sink").name("status → Kafka command-status");
    DataStream<SystemEvent> events =
        statuses
            .flatMap(
                (StatusChange s, org.apache.flink.util.Collector<SystemEvent> out) ->
                    CommandTracking.event(s).ifPresent(out::collect))
            .returns(SystemEvent.class)
            .uid(UID + "-events")
            .name("rejected/timeout/expired events");
    events.sinkTo(eventsInflux).uid(UID + "-events-influx-sink").name("events → InfluxDB");
    events.sinkTo(eventsKafka).uid(UID + "-events-kafka-sink").name("events → Kafka");
    return statuses;
  }

  /** Adds the job with the real Kafka sources and sinks and the InfluxDB sinks to {@code env}. */
  public static DataStream<StatusChange> wireFromConfig(
      StreamExecutionEnvironment env, JobsConfig cfg, Map<String, String> vars) {
    JobEnvironment.configure(env, cfg);
    return new CommandStatusJob(
            CommandStatusOptions.Settings.from(vars),
            KafkaSources.of(
                cfg,
                Topics.COMMANDS,
                Command.class,
                JOB_NAME + "-commands",
                "commandDeserializationFailures"),
            KafkaSources.of(
                cfg,
                Topics.COMMAND_ACKS,
                CommandAck.class,
                JOB_NAME + "-acks",
                "ackDeserializationFailures"),
            InfluxSink.fromConfig(cfg, (StatusChange s) -> InfluxPoints.command(s.toStatus())),
            KafkaSinks.mapped(
                cfg, Topics.COMMAND_STATUS, StatusChange::toStatus, CommandStatus::commandId),
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
