package io.voltstream.jobs.dr;

import static io.voltstream.jobs.dr.DrTestData.BATTERY;
import static io.voltstream.jobs.dr.DrTestData.EV;
import static io.voltstream.jobs.dr.DrTestData.HQ;
import static io.voltstream.jobs.dr.DrTestData.HVAC;
import static io.voltstream.jobs.dr.DrTestData.PLUGS;
import static io.voltstream.jobs.dr.DrTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.jobs.dispatch.DispatchInput;
import io.voltstream.jobs.dr.logic.DrCommands;
import io.voltstream.jobs.dr.logic.DrEvents;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.CommandState;
import io.voltstream.model.command.DeviceInstruction;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrEventStatus;
import io.voltstream.model.dr.DrInvitation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The DR operator on a keyed broadcast harness. The building draws 6 kW before the event (pre-event
 * baseline 6 kW: no earlier history); the battery (50 % SoC, 5 kW) and the HVAC (1.5 kW, the
 * largest curtailable load) cover the 6 kW requested; once they act the building imports 0 kW (4.5
 * kW load − 4.5 kW discharge), so 6 kW is delivered.
 */
class DrExecutionFunctionTest {
  private static final String EVENT = "ev1";
  private KeyedBroadcastOperatorTestHarness<String, DrInput, RegistryChange, DrOutput> harness;

