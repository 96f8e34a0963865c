package io.voltstream.sim.scenario;

import io.voltstream.model.command.DeviceInstruction;
import io.voltstream.model.rules.AutomationRule;
import io.voltstream.model.rules.RuleAction;
import io.voltstream.model.rules.RuleCondition;
import io.voltstream.sim.building.DemoBuilding;
import java.util.Collection;
import java.util.List;

/**
 * The demo's automation rules (issue 9: "room CO2 average over 5 minutes &gt; 1000 ppm →
 * ventilation on; below 800 ppm → off"): {@code co2-ventilation-office} and {@code
 * co2-ventilation-bedroom-1} switch the ventilation fan {@code <room>-ventilation} of their room,
 * with a 120 s cooldown so a fan never flips on and off faster than that. The fans are the demo
 * devices; switching one on lowers that room's CO2 in the simulation, so the rules fire and clear
 * on their own.
 */
public final class DemoRules {
  /** The rooms whose CO2 the demo rules watch. */
  public static final List<String> ROOMS = List.of("office", "bedroom-1");

  public static final double CO2_ON_PPM = 1000;
  public static final double CO2_OFF_PPM = 800;
  public static final long WINDOW_S = 300;
  public static final long COOLDOWN_S = 120;

  private DemoRules() {}

  /** The rule id for {@code room}. */
  public static String ruleId(String room) {
    return "co2-ventilation-" + room;
  }

  /** The ventilation device of {@code room} (a demo device). */
  public static String ventilationOf(String room) {
    return room + "-ventilation";
  }

  /** The demo rules of those of {@link #ROOMS} that the layout has. */
  public static List<AutomationRule> forRooms(Collection<String> rooms) {
    return ROOMS.stream().filter(rooms::contains).map(DemoRules::co2Ventilation).toList();
  }

  /** Room average CO2 over 5 minutes above 1000 ppm → fan on; below 800 ppm → off. */
  public static AutomationRule co2Ventilation(String room) {
    return new AutomationRule(
        ruleId(room),
        DemoBuilding.BUILDING_ID,
        "CO2 ventilation (" + room + ")",
        true,
        new RuleCondition(
            RuleCondition.Metric.CO2,
            room,
            null,
            RuleCondition.Aggregate.AVG,
            WINDOW_S,
            RuleCondition.Comparison.ABOVE,
            CO2_ON_PPM,
            CO2_OFF_PPM),
        switchFan(room, DeviceInstruction.Action.ON),
        switchFan(room, DeviceInstruction.Action.OFF),
        COOLDOWN_S);
  }

  private static RuleAction switchFan(String room, DeviceInstruction.Action action) {
    return new RuleAction(
        RuleAction.Kind.DEVICE_INSTRUCTION,
        ventilationOf(room),
        new DeviceInstruction(action, null),
        null,
        null);
  }
}
