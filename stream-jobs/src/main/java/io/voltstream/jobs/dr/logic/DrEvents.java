package io.voltstream.jobs.dr.logic;

import io.voltstream.model.SystemEvent;
import io.voltstream.model.SystemEvent.Severity;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The DR job's system events ({@code dr_started}, {@code dr_completed}, {@code dr_cancelled},
 * {@code dr_redispatch}) with deterministic ids (kind, event, target), so a replay rewrites them.
 */
public final class DrEvents {
  public static final String STARTED = "dr_started";
  public static final String COMPLETED = "dr_completed";
  public static final String CANCELLED = "dr_cancelled";
  public static final String REDISPATCH = "dr_redispatch";

  private DrEvents() {}

  public static SystemEvent started(DrInvitation inv, Instant at, List<String> controlled) {
    return new SystemEvent(
        STARTED + ":" + inv.id(),
        at,
        STARTED,
        Severity.INFO,
        null,
        null,
        String.format(
            Locale.ROOT,
            "DR event %s started: reduce by %.2f kW until %s; controlling %s",
            inv.id(),
            inv.requestedKw(),
            inv.end(),
            controlled.isEmpty() ? "nothing" : String.join(", ", controlled)),
        inv.requestedKw(),
        null,
        inv.building());
  }

  /** {@code dr_completed} or {@code dr_cancelled}, with the final delivered kW. */
  public static SystemEvent finished(DrInvitation inv, DrExecution last, boolean cancelled) {
    String kind = cancelled ? CANCELLED : COMPLETED;
    String delivered =
        last.deliveredKw() == null
            ? "delivered unknown (" + last.baselineNote() + ")"
            : String.format(
                Locale.ROOT,
                "delivered %.2f kW of %.2f kW requested (ratio %.2f), %.3f kWh, %.2f EUR",
                last.deliveredKw(),
                inv.requestedKw(),
                last.performanceRatio(),
                last.deliveredKwh(),
                last.benefitEur());
    return new SystemEvent(
        kind + ":" + inv.id(),
        last.at(),
        kind,
        Severity.INFO,
        null,
        null,
        "DR event "
            + inv.id()
            + (cancelled ? " cancelled" : " completed")
            + "; devices restored; "
            + delivered,
        last.deliveredKw(),
        inv.requestedKw(),
        inv.building());
  }

  /** A target refused or did not answer: the next one is dispatched. */
  public static SystemEvent redispatch(
      DrInvitation inv, String target, String state, String reason, Instant at) {
    return new SystemEvent(
        REDISPATCH + ":" + inv.id() + ":" + target,
        at,
        REDISPATCH,
        Severity.WARNING,
        null,
        target,
        "DR event "
            + inv.id()
            + ": "
            + target
            + " "
            + state
            + (reason == null ? "" : " (" + reason + ")")
            + "; excluded, the next target is dispatched",
        null,
        null,
        inv.building());
  }
}
