package io.voltstream.jobs.rules.logic;

import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.DeviceInstruction;
import io.voltstream.model.rules.AutomationRule;
import io.voltstream.model.rules.RuleAction;
import io.voltstream.model.rules.RuleCondition;
import java.time.Instant;

/** Instants, rules and samples shared by the rules tests. */
public final class RulesTestData {
  public static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

  private RulesTestData() {}

  public static Instant t(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /** The demo's CO2 rule: office avg CO2 over 300 s above 1000 → ventilation on; below 800 off. */
  public static AutomationRule co2Rule(long cooldownS) {
    return co2Rule("co2-office", 1000, 800.0, 300, cooldownS);
  }

  public static AutomationRule co2Rule(
      String id, double threshold, Double clear, long windowS, long cooldownS) {
    return new AutomationRule(
        id,
        "demo",
        "CO2 ventilation",
        true,
        new RuleCondition(
            RuleCondition.Metric.CO2,
            "office",
            null,
            RuleCondition.Aggregate.AVG,
            windowS,
            RuleCondition.Comparison.ABOVE,
            threshold,
            clear),
        device("office-ventilation", DeviceInstruction.Action.ON),
        device("office-ventilation", DeviceInstruction.Action.OFF),
        cooldownS);
  }

  public static RuleAction device(String target, DeviceInstruction.Action action) {
    return new RuleAction(
        RuleAction.Kind.DEVICE_INSTRUCTION,
        target,
        new DeviceInstruction(action, null),
        null,
        null);
  }

  public static RuleAction battery(String target, BatteryMode mode, double powerW) {
    return new RuleAction(
        RuleAction.Kind.BATTERY_COMMAND, target, null, new BatterySetpoint(mode, powerW), null);
  }

  /** A sensor rule: temperature of {@code sensor} below {@code threshold} → event only. */
  public static AutomationRule coldSensorRule(String sensor, double threshold, double clear) {
    return new AutomationRule(
        "cold-" + sensor,
        "demo",
        null,
        true,
        new RuleCondition(
            RuleCondition.Metric.TEMPERATURE,
            null,
            sensor,
            RuleCondition.Aggregate.MIN,
            60,
            RuleCondition.Comparison.BELOW,
            threshold,
            clear),
        new RuleAction(RuleAction.Kind.EVENT, null, null, null, "too cold"),
        null,
        0);
  }

  public static RuleSample co2(String room, String sensor, Instant at, double ppm) {
    return new RuleSample(
        RuleSample.roomSubject(room), room, "demo", sensor, at, ppm, null, null, null);
  }
}
