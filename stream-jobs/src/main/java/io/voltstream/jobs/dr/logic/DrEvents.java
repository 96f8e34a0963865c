package io.voltstream.jobs.dr.logic;

import io.voltstream.model.SystemEvent;
import io.voltstream.model.SystemEvent.Severity;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The DR job's system events ({@code dr_invitation}, {@code dr_answered}, {@code dr_started},
 * {@code dr_completed}, {@code dr_cancelled}, {@code dr_redispatch}) with deterministic ids (kind,
 * event, target), so a replay rewrites them.
 */
public final class DrEvents {
  public static final String STARTED = "dr_started";
  public static final String COMPLETED = "dr_completed";
  public static final String CANCELLED = "dr_cancelled";
  public static final String REDISPATCH = "dr_redispatch";
  public static final String INVITATION = "dr_invitation";
  public static final String ANSWERED = "dr_answered";

  private DrEvents() {}

  /**
   * What a version of an invitation on {@code dr-invitations} tells: it was received (at its
   * creation), answered (at its answer) and, when {@code running} is false, cancelled before it ran
   * (a running event's cancellation is reported by {@link #finished}). Each has a deterministic id
   * and time, so seeing the same version again rewrites the same events.
   */
  public static List<SystemEvent> lifecycle(DrInvitation inv, boolean running) {
    List<SystemEvent> events = new java.util.ArrayList<>();
    if (inv.createdAt() != null) {
      events.add(
          new SystemEvent(
              INVITATION + ":" + inv.id(),
              inv.createdAt(),
              INVITATION,
              Severity.INFO,
              null,
              null,
              String.format(
                  Locale.ROOT,
                  "DR invitation %s: reduce by %.2f kW from %s for %d min at %.3f EUR/kWh",
                  inv.id(),
                  inv.requestedKw(),
                  inv.start(),
                  inv.durationMinutes(),
                  inv.incentiveEurPerKwh()),
              inv.requestedKw(),
              null,
              inv.building()));
    }
    if (inv.answer() != DrAnswer.PENDING && inv.answeredAt() != null) {
      String answer = inv.answer().name().toLowerCase(Locale.ROOT);
      events.add(
          new SystemEvent(
              ANSWERED + ":" + inv.id() + ":" + answer,
              inv.answeredAt(),
              ANSWERED,
              Severity.INFO,
              null,
              null,
              "DR invitation "
                  + inv.id()
                  + " answered "
                  + answer
                  + (inv.answeredBy() == null ? "" : " by " + inv.answeredBy())
                  + (inv.answerReason() == null ? "" : ": " + inv.answerReason()),
              inv.requestedKw(),
              null,
              inv.building()));
    }
    if (inv.cancelled() && !running) {
      events.add(
          new SystemEvent(
              CANCELLED + ":" + inv.id(),
              inv.cancelledAt(),
              CANCELLED,
              Severity.INFO,
              null,
              null,
              "DR invitation " + inv.id() + " cancelled before it ran",
              inv.requestedKw(),
              null,
              inv.building()));
    }
    return events;
  }

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
