package io.voltstream.energy.dispatch;

import io.voltstream.energy.battery.PowerRange;

/**
 * One battery strategy: a pure function from the context and the power range the higher-priority
 * strategies left (the {@code allowed} range) to a narrower range and a reason. A point range is a
 * setpoint; returning {@code allowed} unchanged means "no opinion". See {@link StrategyStack}.
 */
public interface DispatchStrategy {
  /** Stable name, as used in {@code battery_dispatch} and the API (e.g. {@code peak_shaving}). */
  String name();

  Outcome apply(DispatchContext context, PowerRange allowed);

  /** A strategy's answer: the range it wants (intersected with the allowed one) and why. */
  record Outcome(PowerRange range, String reason) {
    public static Outcome noOpinion(PowerRange allowed) {
      return new Outcome(allowed, "");
    }

    /**
     * A setpoint wish; the stack clamps it into the allowed range (and says which limit cut it).
     */
    public static Outcome setpoint(double powerW, String reason) {
      return new Outcome(PowerRange.point(powerW), reason);
    }
  }
}
