package io.voltstream.energy.flex;

import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.FlexibilityKind;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The flexibility of one device from its registry spec and its latest metered power (rules in
 * energy/README.md, "Flexibility"):
 *
 * <ul>
 *   <li>only DR-enabled devices with a flexibility kind count; with an unknown power nothing
 *       counts;
 *   <li>a curtailable or shiftable device that is on offers {@code down_now} = its power, and over
 *       the hour {@code down_now × min(1, comfort limit / 1 h)} (it may stay off that long only);
 *   <li>a shiftable device below its rated power (off, or running slower) offers {@code up_now} =
 *       rated − power (deferred consumption could run now), over the hour with the same comfort
 *       factor (it can only be brought forward by what could have been deferred).
 * </ul>
 */
public final class DeviceFlexibility {

  private static final Duration HOUR = Duration.ofHours(1);

  private DeviceFlexibility() {}

  /** The device's state and flexibility. */
  public record Result(DeviceState state, Flexibility flexibility) {}

  /**
   * @param spec the device
   * @param powerW its latest metered power [W] (magnitude), empty when no fresh reading
   */
  public static Result of(DeviceSpec spec, OptionalDouble powerW) {
    if (powerW.isEmpty() || !Double.isFinite(powerW.getAsDouble())) {
      return new Result(DeviceState.UNKNOWN, Flexibility.NONE);
    }
    double p = Math.abs(powerW.getAsDouble());
    DeviceState state = spec.isOn(p) ? DeviceState.ON : DeviceState.OFF;
    if (!spec.drEnabled() || spec.flexibility() == FlexibilityKind.NONE) {
      return new Result(state, Flexibility.NONE);
    }
    double hold = holdFraction(spec.curtailmentLimit());
    double downKw = state == DeviceState.ON ? p / 1000.0 : 0.0;
    double upKw =
        spec.flexibility() == FlexibilityKind.SHIFTABLE
            ? Math.max(0.0, spec.ratedPowerW() - p) / 1000.0
            : 0.0;
    return new Result(state, new Flexibility(upKw, downKw, upKw * hold, downKw * hold));
  }

  /** Share of the next hour a change may be held: min(1, comfort limit / 1 h). */
  static double holdFraction(Duration comfortLimit) {
    return Math.min(1.0, (double) comfortLimit.toMillis() / HOUR.toMillis());
  }
}