  static KeyedBroadcastOperatorTestHarness<String, DrInput, RegistryChange, DrOutput> harness(
      OperatorSubtaskState restoreFrom) throws Exception {
    var h =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new DrExecutionFunction(DrJobConfig.defaults()),
                List.of(DrExecutionFunction.REGISTRY)),
            DrInput::building,
            Types.STRING,
            1,
            1,
            0);
    h.setup();
    if (restoreFrom != null) {
      h.initializeState(restoreFrom);
    }
    h.open();
    return h;
  }

  @AfterEach
  void tearDown() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  private void registry() throws Exception {
    put(RegistryKey.building(HQ), DrTestData.BUILDING);
    put(RegistryKey.battery(BATTERY.id()), BATTERY);
    for (var d : List.of(HVAC, PLUGS, EV)) {
      put(RegistryKey.device(d.id()), d);
    }
  }

  private void put(RegistryKey key, Object value) throws Exception {
    harness.processBroadcastElement(
        new RegistryChange(key, Json.MAPPER.writeValueAsString(value)), 0);
  }

  private void invite(DrInvitation inv) throws Exception {
    harness.processElement(new StreamRecord<>(DrInput.invitation(inv)));
  }

  /** What the building measures at {@code at}, then the watermark moves to {@code at}. */
  private void measure(Instant at, double meterW, double batteryChargingW, boolean hvacOn)
      throws Exception {
    element(
        DrInput.measurement(
            new DispatchInput(
                DispatchInput.Kind.POWER,
                HQ,
                "meter",
                at,
                meterW,
                Double.NaN,
                false,
                0,
                null,
                null)));
    element(
        DrInput.measurement(
            new DispatchInput(
                DispatchInput.Kind.BATTERY,
                HQ,
                BATTERY.id(),
                at,
                batteryChargingW,
                Double.NaN,
                false,
                50,
                null,
                null)));
    element(
        DrInput.device(DrTestData.deviceReport(HVAC.id(), hvacOn ? 1500 : 0, hvacOn, at))
            .orElseThrow());
    element(DrInput.device(DrTestData.deviceReport(PLUGS.id(), 800, true, at)).orElseThrow());
    element(DrInput.device(DrTestData.deviceReport(EV.id(), 3000, true, at)).orElseThrow());
    harness.watermark(at.toEpochMilli());
  }

  private void element(DrInput in) throws Exception {
    harness.processElement(new StreamRecord<>(in, in.at().toEpochMilli()));
  }

  /** 20 minutes at 6 kW before the start, then the start itself at T0. */
  private void beforeAndStart() throws Exception {
    for (Instant t = T0.minus(Duration.ofMinutes(20)); !t.isAfter(T0); t = t.plusSeconds(10)) {
      measure(t, 6000, 0, true);
    }
  }

  /** The building while the event holds: 4.5 kW load, 4.5 kW discharge. */
  private void during(Instant from, Instant to) throws Exception {
    for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(10)) {
      measure(t, 4500, -4500, false);
    }
  }

  private List<DrOutput> outputs() {
    return harness.extractOutputValues();
  }

  private List<Command> commands() {
    return outputs().stream().map(DrOutput::command).filter(c -> c != null).toList();
  }

  private List<DrReport> reports() {
    return outputs().stream().map(DrOutput::report).filter(r -> r != null).toList();
  }

  /** The execution's events, without the invitations' lifecycle events (received, answered). */
  private List<SystemEvent> events() {
    return allEvents().stream().filter(e -> !LIFECYCLE.contains(e.kind())).toList();
  }

  private List<SystemEvent> allEvents() {
    return outputs().stream().map(DrOutput::event).filter(e -> e != null).toList();
  }

  private static final java.util.Set<String> LIFECYCLE =
      java.util.Set.of(DrEvents.INVITATION, DrEvents.ANSWERED);

  private long stateEntries(StateDescriptor<?, ?>... descriptors) throws Exception {
    var backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    long n = 0;
    for (var d : descriptors) {
      n += backend.getKeys(d.getName(), VoidNamespace.INSTANCE).count();
    }
    return n;
  }

  private long eventState() throws Exception {
    return stateEntries(
        DrExecutionFunction.RUN,
        DrExecutionFunction.HOLDS,
        DrExecutionFunction.RELEASED,
        DrExecutionFunction.EXCLUDED,
        DrExecutionFunction.COMMANDED,
        DrExecutionFunction.INVITATIONS);
  }

  @Test
  void shouldExecuteAtTheStartReportWhileRunningAndRestoreAtTheEnd() throws Exception {
    harness = harness(null);
    registry();
    invite(DrTestData.invitation(EVENT, 30, 6, DrAnswer.OPT_IN));

    beforeAndStart();

    List<Command> atStart = commands();
    assertThat(atStart)
        .allSatisfy(
            c -> {
              assertThat(c.source()).isEqualTo(CommandSource.DR);
              assertThat(c.issuedBy()).isEqualTo(EVENT);
              assertThat(c.issuedAt()).isEqualTo(T0);
              assertThat(c.validUntil())
                  .isEqualTo(T0.plus(DrJobConfig.defaults().commandValidity()));
              assertThat(c.building()).isEqualTo(HQ);
            });
    // Battery first: 5 kW over the next step (closed loop: 6 kW net load − 0 kW target, clipped);
    // then the largest curtailable load for the remaining 1 kW.
    assertThat(atStart).extracting(Command::target).containsExactly(BATTERY.id(), HVAC.id());
    assertThat(atStart.get(0).battery().mode()).isEqualTo(BatteryMode.DISCHARGE);
    assertThat(atStart.get(0).battery().powerW()).isCloseTo(5000, within(1e-6));
    assertThat(atStart.get(0).commandId()).isEqualTo(DrCommands.commandId(EVENT, BATTERY.id(), T0));
    assertThat(atStart.get(1).device().action()).isEqualTo(DeviceInstruction.Action.OFF);
    assertThat(atStart.get(1).device().durationS())
        .isEqualTo(DrJobConfig.defaults().commandValidity().toSeconds());
    assertThat(events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(DrEvents.STARTED);
              assertThat(e.building()).isEqualTo(HQ);
              assertThat(e.message()).contains(BATTERY.id() + ", " + HVAC.id());
            });
    assertThat(reports())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(DrEventStatus.ACTIVE);
              assertThat(r.baselineKw()).isCloseTo(6.0, within(1e-9));
              assertThat(r.baselineMethod()).isEqualTo("pre_event");
              assertThat(r.controlled()).isEqualTo(BATTERY.id() + "," + HVAC.id());
            });
    harness.getOutput().clear();

    during(T0.plusSeconds(10), T0.plus(Duration.ofMinutes(29)).plusSeconds(50));

    // Every 10 s the battery and the HVAC get fresh commands; the battery now tracks 4.5 kW.
    assertThat(commands()).hasSize(2 * 179);
    assertThat(commands())
        .filteredOn(c -> c.target().equals(BATTERY.id()))
        .last()
        .satisfies(c -> assertThat(c.battery().powerW()).isCloseTo(4500, within(1e-6)));
    List<DrReport> active = reports();
    assertThat(active)
        .hasSize(59)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(DrEventStatus.ACTIVE));
    assertThat(active.get(0).at()).isEqualTo(T0.plusSeconds(30));
    assertThat(active.get(58).deliveredKw()).isCloseTo(6.0, within(1e-9));
    assertThat(active.get(58).performanceRatio()).isCloseTo(1.0, within(1e-9));
    harness.getOutput().clear();

    measure(T0.plus(Duration.ofMinutes(30)), 4500, -4500, false);

    assertThat(commands()).extracting(Command::target).containsExactly(HVAC.id(), BATTERY.id());
    assertThat(commands().get(0).device().action()).isEqualTo(DeviceInstruction.Action.ON);
    assertThat(commands().get(1).battery().mode()).isEqualTo(BatteryMode.AUTO);
    assertThat(commands().get(0).device().durationS()).isNull();
    DrReport last = reports().get(0);
    assertThat(last.status()).isEqualTo(DrEventStatus.COMPLETED);
    // 6 kW delivered for half an hour: 3 kWh at 0.5 EUR/kWh.
    assertThat(last.deliveredKw()).isCloseTo(6.0, within(1e-9));
    assertThat(last.deliveredKwh()).isCloseTo(3.0, within(1e-9));
    assertThat(last.benefitEur()).isCloseTo(1.5, within(1e-9));
    assertThat(events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(DrEvents.COMPLETED);
              assertThat(e.value()).isCloseTo(6.0, within(1e-9));
            });
    assertThat(eventState()).isZero();

    // Nothing fresh any more: the chain stops; only the baseline history (and event day) stay.
    harness.watermark(T0.plus(Duration.ofMinutes(40)).toEpochMilli());
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(
            stateEntries(
                DrExecutionFunction.SENSORS,
                DrExecutionFunction.BATTERIES,
                DrExecutionFunction.DEVICES,
                DrExecutionFunction.NEXT_TICK))
        .isZero();
    assertThat(stateEntries(DrExecutionFunction.HISTORY)).isEqualTo(1);
  }

  @Test
  void shouldRedispatchToTheNextTargetsWhenADeviceRejects() throws Exception {
    harness = harness(null);
    registry();
    invite(DrTestData.invitation(EVENT, 30, 6, DrAnswer.OPT_IN));
    beforeAndStart();
    harness.getOutput().clear();

    Instant rejectedAt = T0.plusSeconds(5);
    harness.processElement(
        new StreamRecord<>(
            new DrInput(
                DrInput.Kind.STATUS,
                HQ,
                HVAC.id(),
                rejectedAt,
                null,
                null,
                null,
                new TargetStatus(
                    DrCommands.commandId(EVENT, HVAC.id(), T0),
                    HVAC.id(),
                    CommandSource.DR,
                    CommandState.REJECTED,
                    "locked by the occupant",
                    null)),
            rejectedAt.toEpochMilli()));
    assertThat(events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(DrEvents.REDISPATCH);
              assertThat(e.sensorId()).isEqualTo(HVAC.id());
              assertThat(e.message()).contains("rejected", "locked by the occupant");
            });
    harness.getOutput().clear();

    measure(T0.plusSeconds(10), 6000, -5000, true);

    // The HVAC is dropped; the plugs (0.8 kW) and then the EV (shiftable) make up the 1 kW.
    assertThat(commands())
        .extracting(Command::target)
        .containsExactly(BATTERY.id(), PLUGS.id(), EV.id());
    during(T0.plusSeconds(20), T0.plusSeconds(30));
    assertThat(reports())
        .last()
        .satisfies(
            r -> {
              assertThat(r.controlled()).isEqualTo(BATTERY.id() + "," + PLUGS.id() + "," + EV.id());
              assertThat(r.note()).contains("holding ev-charger");
            });
  }

  @Test
  void shouldRestoreEverythingWhenTheEventIsCancelled() throws Exception {
    harness = harness(null);
    registry();
    DrInvitation inv = DrTestData.invitation(EVENT, 30, 6, DrAnswer.OPT_IN);
    invite(inv);
    beforeAndStart();
    during(T0.plusSeconds(10), T0.plus(Duration.ofMinutes(5)));
    harness.getOutput().clear();

    invite(inv.cancelledAt(T0.plus(Duration.ofMinutes(5))));
    during(
        T0.plus(Duration.ofMinutes(5)).plusSeconds(10),
        T0.plus(Duration.ofMinutes(5)).plusSeconds(10));

    assertThat(commands()).extracting(Command::target).containsExactly(HVAC.id(), BATTERY.id());
    assertThat(commands().get(0).device().action()).isEqualTo(DeviceInstruction.Action.ON);
    assertThat(reports())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(DrEventStatus.CANCELLED);
              assertThat(r.deliveredKw()).isCloseTo(6.0, within(1e-9));
            });
    assertThat(events()).extracting(SystemEvent::kind).containsExactly(DrEvents.CANCELLED);
    assertThat(eventState()).isZero();
  }

  @Test
  void shouldGiveTheHvacBackAtItsComfortLimitAndHoldTheNextDevice() throws Exception {
    harness = harness(null);
    registry();
    invite(DrTestData.invitation(EVENT, 45, 6, DrAnswer.OPT_IN));
    beforeAndStart();
    during(T0.plusSeconds(10), T0.plus(Duration.ofMinutes(30)).minusSeconds(10));
    harness.getOutput().clear();

    during(T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(30)));

    // HVAC comfort limit 30 min: "on" again; plugs (0.8 kW) then the EV take over.
    assertThat(commands())
        .extracting(c -> c.target() + ":" + (c.device() == null ? "battery" : c.device().action()))
        .containsExactly(
            BATTERY.id() + ":battery", PLUGS.id() + ":OFF", EV.id() + ":OFF", HVAC.id() + ":ON");
  }

  @Test
  void shouldNotExecuteAnInvitationThatIsNotOptedIn() throws Exception {
    harness = harness(null);
    registry();
    invite(DrTestData.invitation(EVENT, 30, 6, DrAnswer.PENDING));
    invite(DrTestData.invitation("ev2", 30, 6, DrAnswer.OPT_OUT));

    beforeAndStart();
    during(T0.plusSeconds(10), T0.plusSeconds(60));

    // nothing executed: no command, no report; only the two invitations' lifecycle events
    assertThat(commands()).isEmpty();
    assertThat(reports()).isEmpty();
    assertThat(allEvents())
        .extracting(SystemEvent::eventId)
        .containsExactly("dr_invitation:" + EVENT, "dr_invitation:ev2", "dr_answered:ev2:opt_out");
    assertThat(eventState()).isZero();
  }

  @Test
  void shouldMakeTheSameDecisionsAfterASnapshotAndRestoreMidEvent() throws Exception {
    harness = harness(null);
    registry();
    invite(DrTestData.invitation(EVENT, 30, 6, DrAnswer.OPT_IN));
    beforeAndStart();
    during(T0.plusSeconds(10), T0.plus(Duration.ofMinutes(2)));
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.getOutput().clear();

    during(T0.plus(Duration.ofMinutes(2)).plusSeconds(10), T0.plus(Duration.ofMinutes(30)));
    List<DrOutput> original = new ArrayList<>(outputs());
    harness.close();

    harness = harness(snapshot);
    during(T0.plus(Duration.ofMinutes(2)).plusSeconds(10), T0.plus(Duration.ofMinutes(30)));

    assertThat(outputs()).isNotEmpty().containsExactlyElementsOf(original);
    assertThat(reports())
        .last()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(DrEventStatus.COMPLETED);
              assertThat(r.deliveredKw()).isCloseTo(6.0, within(1e-9));
            });
  }

  @Test
  void shouldClearEverythingWhenTheBuildingLeavesTheRegistry() throws Exception {
    harness = harness(null);
    registry();
    invite(DrTestData.invitation(EVENT, 30, 6, DrAnswer.OPT_IN));
    beforeAndStart();

    harness.processBroadcastElement(new RegistryChange(RegistryKey.building(HQ), null), 1);
    harness.getOutput().clear();
    harness.watermark(T0.plus(Duration.ofMinutes(31)).toEpochMilli());

    assertThat(outputs()).isEmpty();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(
            eventState()
                + stateEntries(
                    DrExecutionFunction.SENSORS,
                    DrExecutionFunction.BATTERIES,
                    DrExecutionFunction.DEVICES,
                    DrExecutionFunction.HISTORY,
                    DrExecutionFunction.EVENT_DAYS,
                    DrExecutionFunction.NEXT_TICK))
        .isZero();
  }
}
