package io.voltstream.api.rules;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.registry.Names;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.energy.EnergyValidationException;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.rules.AutomationRule;
import io.voltstream.model.rules.RuleAction;
import io.voltstream.model.rules.RuleCondition;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Automation rules in the registry ({@code rule:<id>} → {@link AutomationRule}), where the rules
 * job reads them as broadcast state: a write here reaches the running job without a restart. Reads
 * come from the registry view, writes return once this instance's view shows them
 * (read-your-writes, like every registry entity).
 *
 * <p>A rule must point at what exists, in its own building: the building; the watched room, or the
 * watched sensor (in a room of the building); and each action's target — a device that can carry
 * out the instruction ({@link DeviceSpec#refusal}) or a battery whose limits cover the setpoint.
 * Violations are 422s naming the field by its JSON path; an existing id is 409, a missing rule 404.
 */
public final class RuleService {
  /** Longest rule name or event message accepted. */
  static final int MAX_TEXT = 200;

  private final RegistryService registry;

  public RuleService(RegistryService registry) {
    this.registry = registry;
  }

  /** The rules whose building {@code visibleBuilding} accepts, by id. */
  public List<AutomationRule> list(Predicate<String> visibleBuilding) {
    return registry.entries(AutomationRule.class).stream()
        .filter(r -> visibleBuilding.test(r.building()))
        .sorted(Comparator.comparing(AutomationRule::id))
        .toList();
  }

  public Optional<AutomationRule> find(String id) {
    return registry.entry(RegistryKey.rule(id), AutomationRule.class);
  }

  /** The rule, or 400 for an invalid id and 404 when there is none. */
  public AutomationRule require(String id) {
    Names.require("id", id);
    return find(id).orElseThrow(() -> ApiException.notFound("no automation rule '" + id + "'"));
  }

  public synchronized AutomationRule create(AutomationRule rule) {
    Names.require("id", rule.id());
    if (find(rule.id()).isPresent()) {
      throw ApiException.conflict("automation rule '" + rule.id() + "' already exists");
    }
    checkReferences(rule);
    registry.putEntry(RegistryKey.rule(rule.id()), rule);
    return rule;
  }

  /**
   * Replaces rule {@code id} (its state in the job survives unless it now watches another thing).
   */
  public synchronized AutomationRule update(String id, AutomationRule rule) {
    require(id);
    checkReferences(rule);
    registry.putEntry(RegistryKey.rule(id), rule);
    return rule;
  }

  public synchronized AutomationRule setEnabled(String id, boolean enabled) {
    AutomationRule updated = require(id).withEnabled(enabled);
    registry.putEntry(RegistryKey.rule(id), updated);
    return updated;
  }

  public synchronized void delete(String id) {
    require(id);
    registry.removeEntry(RegistryKey.rule(id));
  }

  private void checkReferences(AutomationRule rule) {
    if (rule.name() != null && rule.name().length() > MAX_TEXT) {
      throw invalid("name", "at most " + MAX_TEXT + " characters");
    }
    for (String field : List.of("on_trigger", "on_clear")) {
      RuleAction a = field.equals("on_trigger") ? rule.onTrigger() : rule.onClear();
      if (a != null && a.message() != null && a.message().length() > MAX_TEXT) {
        throw invalid(field + ".message", "at most " + MAX_TEXT + " characters");
      }
    }
    String building = rule.building();
    Names.require("building", building);
    if (registry.building(building).isEmpty()) {
      throw invalid("building", "unknown building '" + building + "'; create it first");
    }
    RuleCondition c = rule.condition();
    if (c.room() != null) {
      Names.require("condition.room", c.room());
      Room room =
          registry
              .room(c.room())
              .orElseThrow(() -> invalid("condition.room", "unknown room '" + c.room() + "'"));
      requireIn(building, RegistryService.buildingOf(room), "condition.room");
    } else {
      Names.require("condition.sensor", c.sensor());
      Sensor sensor =
          registry
              .sensor(c.sensor())
              .orElseThrow(
                  () -> invalid("condition.sensor", "unknown sensor '" + c.sensor() + "'"));
      String sensorBuilding =
          registry.room(sensor.room()).map(RegistryService::buildingOf).orElse(null);
      requireIn(building, sensorBuilding, "condition.sensor");
    }
    checkAction("on_trigger", rule.onTrigger(), building);
    if (rule.onClear() != null) {
      checkAction("on_clear", rule.onClear(), building);
    }
  }

  private void checkAction(String field, RuleAction action, String building) {
    switch (action.kind()) {
      case EVENT -> {}
      case DEVICE_INSTRUCTION -> {
        Names.require(field + ".target", action.target());
        DeviceSpec device =
            registry
                .entry(RegistryKey.device(action.target()), DeviceSpec.class)
                .orElseThrow(
                    () -> invalid(field + ".target", "unknown device '" + action.target() + "'"));
        requireIn(building, device.building(), field + ".target");
        Optional<EnergyValidationException> refusal =
            device.refusal(
                action.device().action().name().toLowerCase(Locale.ROOT), action.device().value());
        if (refusal.isPresent()) {
          EnergyValidationException e = refusal.get();
          String prefix = e.field() + ": ";
          String message = e.getMessage();
          throw invalid(
              field + ".device." + e.field(),
              message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
      }
      case BATTERY_COMMAND -> {
        Names.require(field + ".target", action.target());
        BatterySpec battery =
            registry
                .battery(action.target())
                .orElseThrow(
                    () -> invalid(field + ".target", "unknown battery '" + action.target() + "'"));
        requireIn(building, battery.building(), field + ".target");
        BatteryMode mode = action.battery().mode();
        double limitW =
            mode == BatteryMode.CHARGE
                ? battery.maxChargeW()
                : mode == BatteryMode.DISCHARGE ? battery.maxDischargeW() : 0;
        if (action.battery().powerW() > limitW) {
          throw invalid(
              field + ".battery.power_w",
              "at most "
                  + limitW
                  + " W for "
                  + mode.name().toLowerCase(Locale.ROOT)
                  + " of "
                  + battery.id());
        }
      }
    }
  }

  private static void requireIn(String building, String actual, String field) {
    if (!building.equals(actual)) {
      throw invalid(
          field, "must be in the rule's building '" + building + "', is in '" + actual + "'");
    }
  }

  private static ApiException invalid(String field, String message) {
    return ApiException.invalid(new FieldError(field, message));
  }
}
