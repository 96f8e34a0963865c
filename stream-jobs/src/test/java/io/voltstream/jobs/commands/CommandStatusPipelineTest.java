package io.voltstream.jobs.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.commands.logic.CommandTracking;
import io.voltstream.jobs.commands.logic.StatusChange;
import io.voltstream.jobs.roommetrics.CollectSink;
import io.voltstream.jobs.roommetrics.FiniteSource;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandAck;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.TargetKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The command-status topology on a MiniCluster (parallelism 2, Kryo off), finite sources,
 * collecting sinks.
 */
class CommandStatusPipelineTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  // deadlines are processing-time timers at absolute instants: issue "now" so none is already due
  private static final Instant T0 = Instant.now();
  private final CollectSink<StatusChange> influx = new CollectSink<>();
  private final CollectSink<StatusChange> kafka = new CollectSink<>();
  private final CollectSink<SystemEvent> eventsInflux = new CollectSink<>();
  private final CollectSink<SystemEvent> eventsKafka = new CollectSink<>();

  @AfterEach
  void tearDown() {
    influx.clear();
    kafka.clear();
    eventsInflux.clear();
    eventsKafka.clear();
  }

  private static Command command(String id) {
    return Command.battery(
        id,
        "bat-" + id,
        "b1",
        new BatterySetpoint(BatteryMode.CHARGE, 1000),
        T0,
        Duration.ofHours(1),
        CommandSource.DISPATCH,
        "peak_shaving");
  }

  private static CommandAck ack(String id, CommandAck.AckStatus status, String reason) {
    return new CommandAck(
        id,
        TargetKind.BATTERY,
        "bat-" + id,
        status,
        reason,
        T0.plusMillis(300),
        T0.plusMillis(300));
  }

  @Test
  void joinsCommandsAndAcksByIdAndRaisesAnEventForTheRejection() throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    new CommandStatusJob(
            new CommandStatusOptions.Settings(Duration.ofHours(1), Duration.ofHours(1)),
            FiniteSource.of(
                TypeInformation.of(Command.class),
                List.of(command("a"), command("b"), command("c"))),
            FiniteSource.of(
                TypeInformation.of(CommandAck.class),
                List.of(
                    ack("a", CommandAck.AckStatus.APPLIED, null),
                    ack("b", CommandAck.AckStatus.REJECTED, "busy"))),
            influx,
            kafka,
            eventsInflux,
            eventsKafka)
        .build(env);
    env.execute("command-status-test");

    List<String> finals =
        influx.values().stream()
            .filter(s -> s.state().isFinal())
            .map(s -> s.command().commandId() + ":" + s.state() + ":" + s.ackLatencyMs())
            .toList();
    assertThat(finals).containsExactlyInAnyOrder("a:APPLIED:300", "b:REJECTED:300");
    assertThat(influx.values())
        .filteredOn(s -> !s.state().isFinal())
        .extracting(s -> s.command().commandId())
        .containsExactlyInAnyOrder("a", "b", "c");
    assertThat(influx.values())
        .extracting(s -> s.command().commandId())
        .containsOnlyOnce("c"); // still pending
    assertThat(kafka.values()).hasSameSizeAs(influx.values());
    assertThat(eventsInflux.values())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(CommandTracking.COMMAND_REJECTED);
              assertThat(e.sensorId()).isEqualTo("bat-b");
            });
    assertThat(eventsKafka.values()).hasSize(1);
  }
}
