package io.voltstream.sim.device.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.sim.payload.BatteryMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The battery's command handling on a fake clock (wall = simulated unless a test says otherwise).
 */
class SimulatedBatteryTest {
  private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");
  private static final BatterySpec SPEC =
      new BatterySpec("bat-1", "b1", 10.0, 5000, 4000, 0.81, 5, 95, 10);

  private final SimulatedBattery battery = new SimulatedBattery(SPEC, 50, T0, T0);

  private static SimulatedBattery.Request request(
      String id, String mode, Double powerW, Instant validUntil) {
    return new SimulatedBattery.Request(id, mode, powerW, validUntil);
  }

  private SimulatedBattery.Answer send(SimulatedBattery.Request r, Instant at) {
    return battery.onCommand(r, at, at);
  }

  @Test
  void aDispatchCommandDoesNotReplaceAManualOneInForceButReplacesItOnceExpired() {
    Instant until = T0.plusSeconds(300);
    assertThat(
            send(new SimulatedBattery.Request("m-1", "charge", 4000.0, until, "manual"), T0)
                .applied())
        .isTrue();
    var racing =
        send(
            new SimulatedBattery.Request(
                "d-1", "discharge", 1000.0, T0.plusSeconds(40), "dispatch"),
            T0.plusSeconds(10));
    assertThat(racing.applied()).isFalse();
    assertThat(racing.reason()).contains("held by manual command m-1");
    assertThat(battery.stateAt(T0.plusSeconds(20), T0.plusSeconds(20)).commandId())
        .isEqualTo("m-1");
    // a DR command replaces the manual one (latest non-dispatch command wins) …
    assertThat(
            send(
                    new SimulatedBattery.Request("dr-1", "discharge", 2000.0, until, "dr"),
                    T0.plusSeconds(30))
                .applied())
        .isTrue();
    // … and once the command in force has expired, dispatch commands are applied again
    assertThat(
            send(
                    new SimulatedBattery.Request(
                        "d-2", "idle", 0.0, until.plusSeconds(30), "dispatch"),
                    until.plusSeconds(1))
                .applied())
        .isTrue();
  }

