package io.voltstream.api.dr.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voltstream.model.dr.DrEventStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One DR invitation as the API shows it (enum values lower case): the invitation ({@code
 * dr-invitations}) with its status and, once the DR job reported on it ({@code dr-status}), the
 * verification figures. {@code status} is the job's report when it said active, completed or
 * cancelled, else the invitation's timing ({@link DrInvitation#statusAt}); a cancelled invitation
 * is always {@code cancelled}.
 *
 * @param status far, near, active, completed or cancelled
 * @param answer pending, opt_in or opt_out
 * @param deliveredKw baseline − metered [kW], null until the job reported
 * @param performanceRatio delivered / requested
 * @param benefitEur incentive earned so far [€]
 * @param reportedAt time of the job's latest report
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InvitationResponse(
    String id,
    String programId,
    String building,
    Instant start,
    Instant end,
    int durationMinutes,
    String status,
    String answer,
    String answerReason,
    String answeredBy,
    Instant answeredAt,
    double requestedKw,
    double incentiveEurPerKwh,
    Double deliveredKw,
    Double baselineKw,
    String baselineMethod,
    String baselineNote,
    Double meteredKw,
    Double performanceRatio,
    Double deliveredKwh,
    Double benefitEur,
    List<String> controlled,
    String note,
    Instant reportedAt,
    Instant cancelledAt,
    Instant createdAt,
    String createdBy) {

  /** The status shown: the job's report once it ran the event, else the invitation's timing. */
  public static DrEventStatus status(DrInvitation inv, DrExecution exec, Instant now) {
    if (inv.cancelled()) {
      return DrEventStatus.CANCELLED;
    }
    if (exec != null
        && (exec.status() == DrEventStatus.ACTIVE
            || exec.status() == DrEventStatus.COMPLETED
            || exec.status() == DrEventStatus.CANCELLED)) {
      return exec.status();
    }
    return inv.statusAt(now);
  }

  public static InvitationResponse from(DrInvitation inv, DrExecution exec, Instant now) {
    boolean reported = exec != null;
    return new InvitationResponse(
        inv.id(),
        inv.programId(),
        inv.building(),
        inv.start(),
        inv.end(),
        inv.durationMinutes(),
        lower(status(inv, exec, now)),
        lower(inv.answer()),
        inv.answerReason(),
        inv.answeredBy(),
        inv.answeredAt(),
        inv.requestedKw(),
        inv.incentiveEurPerKwh(),
        reported ? exec.deliveredKw() : null,
        reported ? exec.baselineKw() : null,
        reported ? exec.baselineMethod() : null,
        reported ? exec.baselineNote() : null,
        reported ? exec.meteredKw() : null,
        reported ? exec.performanceRatio() : null,
        reported ? exec.deliveredKwh() : null,
        reported ? exec.benefitEur() : null,
        reported ? exec.controlled() : List.of(),
        reported ? exec.note() : null,
        reported ? exec.at() : null,
        inv.cancelledAt(),
        inv.createdAt(),
        inv.createdBy());
  }

  /** Enum values as the API spells them (lower case). */
  public static String lower(Enum<?> e) {
    return e == null ? null : e.name().toLowerCase(Locale.ROOT);
  }
}
