package io.voltstream.jobs.rules.logic;

import io.voltstream.model.RegistryKey;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.rules.AutomationRule;
import io.voltstream.model.rules.RuleAction;
import io.voltstream.model.rules.RuleCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What one firing produces: always an event ({@code rule_fired} or {@code rule_cleared}, with the
 * rule's building and room, the value and the threshold crossed) and, for a device or battery
 * action, the command (source {@code rule}, id {@code rule-<rule id>-<epoch ms of the firing>}, so
 * a replay rewrites the same command; {@code valid_until} = firing + validity). A clearing without
 * {@code on_clear} is only an event.
 *
 * @param event the firing's event
 * @param command the action's command, null for event-only actions
 */
public record RuleDecision(SystemEvent event, Command command) {

  public static final String FIRED = "rule_fired";
  public static final String CLEARED = "rule_cleared";

  /**
   * The decision for {@code rule} after a {@code transition} at {@code at} with the window's {@code
   * value}; {@code targetBuilding} looks up a device's or battery's building by registry key (null
   * when unknown: the rule's building is used).
   */
  public static RuleDecision of(
      AutomationRule rule,
      RuleEvaluation.Transition transition,
      double value,
      Instant at,
      String room,
      Duration commandValidity,
      UnaryOperator<String> targetBuilding) {
    boolean fired = transition == RuleEvaluation.Transition.FIRED;
    if (!fired && transition != RuleEvaluation.Transition.CLEARED) {
      throw new IllegalArgumentException("no decision without a transition");
    }
    RuleCondition c = rule.condition();
    RuleAction action = fired ? rule.onTrigger() : rule.onClear();
    double threshold = fired ? c.threshold() : c.clearThreshold();
    String kind = fired ? FIRED : CLEARED;
    SystemEvent event =
        new SystemEvent(
            kind + ":" + rule.id() + ":" + at.toEpochMilli(),
            at,
            kind,
            fired ? SystemEvent.Severity.WARNING : SystemEvent.Severity.INFO,
            room,
            c.sensor(),
            message(rule, fired, value, threshold, action),
            value,
            threshold,
            rule.building());
    return new RuleDecision(event, command(rule, action, at, commandValidity, targetBuilding));
  }

  /** The command id of a firing of {@code ruleId} at {@code at}. */
  public static String commandId(String ruleId, Instant at) {
    return "rule-" + ruleId + "-" + at.toEpochMilli();
  }

  private static Command command(
      AutomationRule rule,
      RuleAction action,
      Instant at,
      Duration validity,
      UnaryOperator<String> targetBuilding) {
    if (action == null || action.kind() == RuleAction.Kind.EVENT) {
      return null;
    }
    String id = commandId(rule.id(), at);
    String issuedBy = "rule:" + rule.id();
    if (action.kind() == RuleAction.Kind.DEVICE_INSTRUCTION) {
      String building = targetBuilding.apply(RegistryKey.device(action.target()).encode());
      return Command.device(
          id,
          action.target(),
          building != null ? building : rule.building(),
          action.device(),
          at,
          validity,
          CommandSource.RULE,
          issuedBy);
    }
    String building = targetBuilding.apply(RegistryKey.battery(action.target()).encode());
    return Command.battery(
        id,
        action.target(),
        building != null ? building : rule.building(),
        action.battery(),
        at,
        validity,
        CommandSource.RULE,
        issuedBy);
  }

  private static String message(
      AutomationRule rule, boolean fired, double value, double threshold, RuleAction action) {
    if (action != null && action.message() != null && !action.message().isBlank()) {
      return action.message();
    }
    RuleCondition c = rule.condition();
    String what =
        lower(c.aggregate())
            + " "
            + lower(c.metric())
            + " over "
            + c.windowS()
            + " s "
            + String.format(Locale.ROOT, "%.1f", value);
    String crossed =
        (fired == (c.comparison() == RuleCondition.Comparison.ABOVE) ? " > " : " < ")
            + String.format(Locale.ROOT, "%.1f", threshold);
    String doing =
        action == null || action.kind() == RuleAction.Kind.EVENT
            ? ""
            : " → "
                + action.target()
                + " "
                + (action.device() != null
                    ? lower(action.device().action())
                        + (action.device().value() != null ? " " + action.device().value() : "")
                    : lower(action.battery().mode()) + " " + action.battery().powerW() + " W");
    return "rule " + rule.id() + (fired ? " fired: " : " cleared: ") + what + crossed + doing;
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