  @Test
  void chargeCommandIsAppliedAndRaisesSocWithChargeEfficiency() {
    var answer = send(request("c-1", "charge", 2000.0, T0.plus(Duration.ofHours(2))), T0);
    assertThat(answer.applied()).isTrue();
    BatteryTelemetry after =
        battery.stateAt(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)));
    // 2 kWh AC in, √0.81 = 0.9 reaches the cells: 1.8 kWh of 10 kWh = +18 %
    assertThat(after.socPercent()).isCloseTo(68.0, within(1e-6));
    assertThat(after.powerW()).isCloseTo(2000, within(1e-6)); // + charging on the wire
    assertThat(after.mode()).isEqualTo("charge");
    assertThat(after.commandId()).isEqualTo("c-1");
  }

  @Test
  void dischargeLowersSocAndReportsNegativePower() {
    send(request("c-1", "discharge", 1800.0, T0.plus(Duration.ofHours(2))), T0);
    BatteryTelemetry after =
        battery.stateAt(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)));
    // 1.8 kWh AC out needs 1.8 / 0.9 = 2 kWh from the cells: -20 %
    assertThat(after.socPercent()).isCloseTo(30.0, within(1e-6));
    assertThat(after.powerW()).isCloseTo(-1800, within(1e-6));
  }

  @Test
  void setpointEndsAtValidUntilAndTheBatteryReturnsToSafeMode() {
    send(request("c-1", "charge", 2000.0, T0.plus(Duration.ofMinutes(30))), T0);
    BatteryTelemetry after =
        battery.stateAt(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(2)));
    assertThat(after.socPercent())
        .isCloseTo(59.0, within(1e-6)); // only the 30 valid minutes charged
    assertThat(after.mode()).isEqualTo(SimulatedBattery.SAFE_MODE);
    assertThat(after.commandId()).isNull();
    assertThat(after.powerW()).isZero();
  }

  @Test
  void acceleratedSimulationClockIntegratesSimulatedTimeAndEndsAtTheMatchingSimulatedInstant() {
    // 60x: 1 wall minute = 1 simulated hour; the command is valid for 30 wall seconds = 30
    // simulated minutes
    send(request("c-1", "charge", 2000.0, T0.plusSeconds(30)), T0);
    BatteryTelemetry after = battery.stateAt(T0.plusSeconds(60), T0.plus(Duration.ofHours(1)));
    assertThat(after.socPercent()).isCloseTo(59.0, within(1e-6));
    assertThat(after.mode()).isEqualTo(SimulatedBattery.SAFE_MODE);
  }

  @Test
  void expiredCommandIsRejected() {
    var answer = send(request("c-1", "charge", 1000.0, T0), T0.plusSeconds(1));
    assertThat(answer.applied()).isFalse();
    assertThat(answer.reason()).isEqualTo("expired");
    assertThat(battery.stateAt(T0.plusSeconds(2), T0.plusSeconds(2)).mode())
        .isEqualTo(SimulatedBattery.SAFE_MODE);
  }

  @Test
  void unknownModeIsRejected() {
    var answer = send(request("c-1", "boost", 1000.0, T0.plusSeconds(60)), T0);
    assertThat(answer.applied()).isFalse();
    assertThat(answer.reason()).contains("unknown mode 'boost'");
  }

  @Test
  void powerBeyondTheLimitIsRejectedNamingTheLimitNotClamped() {
    var charge = send(request("c-1", "charge", 5001.0, T0.plusSeconds(60)), T0);
    assertThat(charge.applied()).isFalse();
    assertThat(charge.reason()).isEqualTo("power_w 5001 exceeds max_charge_w 5000");
    var discharge = send(request("c-2", "discharge", 4500.0, T0.plusSeconds(60)), T0);
    assertThat(discharge.reason()).isEqualTo("power_w 4500 exceeds max_discharge_w 4000");
    assertThat(battery.stateAt(T0.plusSeconds(30), T0.plusSeconds(30)).socPercent())
        .isEqualTo(50.0);
  }

  @Test
  void missingPowerForChargeIsRejected() {
    assertThat(send(request("c-1", "charge", null, T0.plusSeconds(60)), T0).reason())
        .isEqualTo("power_w must be a finite number >= 0");
  }

  @Test
  void socStopsAtTheMaximumBound() {
    send(request("c-1", "charge", 5000.0, T0.plus(Duration.ofHours(10))), T0);
    BatteryTelemetry after =
        battery.stateAt(T0.plus(Duration.ofHours(5)), T0.plus(Duration.ofHours(5)));
    assertThat(after.socPercent()).isLessThanOrEqualTo(95.0).isGreaterThan(94.0);
  }

  @Test
  void aRedeliveredCommandGetsTheSameAnswerWithoutOverridingANewerOne() {
    send(request("c-1", "charge", 1000.0, T0.plusSeconds(600)), T0);
    send(request("c-2", "discharge", 1000.0, T0.plusSeconds(600)), T0.plusSeconds(1));
    var again = send(request("c-1", "charge", 1000.0, T0.plusSeconds(600)), T0.plusSeconds(2));
    assertThat(again.applied()).isTrue();
    assertThat(battery.stateAt(T0.plusSeconds(3), T0.plusSeconds(3)).commandId()).isEqualTo("c-2");
  }

  @Test
  void mqttMessagesFollowTheContract() {
    var parsed =
        BatteryMessages.command(
            ("{\"command_id\":\"c-9\",\"mode\":\"charge\",\"power_w\":1500,"
                    + "\"valid_until\":\"2026-01-10T12:05:00Z\",\"source\":\"manual\"}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(parsed)
        .contains(
            new SimulatedBattery.Request(
                "c-9", "charge", 1500.0, Instant.parse("2026-01-10T12:05:00Z"), "manual"));
    assertThat(BatteryMessages.command("{\"mode\":\"charge\"}".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(BatteryMessages.command("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    String ack =
        new String(
            BatteryMessages.ack(new SimulatedBattery.Answer("c-9", false, "expired"), T0),
            StandardCharsets.UTF_8);
    assertThat(ack)
        .isEqualTo(
            "{\"command_id\":\"c-9\",\"status\":\"rejected\",\"reason\":\"expired\","
                + "\"timestamp\":\"2026-01-10T12:00:00Z\"}");
  }
}
