package io.voltstream.energy.dr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The auto-answer policy of a building ({@link DrSettings}): opt in only when the incentive is at
 * least the minimum and both the current flexibility and the forecast for the event window cover
 * {@code requested_kw × required_coverage}; otherwise opt out. The reason quotes the figures
 * compared (every shortfall, or what covered the request).
 *
 * <p>The current figure is {@code min(down_now_kw, down_hour_kw)} of the building's latest
 * flexibility report: what is available now and can also be held for an hour — conservative for
 * events shorter than an hour; for longer ones the {@link FlexibilityForecast}, which spreads
 * battery energy and comfort limits over the whole window, is the binding check.
 *
 * <pre>{@code
 * Decision d = AutoAnswerPolicy.decide(settings, request, Optional.of(current), forecast);
 * if (d.optIn()) { ... }
 * }</pre>
 */
public final class AutoAnswerPolicy {
  /** The reason given when no current flexibility is known. */
  public static final String NO_CURRENT_FLEXIBILITY = "no current flexibility";

  private AutoAnswerPolicy() {}

  /**
   * What was asked.
   *
   * @param requestedKw requested reduction [kW]
   * @param start start of the event
   * @param duration its length
   * @param incentiveEurPerKwh payment per kWh delivered [€/kWh]
   */
  public record Request(
      double requestedKw, Instant start, Duration duration, double incentiveEurPerKwh) {
    public Request {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /**
   * The building's latest flexibility report, downward.
   *
   * @param downNowKw available now [kW]
   * @param downHourKw mean that can be held over the next hour [kW]
   */
  public record CurrentFlexibility(double downNowKw, double downHourKw) {
    /** Available now and held over the hour. */
    public double heldKw() {
      return Math.min(downNowKw, downHourKw);
    }
  }

  /**
   * The answer.
   *
   * @param optIn true: opt in; false: opt out
   * @param reason the figures compared
   */
  public record Decision(boolean optIn, String reason) {}

  /** Decides; {@code current} empty = no fresh flexibility report (always an opt-out). */
  public static Decision decide(
      DrSettings settings,
      Request request,
      Optional<CurrentFlexibility> current,
      FlexibilityForecast forecast) {
    double neededKw = request.requestedKw() * settings.requiredCoverage();
    String needed =
        f(
            "%.2f kW needed (%.2f kW × %.2f)",
            neededKw, request.requestedKw(), settings.requiredCoverage());
    List<String> shortfalls = new ArrayList<>();
    if (current.isEmpty()) {
      shortfalls.add(NO_CURRENT_FLEXIBILITY);
    }
    if (request.incentiveEurPerKwh() < settings.minIncentiveEurPerKwh()) {
      shortfalls.add(
          f(
              "incentive %.3f €/kWh below the minimum %.3f €/kWh",
              request.incentiveEurPerKwh(), settings.minIncentiveEurPerKwh()));
    }
    String currentText =
        current
            .map(
                c ->
                    f(
                        "current flexibility %.2f kW (down now %.2f, over the hour %.2f)",
                        c.heldKw(), c.downNowKw(), c.downHourKw()))
            .orElse(null);
    if (current.isPresent() && current.get().heldKw() < neededKw) {
      shortfalls.add(currentText + " < " + needed);
    }
    String forecastText = "forecast flexibility " + forecast.describe();
    if (forecast.totalKw() < neededKw) {
      shortfalls.add(forecastText + " < " + needed);
    }
    if (!shortfalls.isEmpty()) {
      return new Decision(false, String.join("; ", shortfalls));
    }
    return new Decision(
        true,
        currentText
            + " and "
            + forecastText
            + " cover "
            + needed
            + f(
                "; incentive %.3f ≥ %.3f €/kWh",
                request.incentiveEurPerKwh(), settings.minIncentiveEurPerKwh()));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
