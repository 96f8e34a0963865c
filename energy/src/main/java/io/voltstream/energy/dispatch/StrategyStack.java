package io.voltstream.energy.dispatch;

import io.voltstream.energy.battery.PowerRange;
import java.util.List;

/**
 * Strategies stacked by priority, OpenEMS-style: <b>a higher strategy limits, a lower one optimises
 * inside those limits.</b>
 *
 * <ol>
 *   <li>The range starts as what the battery can physically do over the interval.
 *   <li>Each strategy, highest priority first, gets the range left so far and returns a narrower
 *       one. Its answer is intersected with the allowed range; when they do not overlap, the
 *       allowed range's nearest edge wins (a lower strategy can never break a higher one's limit).
 *   <li>When the range has shrunk to a point, that is the setpoint and lower strategies are not
 *       asked.
 *   <li>Otherwise the setpoint is the point of the final range nearest to 0 W: the battery idles
 *       unless some strategy has a reason to move it.
 * </ol>
 *
 * The decision names the last strategy that narrowed the range, with its reason; when that
 * strategy's wish was cut by a higher limit, the reason also names the limiting strategy.
 */
public final class StrategyStack {
  public static final String IDLE = "idle";

  private final List<DispatchStrategy> byPriority;

  /**
   * @param byPriority strategies, highest priority first
   */
  public StrategyStack(List<DispatchStrategy> byPriority) {
    this.byPriority = List.copyOf(byPriority);
  }

  public static StrategyStack of(DispatchStrategy... byPriority) {
    return new StrategyStack(List.of(byPriority));
  }

  public List<DispatchStrategy> strategies() {
    return byPriority;
  }

  public DispatchDecision decide(DispatchContext context) {
    PowerRange range = context.physicalRangeW();
    String strategy = IDLE;
    String reason = "no strategy asked for power";
    // Who set each end of the range, to say which limit cut a lower strategy's wish.
    String lowerEndBy = "battery limits";
    String upperEndBy = "battery limits";
    for (DispatchStrategy s : byPriority) {
      DispatchStrategy.Outcome outcome = s.apply(context, range);
      PowerRange narrowed = range.narrow(outcome.range());
      if (!narrowed.equals(range)) {
        String limiter =
            outcome.range().maxW() > narrowed.maxW()
                ? upperEndBy
                : outcome.range().minW() < narrowed.minW() ? lowerEndBy : null;
        String own = s.name() + ": " + outcome.reason();
        if (narrowed.minW() != range.minW()) {
          lowerEndBy = own;
        }
        if (narrowed.maxW() != range.maxW()) {
          upperEndBy = own;
        }
        strategy = s.name();
        reason =
            limiter == null ? outcome.reason() : outcome.reason() + " (limited by " + limiter + ")";
        range = narrowed;
      }
      if (range.isPoint()) {
        break;
      }
    }
    if (!range.isPoint() && range.contains(0.0) && !strategy.equals(IDLE)) {
      reason = "idle inside the limit of " + strategy + " (" + reason + ")";
      strategy = IDLE;
    }
    return new DispatchDecision(context.at(), range.clamp(0.0), strategy, reason, range);
  }
}
