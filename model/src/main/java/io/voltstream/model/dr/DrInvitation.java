package io.voltstream.model.dr;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A demand-response invitation, i.e. an OpenADR 3 event of a program with one interval: reduce the
 * building's grid import by {@code requested_kw} during [start, start + duration_minutes) against
 * its baseline, paid {@code incentive_eur_per_kwh} for the energy delivered. The record of Kafka
 * {@code dr-invitations} (compacted, key = id), written by the API on send, answer and cancel; the
 * DR job executes opted-in events at their start and reports on {@code dr-status}.
 *
 * @param id event id
 * @param programId the program it belongs to ({@link #DEFAULT_PROGRAM} unless stated)
 * @param building the target (OpenADR target of type building)
 * @param start start of the interval
 * @param durationMinutes length of the interval [min], 1 … 1440
 * @param requestedKw requested reduction [kW], &gt; 0
 * @param incentiveEurPerKwh payment per kWh delivered [€/kWh], ≥ 0
 * @param answer pending, opt_in or opt_out
 * @param answerReason why (for the auto-answer policy: the figures it compared)
 * @param answeredBy token subject, or {@code auto-answer}
 * @param answeredAt when answered
 * @param cancelledAt when cancelled, if it was
 * @param createdAt when sent
 * @param createdBy token subject of the sender
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DrInvitation(
    String id,
    String programId,
    String building,
    Instant start,
    int durationMinutes,
    double requestedKw,
    double incentiveEurPerKwh,
    DrAnswer answer,
    String answerReason,
    String answeredBy,
    Instant answeredAt,
    Instant cancelledAt,
    Instant createdAt,
    String createdBy) {

  public static final String DEFAULT_PROGRAM = "voltstream-dr";
  public static final String AUTO_ANSWER = "auto-answer";

  /** An event is {@code near} from this long before its start (OpenADR's "near" notification). */
  public static final Duration NEAR_WINDOW = Duration.ofMinutes(15);

  public DrInvitation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(building, "building");
    Objects.requireNonNull(start, "start");
    programId = programId == null ? DEFAULT_PROGRAM : programId;
    answer = answer == null ? DrAnswer.PENDING : answer;
    if (durationMinutes < 1 || durationMinutes > 1440) {
      throw new IllegalArgumentException("duration_minutes must be in [1, 1440]");
    }
    if (!(requestedKw > 0) || !Double.isFinite(requestedKw)) {
      throw new IllegalArgumentException("requested_kw must be > 0");
    }
    if (!(incentiveEurPerKwh >= 0) || !Double.isFinite(incentiveEurPerKwh)) {
      throw new IllegalArgumentException("incentive_eur_per_kwh must be ≥ 0");
    }
  }

  public Duration duration() {
    return Duration.ofMinutes(durationMinutes);
  }

  public Instant end() {
    return start.plus(duration());
  }

  public boolean cancelled() {
    return cancelledAt != null;
  }

  /** Whether the building will take part: opted in and not cancelled. */
  public boolean committed() {
    return answer == DrAnswer.OPT_IN && !cancelled();
  }

  /** The OpenADR status at {@code now}. */
  public DrEventStatus statusAt(Instant now) {
    if (cancelled()) {
      return DrEventStatus.CANCELLED;
    }
    if (!now.isBefore(end())) {
      return DrEventStatus.COMPLETED;
    }
    if (!now.isBefore(start)) {
      return DrEventStatus.ACTIVE;
    }
    return now.isBefore(start.minus(NEAR_WINDOW)) ? DrEventStatus.FAR : DrEventStatus.NEAR;
  }

  /** Whether the two intervals overlap (half-open). */
  public boolean overlaps(Instant otherStart, Instant otherEnd) {
    return start.isBefore(otherEnd) && otherStart.isBefore(end());
  }

  public DrInvitation answered(DrAnswer a, String reason, String by, Instant at) {
    return new DrInvitation(
        id,
        programId,
        building,
        start,
        durationMinutes,
        requestedKw,
        incentiveEurPerKwh,
        a,
        reason,
        by,
        at,
        cancelledAt,
        createdAt,
        createdBy);
  }

  public DrInvitation cancelledAt(Instant at) {
    return new DrInvitation(
        id,
        programId,
        building,
        start,
        durationMinutes,
        requestedKw,
        incentiveEurPerKwh,
        answer,
        answerReason,
        answeredBy,
        answeredAt,
        at,
        createdAt,
        createdBy);
  }
}
