package io.voltstream.jobs.rules.logic;

import static io.voltstream.jobs.rules.logic.RulesTestData.co2Rule;
import static io.voltstream.jobs.rules.logic.RulesTestData.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.rules.logic.RuleEvaluation.Transition;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.CommandKind;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.DeviceInstruction;
import io.voltstream.model.command.TargetKind;
import io.voltstream.model.rules.AutomationRule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleDecisionTest {
  private static final Duration VALIDITY = Duration.ofMinutes(5);
  private static final Map<String, String> BUILDINGS =
      Map.of("device:office-ventilation", "demo", "battery:b1", "annex");

  @Test
  void shouldTurnAFiringIntoADeviceCommandAndAnEvent() {
    RuleDecision d =
        RuleDecision.of(
            co2Rule(120), Transition.FIRED, 1234.5, t(0), "office", VALIDITY, BUILDINGS::get);
    assertThat(d.command().commandId()).isEqualTo("rule-co2-office-" + t(0).toEpochMilli());
    assertThat(d.command().targetKind()).isEqualTo(TargetKind.DEVICE);
    assertThat(d.command().target()).isEqualTo("office-ventilation");
    assertThat(d.command().building()).isEqualTo("demo");
    assertThat(d.command().kind()).isEqualTo(CommandKind.DEVICE_INSTRUCTION);
    assertThat(d.command().device().action()).isEqualTo(DeviceInstruction.Action.ON);
    assertThat(d.command().source()).isEqualTo(CommandSource.RULE);
    assertThat(d.command().issuedBy()).isEqualTo("rule:co2-office");
    assertThat(d.command().issuedAt()).isEqualTo(t(0));
    assertThat(d.command().validUntil()).isEqualTo(t(300));

    SystemEvent e = d.event();
    assertThat(e.eventId()).isEqualTo("rule_fired:co2-office:" + t(0).toEpochMilli());
    assertThat(e.kind()).isEqualTo(RuleDecision.FIRED);
    assertThat(e.severity()).isEqualTo(SystemEvent.Severity.WARNING);
    assertThat(e.building()).isEqualTo("demo");
    assertThat(e.room()).isEqualTo("office");
    assertThat(e.value()).isEqualTo(1234.5);
    assertThat(e.threshold()).isEqualTo(1000.0);
    assertThat(e.timestamp()).isEqualTo(t(0));
    assertThat(e.message())
        .isEqualTo(
            "rule co2-office fired: avg co2 over 300 s 1234.5 > 1000.0 → office-ventilation on");
  }

  @Test
  void shouldClearWithTheOnClearActionAndTheClearThreshold() {
    RuleDecision d =
        RuleDecision.of(
            co2Rule(120), Transition.CLEARED, 700, t(90), "office", VALIDITY, BUILDINGS::get);
    assertThat(d.command().device().action()).isEqualTo(DeviceInstruction.Action.OFF);
    assertThat(d.command().commandId()).isEqualTo("rule-co2-office-" + t(90).toEpochMilli());
    assertThat(d.event().kind()).isEqualTo(RuleDecision.CLEARED);
    assertThat(d.event().severity()).isEqualTo(SystemEvent.Severity.INFO);
    assertThat(d.event().threshold()).isEqualTo(800.0);
    assertThat(d.event().message()).contains("cleared", "700.0 < 800.0", "office-ventilation off");
  }

  @Test
  void shouldOnlyReportAClearingWithoutOnClearAndAnEventOnlyRule() {
    AutomationRule cold = RulesTestData.coldSensorRule("t1", 16, 18);
    RuleDecision fired =
        RuleDecision.of(cold, Transition.FIRED, 15, t(0), "office", VALIDITY, BUILDINGS::get);
    assertThat(fired.command()).isNull();
    assertThat(fired.event().message()).isEqualTo("too cold");
    assertThat(fired.event().sensorId()).isEqualTo("t1");
    assertThat(
            RuleDecision.of(cold, Transition.CLEARED, 19, t(9), "office", VALIDITY, BUILDINGS::get)
                .command())
        .isNull();
  }

  @Test
  void shouldCommandABatteryInItsRegistryBuildingAndFallBackToTheRulesBuilding() {
    AutomationRule base = co2Rule(0);
    AutomationRule rule =
        new AutomationRule(
            "peak",
            "demo",
            null,
            true,
            base.condition(),
            RulesTestData.battery("b1", BatteryMode.DISCHARGE, 2000),
            RulesTestData.battery("b2", BatteryMode.IDLE, 0),
            0);
    var fired =
        RuleDecision.of(rule, Transition.FIRED, 1100, t(0), "office", VALIDITY, BUILDINGS::get);
    assertThat(fired.command().targetKind()).isEqualTo(TargetKind.BATTERY);
    assertThat(fired.command().battery().signedPowerW()).isEqualTo(-2000);
    assertThat(fired.command().building()).isEqualTo("annex");
    var cleared =
        RuleDecision.of(rule, Transition.CLEARED, 700, t(9), "office", VALIDITY, BUILDINGS::get);
    assertThat(cleared.command().building()).isEqualTo("demo");
  }
}
