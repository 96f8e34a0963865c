package io.voltstream.jobs.marketagents.logic;

import io.voltstream.energy.market.MarketSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The expected net load of a slot: the forecast service's consumption − generation when a fresh
 * consumption forecast covers the slot (a missing generation forecast counts as none, as for the
 * dispatch planner), otherwise persistence — the mean metered net load of the last 15 minutes —
 * said in the basis, which ends up in the order's note.
 *
 * @param netLoadKwh consumption − generation over the slot [kWh]
 * @param basis where it comes from, in words
 */
public record SlotNetLoad(double netLoadKwh, String basis) {

  /** The window of the persistence fallback. */
  public static final Duration PERSISTENCE_WINDOW = MarketSpec.SLOT;

  /**
   * The estimate for the slot starting at {@code slot}, decided at {@code at}; empty when there is
   * neither a fresh forecast nor a metered net load.
   *
   * @param consumption the building's latest consumption forecast, or null
   * @param generation its latest generation forecast, or null
   * @param maxAge a forecast issued further than this from {@code at} is not fresh
   * @param meteredMeanW mean metered net load over the last {@link #PERSISTENCE_WINDOW} [W]
   */
  public static Optional<SlotNetLoad> estimate(
      Instant at,
      Instant slot,
      AgentForecast consumption,
      AgentForecast generation,
      Duration maxAge,
      OptionalDouble meteredMeanW) {
    Optional<Double> use =
        consumption == null
            ? Optional.empty()
            : consumption.slotKwh(at, slot, MarketSpec.SLOT, maxAge);
    if (use.isPresent()) {
      Optional<Double> gen =
          generation == null
              ? Optional.empty()
              : generation.slotKwh(at, slot, MarketSpec.SLOT, maxAge);
      String basis =
          gen.isPresent()
              ? String.format(
                  Locale.ROOT,
                  "forecast consumption %.3f − generation %.3f kWh",
                  use.get(),
                  gen.get())
              : String.format(
                  Locale.ROOT,
                  "forecast consumption %.3f kWh; no fresh generation forecast, counted 0",
                  use.get());
      return Optional.of(new SlotNetLoad(use.get() - gen.orElse(0.0), basis));
    }
    if (meteredMeanW.isEmpty()) {
      return Optional.empty();
    }
    double w = meteredMeanW.getAsDouble();
    double hours = MarketSpec.SLOT.toMillis() / 3_600_000.0;
    return Optional.of(
        new SlotNetLoad(
            w / 1000.0 * hours,
            String.format(
                Locale.ROOT,
                "no fresh forecast for the slot: persistence = mean metered net load of the last"
                    + " 15 min, %.0f W",
                w)));
  }
}
