package io.voltstream.jobs.dr.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.dr.DeviceAction;
import io.voltstream.energy.dr.DrBatteryStep;
import io.voltstream.energy.dr.DrDeviceStep;
import io.voltstream.jobs.dispatch.logic.BatteryReading;
import io.voltstream.jobs.dispatch.logic.SensorPower;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.DeviceInstruction;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrEventStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DR job's pure glue: grid import, history, baseline use, reports and commands. */
class DrLogicTest {
  static final Instant T0 = Instant.parse("2026-04-15T10:00:00Z");

  static DrInvitation invitation(int minutes, double kw) {
    return new DrInvitation(
        "ev1",
        null,
        "demo",
        T0,
        minutes,
        kw,
        0.2,
        DrAnswer.OPT_IN,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void shouldComputeGridImportAsNetLoadPlusBatteryCharging() {
    List<SensorPower> sensors =
        List.of(new SensorPower(5000, false, T0), new SensorPower(1000, true, T0));
    List<BatteryReading> batteries =
        List.of(new BatteryReading(50, -3000, T0), new BatteryReading(40, 500, T0));

    // 5 kW load − 1 kW PV − 3 kW discharge + 0.5 kW charging = 1.5 kW.
    assertThat(ImportHistory.gridImportW(sensors, batteries).getAsDouble())
        .isCloseTo(1500, within(1e-9));
    assertThat(ImportHistory.gridImportW(List.of(), batteries)).isEmpty();
  }

  @Test
  void shouldKeepQuarterHourMeansAndHandTheBaselinesOnlyWhatCameBefore() {
    assertThat(ImportHistory.intervalStartMs(T0.plusSeconds(899))).isEqualTo(T0.toEpochMilli());
    Map<Long, ImportBucket> buckets =
        Map.of(
            T0.minusSeconds(900).toEpochMilli(), ImportBucket.EMPTY.add(2000).add(4000),
            T0.toEpochMilli(), ImportBucket.EMPTY.add(9000));

    var history = ImportHistory.before(buckets, T0);

    assertThat(history.interval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(history.meanKwByStart()).containsOnlyKeys(T0.minusSeconds(900));
    assertThat(history.meanKwByStart().get(T0.minusSeconds(900))).isCloseTo(3.0, within(1e-9));
  }

  @Test
  void shouldWeighTheBaselineOverTheElapsedPartAndTargetItsInterval() {
    // 30-minute event, baseline 4 kW then 6 kW per quarter hour.
    EventRun run = new EventRun("ev1", T0, 0, 0, new double[] {4, 6}, "10of10", "n", null, null);
    DrInvitation inv = invitation(30, 1.5);

    assertThat(DrVerification.baselineKw(run, inv, T0, T0.plusSeconds(600)))
        .isCloseTo(4.0, within(1e-9));
    // 15 min at 4 kW + 5 min at 6 kW = 4.5 kW.
    assertThat(DrVerification.baselineKw(run, inv, T0, T0.plusSeconds(1200)))
        .isCloseTo(4.5, within(1e-9));
    assertThat(DrVerification.targetImportW(run, inv, T0.plusSeconds(1000)))
        .isCloseTo(4500, within(1e-9));
  }

  @Test
  void shouldReportDeliveredKwRatioEnergyAndBenefit() {
    // Baseline 4 kW; metered 2 kW over 15 minutes; 1.5 kW requested at 0.2 EUR/kWh.
    EventRun run =
        new EventRun("ev1", T0, 0, 0, new double[] {4, 6}, "10of10", "note", null, "held")
            .withSample(1000)
            .withSample(3000);
    DrExecution r =
        DrVerification.report(
            run, invitation(30, 1.5), T0.plusSeconds(900), DrEventStatus.ACTIVE, List.of("b"));

    assertThat(r.baselineKw()).isCloseTo(4.0, within(1e-9));
    assertThat(r.meteredKw()).isCloseTo(2.0, within(1e-9));
    assertThat(r.deliveredKw()).isCloseTo(2.0, within(1e-9));
    assertThat(r.performanceRatio()).isCloseTo(2.0 / 1.5, within(1e-9));
    assertThat(r.deliveredKwh()).isCloseTo(0.5, within(1e-9));
    assertThat(r.benefitEur()).isCloseTo(0.1, within(1e-9));
    assertThat(r.baselineMethod()).isEqualTo("10of10");
    assertThat(r.controlled()).containsExactly("b");
    assertThat(r.note()).isEqualTo("held");
  }

  @Test
  void shouldLeaveDeliveredOutWithoutABaseline() {
    EventRun run = new EventRun("ev1", T0, 0, 0, null, null, "no baseline", null, null);
    DrExecution r =
        DrVerification.report(
            run.withSample(500),
            invitation(30, 1),
            T0.plusSeconds(60),
            DrEventStatus.ACTIVE,
            List.of());
    assertThat(r.baselineKw()).isNull();
    assertThat(r.deliveredKw()).isNull();
    assertThat(r.meteredKw()).isCloseTo(0.5, within(1e-9));
    assertThat(r.baselineNote()).isEqualTo("no baseline");
  }

  @Test
  void shouldTurnStepsIntoDrCommandsWithDeterministicIdsAndTheDeviceSignConvention() {
    Command discharge =
        DrCommands.battery(
            "ev1", "demo", new DrBatteryStep("b1", 2500, "r"), T0, Duration.ofSeconds(30));
    assertThat(discharge.battery().mode()).isEqualTo(BatteryMode.DISCHARGE);
    assertThat(discharge.battery().signedPowerW()).isEqualTo(-2500);
    assertThat(discharge.source()).isEqualTo(CommandSource.DR);
    assertThat(discharge.issuedBy()).isEqualTo("ev1");
    assertThat(discharge.commandId()).isEqualTo("dr-ev1-b1-" + T0.toEpochMilli());
    assertThat(discharge.validUntil()).isEqualTo(T0.plusSeconds(30));

    Command idle =
        DrCommands.battery(
            "ev1", "demo", new DrBatteryStep("b1", 0, "r"), T0, Duration.ofSeconds(30));
    assertThat(idle.battery().mode()).isEqualTo(BatteryMode.IDLE);
    assertThat(DrCommands.release("ev1", "demo", "b1", T0, Duration.ofSeconds(30)).battery().mode())
        .isEqualTo(BatteryMode.AUTO);

    Command off =
        DrCommands.curtail(
            "ev1",
            "demo",
            new DrDeviceStep("hvac", DeviceAction.OFF, null, "r"),
            T0,
            Duration.ofSeconds(30));
    // Held for the validity only: if the job stops re-issuing, the device returns by itself.
    assertThat(off.device())
        .isEqualTo(new DeviceInstruction(DeviceInstruction.Action.OFF, null, 30L));
    Command setpoint =
        DrCommands.restore(
            "ev1",
            "demo",
            new DrDeviceStep("ev", DeviceAction.SETPOINT, 7400.0, "r"),
            T0,
            Duration.ofSeconds(30));
    assertThat(setpoint.device())
        .isEqualTo(new DeviceInstruction(DeviceInstruction.Action.SETPOINT, 7400.0, null));

    assertThat(DrCommands.isFor(off.commandId(), "ev1", "hvac")).isTrue();
    assertThat(DrCommands.isFor(off.commandId(), "ev1", "hv")).isFalse();
    assertThat(DrCommands.isFor(off.commandId(), "ev", "1-hvac")).isFalse();
    assertThat(DrCommands.isFor("dispatch-demo-hvac-1", "ev1", "hvac")).isFalse();
  }

  @Test
  void shouldKeepCommandIdsWithinTheIdentifierRuleForLongEventIds() {
    String uuid = "0b7f8a52-1c4e-4d8a-9f11-2a6f3c9e7b10";
    String id = DrCommands.commandId(uuid, "living-room-hvac", T0);

    assertThat(id).startsWith("dr-").endsWith("-" + T0.toEpochMilli()).hasSize(33);
    assertThat(io.voltstream.model.EntityId.isValid(id)).isTrue();
    assertThat(DrCommands.isFor(id, uuid, "living-room-hvac")).isTrue();
    assertThat(DrCommands.isFor(id, uuid, "kitchen-plugs")).isFalse();
    assertThat(DrCommands.commandId(uuid, "living-room-hvac", T0)).isEqualTo(id);
  }
}
