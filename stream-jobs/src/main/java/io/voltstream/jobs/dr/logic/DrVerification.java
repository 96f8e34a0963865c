package io.voltstream.jobs.dr.logic;

import io.voltstream.energy.dr.DrPerformance;
import io.voltstream.energy.dr.baseline.Baseline;
import io.voltstream.energy.dr.baseline.BaselineMethod;
import io.voltstream.energy.dr.baseline.Baselines;
import io.voltstream.model.dr.DrEventStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verification of a DR event against its baseline (issue 9 item 5), glue between the DR operator's
 * state and the energy module ({@link Baselines}, {@link DrPerformance}): the baseline is made once
 * at the start from the 15-minute import history before it; each report compares the baseline over
 * the part of the event run so far with the mean metered grid import over the same time.
 */
public final class DrVerification {
  private DrVerification() {}

  /** The run of {@code invitation} starting at {@code at}, with its baseline. */
  public static EventRun start(
      DrInvitation invitation,
      Instant at,
      Map<Long, ImportBucket> history,
      ZoneId zone,
      Set<LocalDate> eventDays,
      BaselineMethod method,
      boolean sameDayAdjustment) {
    Optional<Baseline> baseline =
        Baselines.compute(
            ImportHistory.before(history, invitation.start()),
            invitation.start(),
            invitation.end(),
            zone,
            eventDays,
            method,
            sameDayAdjustment);
    return new EventRun(
        invitation.id(),
        at,
        0,
        0,
        baseline
            .map(b -> b.perIntervalKw().stream().mapToDouble(Double::doubleValue).toArray())
            .orElse(null),
        baseline.map(Baseline::method).orElse(null),
        baseline
            .map(Baseline::note)
            .orElse("no baseline: no load history before the event (not even the hour before)"),
        null,
        null);
  }

  /**
   * The grid import the batteries hold during the interval of {@code at}: baseline − requested [W];
   * NaN without a baseline.
   */
  public static double targetImportW(EventRun run, DrInvitation invitation, Instant at) {
    double[] kw = run.baselinePerIntervalKw();
    if (kw == null || kw.length == 0) {
      return Double.NaN;
    }
    long i =
        Duration.between(invitation.start(), at).toMillis() / ImportHistory.INTERVAL.toMillis();
    int slot = (int) Math.max(0, Math.min(kw.length - 1, i));
    return (kw[slot] - invitation.requestedKw()) * 1000.0;
  }

  /** Time-weighted mean baseline over [from, to) [kW]; NaN without a baseline or an empty span. */
  public static double baselineKw(EventRun run, DrInvitation invitation, Instant from, Instant to) {
    double[] kw = run.baselinePerIntervalKw();
    if (kw == null || kw.length == 0 || !from.isBefore(to)) {
      return Double.NaN;
    }
    double weighted = 0;
    double total = 0;
    for (int i = 0; i < kw.length; i++) {
      Instant s = invitation.start().plus(ImportHistory.INTERVAL.multipliedBy(i));
      Instant e = min(s.plus(ImportHistory.INTERVAL), invitation.end());
      Instant a = max(s, from);
      Instant b = min(e, to);
      if (a.isBefore(b)) {
        double ms = Duration.between(a, b).toMillis();
        weighted += kw[i] * ms;
        total += ms;
      }
    }
    return total == 0 ? Double.NaN : weighted / total;
  }

  /**
   * The report at {@code at}: baseline and metered mean over [run start, at), delivered kW, ratio,
   * kWh and benefit when both are known.
   */
  public static DrExecution report(
      EventRun run,
      DrInvitation invitation,
      Instant at,
      DrEventStatus status,
      List<String> controlled) {
    Instant to = min(at, invitation.end());
    Duration elapsed = Duration.between(run.startedAt(), max(run.startedAt(), to));
    double baselineKw = baselineKw(run, invitation, run.startedAt(), to);
    if (Double.isNaN(baselineKw) && run.baselinePerIntervalKw() != null) {
      // Nothing elapsed yet (the report at the start): the first interval's baseline.
      baselineKw = baselineKw(run, invitation, invitation.start(), invitation.end());
    }
    double meteredKw = run.meteredKw();
    DrPerformance p =
        Double.isFinite(baselineKw) && Double.isFinite(meteredKw)
            ? DrPerformance.of(
                baselineKw,
                meteredKw,
                invitation.requestedKw(),
                elapsed,
                invitation.incentiveEurPerKwh())
            : null;
    return new DrExecution(
        invitation.id(),
        invitation.building(),
        status,
        at,
        invitation.requestedKw(),
        finite(baselineKw),
        run.baselineMethod(),
        run.baselineNote(),
        finite(meteredKw),
        p == null ? null : p.deliveredKw(),
        p == null ? null : p.performanceRatio(),
        p == null ? null : p.deliveredKwh(),
        p == null ? null : p.benefitEur(),
        controlled,
        run.note());
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
