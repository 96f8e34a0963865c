package io.voltstream.model.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voltstream.energy.EnergyValidationException;
import java.time.Duration;

/**
 * An automation rule as the registry stores it ({@code rule:<id>}): when {@link #condition} becomes
 * true (crosses {@code threshold}), do {@link #onTrigger}; when it clears again (crosses {@code
 * clear_threshold}, the hysteresis), do {@link #onClear} if set. Never fires again within {@link
 * #cooldownS} of its previous firing. The rules job evaluates every enabled rule continuously over
 * room metrics and readings (event time); rule changes reach it as broadcast state, without a
 * restart. Each firing is an event (kind {@code rule_fired}) and, for a device or battery action, a
 * command with source {@code rule}.
 *
 * <p>Example shipped in the demo: {@code co2-ventilation-<room>}: room average CO2 over 5 minutes
 * above 1000 ppm → ventilation on; below 800 ppm → off; cooldown 120 s.
 *
 * @param id rule id ({@code EntityId} rule)
 * @param building the building the rule belongs to (scope)
 * @param name display name
 * @param enabled disabled rules are kept but not evaluated
 * @param condition what is watched
 * @param onTrigger what to do when the condition becomes true
 * @param onClear what to do when it clears (optional)
 * @param cooldownS least time between two firings of this rule [s], ≥ 0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AutomationRule(
    String id,
    String building,
    String name,
    boolean enabled,
    RuleCondition condition,
    RuleAction onTrigger,
    RuleAction onClear,
    long cooldownS) {

  public AutomationRule {
    if (id == null || id.isBlank()) {
      throw new EnergyValidationException("id", "must not be blank");
    }
    if (building == null || building.isBlank()) {
      throw new EnergyValidationException("building", "must not be blank");
    }
    if (condition == null) {
      throw new EnergyValidationException("condition", "is required");
    }
    if (onTrigger == null) {
      throw new EnergyValidationException("on_trigger", "is required");
    }
    if (cooldownS < 0 || cooldownS > 7 * 24 * 3600) {
      throw new EnergyValidationException("cooldown_s", "must be in [0, 604800], was " + cooldownS);
    }
  }

  public Duration cooldown() {
    return Duration.ofSeconds(cooldownS);
  }

  /** The same rule, enabled or disabled. */
  public AutomationRule withEnabled(boolean on) {
    return new AutomationRule(id, building, name, on, condition, onTrigger, onClear, cooldownS);
  }
}
