package io.voltstream.jobs.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.commands.logic.CommandTracking;
import io.voltstream.jobs.commands.logic.StatusChange;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandAck;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.CommandState;
import io.voltstream.model.command.TargetKind;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The command ⋈ ack operator in a harness: statuses, processing-time deadlines, state cleanup,
 * restore.
 */
class CommandStatusFunctionTest {
  private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration ORPHAN_TTL = Duration.ofMinutes(5);

  private KeyedTwoInputStreamOperatorTestHarness<String, Command, CommandAck, StatusChange> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = newHarness();
    harness.open();
    harness.setProcessingTime(T0.toEpochMilli());
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private static KeyedTwoInputStreamOperatorTestHarness<String, Command, CommandAck, StatusChange>
      newHarness() throws Exception {
    return new KeyedTwoInputStreamOperatorTestHarness<>(
        new KeyedCoProcessOperator<>(new CommandStatusFunction(ACK_TIMEOUT, ORPHAN_TTL)),
        Command::commandId,
        CommandAck::commandId,
        Types.STRING);
  }

  private static Command command(String id, Duration validFor) {
    return Command.battery(
        id,
        "bat-1",
        "b1",
        new BatterySetpoint(BatteryMode.CHARGE, 2000),
        T0,
        validFor,
        CommandSource.MANUAL,
        "admin");
  }

  private static CommandAck ack(String id, CommandAck.AckStatus status, String reason, Instant at) {
    return new CommandAck(id, TargetKind.BATTERY, "bat-1", status, reason, at, at);
  }

  private void send(Command c) throws Exception {
    harness.processElement1(new StreamRecord<>(c));
  }

  private void send(CommandAck a) throws Exception {
    harness.processElement2(new StreamRecord<>(a));
  }

  private void assertNoStateOrTimers() {
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void commandIsPendingThenAppliedWithLatencyAndLeavesNoState() throws Exception {
    send(command("c-1", Duration.ofMinutes(5)));
    assertThat(harness.extractOutputValues())
        .extracting(StatusChange::state)
        .containsExactly(CommandState.PENDING);
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    send(ack("c-1", CommandAck.AckStatus.APPLIED, null, T0.plusMillis(420)));

    assertThat(harness.extractOutputValues())
        .last()
        .satisfies(
            s -> {
              assertThat(s.state()).isEqualTo(CommandState.APPLIED);
              assertThat(s.ackLatencyMs()).isEqualTo(420L);
              assertThat(s.toStatus().ackLatency()).isEqualTo(Duration.ofMillis(420));
              assertThat(s.at()).isEqualTo(T0.plusMillis(420));
            });
    assertNoStateOrTimers();
  }

  @Test
  void rejectionCarriesTheTargetsReasonAndRaisesAnEvent() throws Exception {
    send(command("c-1", Duration.ofMinutes(5)));
    send(
        ack(
            "c-1",
            CommandAck.AckStatus.REJECTED,
            "power_w 9000 exceeds max_charge_w 5000",
            T0.plusSeconds(1)));

    StatusChange last = harness.extractOutputValues().get(1);
    assertThat(last.state()).isEqualTo(CommandState.REJECTED);
    assertThat(last.reason()).isEqualTo("power_w 9000 exceeds max_charge_w 5000");
    assertThat(CommandTracking.event(last))
        .hasValueSatisfying(
            e -> {
              assertThat(e.kind()).isEqualTo(CommandTracking.COMMAND_REJECTED);
              assertThat(e.sensorId()).isEqualTo("bat-1");
              assertThat(e.severity()).isEqualTo(SystemEvent.Severity.WARNING);
            });
    assertNoStateOrTimers();
  }

  @Test
  void noAckWithinTheTimeoutIsATimeoutEvenWhenNothingElseArrives() throws Exception {
    send(command("c-1", Duration.ofMinutes(5)));
    harness.setProcessingTime(T0.plus(ACK_TIMEOUT).toEpochMilli() - 1);
    assertThat(harness.extractOutputValues()).hasSize(1);

    harness.setProcessingTime(T0.plus(ACK_TIMEOUT).toEpochMilli());

    assertThat(harness.extractOutputValues())
        .last()
        .satisfies(
            s -> {
              assertThat(s.state()).isEqualTo(CommandState.TIMEOUT);
              assertThat(s.at()).isEqualTo(T0.plus(ACK_TIMEOUT));
              assertThat(CommandTracking.event(s))
                  .map(SystemEvent::kind)
                  .contains(CommandTracking.COMMAND_TIMEOUT);
            });
    assertNoStateOrTimers();
  }

  @Test
  void validUntilBeforeTheTimeoutMakesItExpired() throws Exception {
    send(command("c-1", Duration.ofSeconds(10)));
    harness.setProcessingTime(T0.plusSeconds(10).toEpochMilli());

    assertThat(harness.extractOutputValues())
        .last()
        .satisfies(
            s -> {
              assertThat(s.state()).isEqualTo(CommandState.EXPIRED);
              assertThat(s.at()).isEqualTo(T0.plusSeconds(10));
              assertThat(CommandTracking.event(s))
                  .map(SystemEvent::kind)
                  .contains(CommandTracking.COMMAND_EXPIRED);
            });
    assertNoStateOrTimers();
  }

  @Test
  void anAckBeforeItsCommandIsBufferedAndJoined() throws Exception {
    send(ack("c-1", CommandAck.AckStatus.APPLIED, null, T0.plusMillis(50)));
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    send(command("c-1", Duration.ofMinutes(5)));

    assertThat(harness.extractOutputValues())
        .extracting(StatusChange::state)
        .containsExactly(CommandState.PENDING, CommandState.APPLIED);
    assertNoStateOrTimers();
  }

  @Test
  void anOrphanAckIsDroppedAfterItsTtl() throws Exception {
    send(ack("c-1", CommandAck.AckStatus.APPLIED, null, T0));
    harness.setProcessingTime(T0.plus(ORPHAN_TTL).toEpochMilli());
    assertThat(harness.extractOutputValues()).isEmpty();
    assertNoStateOrTimers();
  }

  @Test
  void aDuplicateOfAPendingCommandIsIgnored() throws Exception {
    send(command("c-1", Duration.ofMinutes(5)));
    send(command("c-1", Duration.ofMinutes(5)));
    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
  }

  @Test
  void pendingCommandAndItsTimerSurviveASnapshotAndRestore() throws Exception {
    send(command("c-1", Duration.ofMinutes(5)));
    send(command("c-2", Duration.ofMinutes(5)));
    OperatorSubtaskState snapshot = harness.snapshot(1L, T0.toEpochMilli());
    harness.close();

    harness = newHarness();
    harness.setup();
    harness.initializeState(snapshot);
    harness.open();
    harness.setProcessingTime(T0.plusSeconds(1).toEpochMilli());
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(2);

    send(ack("c-1", CommandAck.AckStatus.APPLIED, null, T0.plusSeconds(1)));
    // the job was "down" past c-2's deadline: its restored timer fires as soon as time moves on
    harness.setProcessingTime(T0.plus(ACK_TIMEOUT).plusSeconds(60).toEpochMilli());

    assertThat(harness.extractOutputValues())
        .extracting(s -> s.command().commandId() + ":" + s.state())
        .containsExactly("c-1:APPLIED", "c-2:TIMEOUT");
    assertNoStateOrTimers();
  }
}
