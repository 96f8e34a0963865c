package io.voltstream.jobs.rules.logic;

import io.voltstream.model.rules.AutomationRule;
import io.voltstream.model.rules.RuleCondition;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The rule state machine: one step at event time {@code at} with the window's aggregate.
 *
 * <ul>
 *   <li><b>Hysteresis.</b> Untriggered, the rule fires when the value is strictly past {@code
 *       threshold} (above: {@code >}, below: {@code <}); triggered, it clears only when the value
 *       is strictly past {@code clear_threshold} back the other way. Between the two it keeps its
 *       state.
 *   <li><b>Cooldown.</b> A transition (firing or clearing) is not made within {@code cooldown_s} of
 *       the previous one. It is <em>deferred</em>, not dropped: the step answers {@link
 *       Step#recheckAt} = the cooldown's end, the caller evaluates the window again then, and the
 *       transition happens at that instant if the condition still asks for it. If by then the value
 *       has come back (e.g. the CO2 peak passed during the cooldown), nothing happens — the
 *       transition is no longer due, so it is not lost but resolved.
 *   <li><b>No data, no decision.</b> An empty window changes nothing.
 *   <li><b>Edits.</b> The step reads the rule as it is now: a threshold changed while triggered
 *       applies from the next evaluation on (a clear threshold raised above the current value
 *       clears it at once). {@link #keepsState} says when an edit keeps the state at all.
 * </ul>
 */
public final class RuleEvaluation {
  private RuleEvaluation() {}

  public enum Transition {
    NONE,
    FIRED,
    CLEARED
  }

  /**
   * The outcome of one step.
   *
   * @param next the rule's state afterwards
   * @param transition what happened
   * @param value the window's aggregate, null when the window was empty
   * @param recheckAt when a transition was deferred by the cooldown: evaluate again at this instant
   */
  public record Step(RuleState next, Transition transition, Double value, Instant recheckAt) {}

  public static Step evaluate(
      AutomationRule rule, RuleState state, OptionalDouble aggregate, Instant at) {
    RuleState current = state == null ? RuleState.INITIAL : state;
    if (!rule.enabled() || aggregate.isEmpty()) {
      return new Step(current, Transition.NONE, null, null);
    }
    double value = aggregate.getAsDouble();
    RuleCondition c = rule.condition();
    boolean due = current.triggered() ? cleared(c, value) : fired(c, value);
    if (!due) {
      return new Step(current, Transition.NONE, value, null);
    }
    if (current.lastFiredAt() != null) {
      Instant cooldownEnd = current.lastFiredAt().plus(rule.cooldown());
      if (at.isBefore(cooldownEnd)) {
        return new Step(current, Transition.NONE, value, cooldownEnd);
      }
    }
    return current.triggered()
        ? new Step(new RuleState(false, at), Transition.CLEARED, value, null)
        : new Step(new RuleState(true, at), Transition.FIRED, value, null);
  }

  static boolean fired(RuleCondition c, double value) {
    return c.comparison() == RuleCondition.Comparison.ABOVE
        ? value > c.threshold()
        : value < c.threshold();
  }

  static boolean cleared(RuleCondition c, double value) {
    return c.comparison() == RuleCondition.Comparison.ABOVE
        ? value < c.clearThreshold()
        : value > c.clearThreshold();
  }

  /**
   * Whether a rule's state survives the edit {@code before} → {@code after}: only while it stays
   * enabled and watches the same thing (subject, metric, direction). A disabled, re-targeted or
   * re-aimed rule starts afresh (untriggered, no cooldown); thresholds, window, aggregate, actions
   * and cooldown may change under a kept state.
   */
  public static boolean keepsState(AutomationRule before, AutomationRule after) {
    if (before == null || after == null || !before.enabled() || !after.enabled()) {
      return false;
    }
    RuleCondition b = before.condition();
    RuleCondition a = after.condition();
    return Objects.equals(RuleSample.subjectOf(b), RuleSample.subjectOf(a))
        && b.metric() == a.metric()
        && b.comparison() == a.comparison();
  }
}
