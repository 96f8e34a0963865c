package io.voltstream.energy.dr.baseline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A baseline method's placebo accuracy on one dataset.
 *
 * @param method wire name of the method
 * @param sameDayAdjustment whether the ±20 % same-day adjustment was applied
 * @param all accuracy over every window
 * @param fullHistory accuracy over the windows whose baseline had all the days it wants (no
 *     fallback): how the method does once a building has enough history
 * @param byWindow accuracy per pretend window ({@link PlaceboWindow#label()}), in input order
 * @param fallbacks how often each fallback or adjustment limit occurred ({@link Placebo#PRE_EVENT},
 *     {@link Placebo#FEWER_DAYS}, {@link Placebo#ADJUSTMENT_CAPPED}, {@link
 *     Placebo#ADJUSTMENT_SKIPPED}); zero counts are left out
 * @param skippedWindows windows left out: no complete metered load, or no baseline at all
 */
public record PlaceboResult(
    String method,
    boolean sameDayAdjustment,
    PlaceboStats all,
    PlaceboStats fullHistory,
    Map<String, PlaceboStats> byWindow,
    Map<String, Integer> fallbacks,
    int skippedWindows) {

  public PlaceboResult {
    byWindow = Collections.unmodifiableMap(new LinkedHashMap<>(byWindow));
    fallbacks = Collections.unmodifiableMap(new LinkedHashMap<>(fallbacks));
  }

  /** {@code 10of10} or {@code 10of10+adj}. */
  public String label() {
    return method + (sameDayAdjustment ? "+adj" : "");
  }
}
