package io.voltstream.api.rules.dto;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.energy.EnergyValidationException;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.DeviceInstruction;
import io.voltstream.model.rules.AutomationRule;
import io.voltstream.model.rules.RuleAction;
import io.voltstream.model.rules.RuleCondition;
import java.util.Locale;

/**
 * Body of {@code POST /api/v1/automation/rules} ({@code id} required) and {@code PUT …/{id}}
 * ({@code id} optional): the {@link AutomationRule} fields, snake_case, enums in any case. Read
 * loosely (text for enums, boxed numbers) so that every rule of the record — a missing field, an
 * unknown metric, a clear threshold on the wrong side — becomes a 422 naming the field by its JSON
 * path ({@code condition.threshold}, {@code on_trigger.device.action}).
 */
public record RuleRequest(
    String id,
    String building,
    String name,
    Boolean enabled,
    ConditionBody condition,
    ActionBody onTrigger,
    ActionBody onClear,
    Long cooldownS) {

  /** {@link RuleCondition} as sent. */
  public record ConditionBody(
      String metric,
      String room,
      String sensor,
      String aggregate,
      Long windowS,
      String comparison,
      Double threshold,
      Double clearThreshold) {}

  /** {@link RuleAction} as sent. */
  public record ActionBody(
      String kind, String target, InstructionBody device, SetpointBody battery, String message) {}

  /** {@link DeviceInstruction} as sent. */
  public record InstructionBody(String action, Double value, Long durationS) {}

  /** {@link BatterySetpoint} as sent. */
  public record SetpointBody(String mode, Double powerW) {}

  /** The rule {@code ruleId} (the path's id on PUT); enabled unless {@code enabled} is false. */
  public AutomationRule toRule(String ruleId) {
    try {
      return new AutomationRule(
          ruleId,
          building,
          name,
          enabled == null || enabled,
          toCondition(),
          action("on_trigger", onTrigger),
          onClear == null ? null : action("on_clear", onClear),
          cooldownS == null ? 0 : cooldownS);
    } catch (EnergyValidationException e) {
      throw invalid(e.field(), detail(e));
    }
  }

  private RuleCondition toCondition() {
    if (condition == null) {
      throw invalid("condition", "is required");
    }
    ConditionBody c = condition;
    return new RuleCondition(
        choice("condition.metric", c.metric(), RuleCondition.Metric.class, true),
        blankToNull(c.room()),
        blankToNull(c.sensor()),
        choice("condition.aggregate", c.aggregate(), RuleCondition.Aggregate.class, false),
        required("condition.window_s", c.windowS()),
        choice("condition.comparison", c.comparison(), RuleCondition.Comparison.class, true),
        required("condition.threshold", c.threshold()),
        c.clearThreshold());
  }

  private static RuleAction action(String field, ActionBody a) {
    if (a == null) {
      throw invalid(field, "is required");
    }
    RuleAction.Kind kind = choice(field + ".kind", a.kind(), RuleAction.Kind.class, true);
    DeviceInstruction device =
        a.device() == null ? null : instruction(field + ".device", a.device());
    BatterySetpoint battery =
        a.battery() == null ? null : setpoint(field + ".battery", a.battery());
    try {
      return new RuleAction(kind, blankToNull(a.target()), device, battery, a.message());
    } catch (EnergyValidationException e) {
      throw invalid(field + "." + e.field(), detail(e));
    }
  }

  private static DeviceInstruction instruction(String field, InstructionBody d) {
    DeviceInstruction.Action action =
        choice(field + ".action", d.action(), DeviceInstruction.Action.class, true);
    if (action == DeviceInstruction.Action.SETPOINT
        && (d.value() == null || !Double.isFinite(d.value()))) {
      throw invalid(field + ".value", "is required for setpoint");
    }
    if (d.durationS() != null && (d.durationS() < 1 || d.durationS() > 7 * 24 * 3600)) {
      throw invalid(field + ".duration_s", "must be in [1, 604800], was " + d.durationS());
    }
    return new DeviceInstruction(action, d.value(), d.durationS());
  }

  private static BatterySetpoint setpoint(String field, SetpointBody b) {
    BatteryMode mode = choice(field + ".mode", b.mode(), BatteryMode.class, true);
    double powerW = b.powerW() == null ? 0 : b.powerW();
    if (!Double.isFinite(powerW) || powerW < 0) {
      throw invalid(field + ".power_w", "must be a number >= 0 [W], was " + b.powerW());
    }
    return new BatterySetpoint(mode, powerW);
  }

  private static <E extends Enum<E>> E choice(
      String field, String value, Class<E> type, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw invalid(field, "is required");
      }
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder allowed = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        allowed.append(allowed.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
      }
      throw invalid(field, "must be one of " + allowed + ", was '" + value + "'");
    }
  }

  private static <N> N required(String field, N value) {
    if (value == null) {
      throw invalid(field, "is required");
    }
    return value;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The exception's message without its {@code "<field>: "} prefix. */
  private static String detail(EnergyValidationException e) {
    String prefix = e.field() + ": ";
    return e.getMessage().startsWith(prefix)
        ? e.getMessage().substring(prefix.length())
        : e.getMessage();
  }

  private static ApiException invalid(String field, String message) {
    return ApiException.invalid(new FieldError(field, message));
  }
}
