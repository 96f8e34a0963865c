package io.voltstream.energy.dispatch;

import io.voltstream.energy.battery.PowerRange;
import java.time.Instant;
import java.util.Objects;

/**
 * A demand-response event: during [{@code from}, {@code until}) the building's grid import is held
 * at {@code targetImportW} (negative = export) as far as the battery allows; outside it, no
 * opinion. Put it right below the reserve so that it overrides the optimising strategies.
 *
 * @param eventId the DR event, quoted in the reason
 */
public record DemandResponseOverride(
    String eventId, Instant from, Instant until, double targetImportW) implements DispatchStrategy {
  public static final String NAME = "demand_response";

  public DemandResponseOverride {
    Objects.requireNonNull(eventId, "eventId");
    if (!from.isBefore(until)) {
      throw new IllegalArgumentException(
          "the window must end after it starts: " + from + " .. " + until);
    }
    if (!Double.isFinite(targetImportW)) {
      throw new IllegalArgumentException("targetImportW must be finite");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome apply(DispatchContext ctx, PowerRange allowed) {
    if (ctx.at().isBefore(from) || !ctx.at().isBefore(until)) {
      return Outcome.noOpinion(allowed);
    }
    return Outcome.setpoint(
        ctx.netLoadW() - targetImportW,
        String.format(
            "demand response %s: grid import target %.0f W until %s",
            eventId, targetImportW, until));
  }
}
