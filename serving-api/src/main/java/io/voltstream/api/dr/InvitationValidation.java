package io.voltstream.api.dr;

import io.voltstream.api.dr.dto.SendInvitationRequest;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.registry.Names;
import io.voltstream.model.Building;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrEventStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The edge checks of the DR routes, as pure functions (unit-tested without a server). Missing,
 * malformed or out-of-range values are 400; an unknown building or a start in the past — well
 * formed but not acceptable — is 422; each names its field.
 */
public final class InvitationValidation {
  /** Longest event [min] (one day), as {@code DrInvitation} allows. */
  public static final int MAX_DURATION_MINUTES = 1440;

  private InvitationValidation() {}

  /** Checks a send request against the registry's buildings and the current time. */
  public static DrService.Send send(
      SendInvitationRequest req, Function<String, Optional<Building>> buildings, Instant now) {
    String id = Names.require("building", req.building());
    Building building =
        buildings
            .apply(id)
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        new FieldError("building", "unknown building '" + id + "'")));
    Instant start = start(req.start());
    if (start.isBefore(now)) {
      throw ApiException.invalid(
          new FieldError("start", "is in the past (" + start + " < now " + now + ")"));
    }
    Integer duration = req.durationMinutes();
    if (duration == null) {
      throw required("duration_minutes");
    }
    if (duration < 1 || duration > MAX_DURATION_MINUTES) {
      throw ApiException.badRequest(
          "invalid duration_minutes",
          new FieldError(
              "duration_minutes", "must be in 1.." + MAX_DURATION_MINUTES + ", was " + duration));
    }
    Double kw = req.requestedKw();
    if (kw == null) {
      throw required("requested_kw");
    }
    if (!Double.isFinite(kw) || kw <= 0) {
      throw ApiException.badRequest(
          "invalid requested_kw", new FieldError("requested_kw", "must be a number > 0 [kW]"));
    }
    double incentive = req.incentiveEurPerKwh() == null ? 0 : req.incentiveEurPerKwh();
    if (!Double.isFinite(incentive) || incentive < 0) {
      throw ApiException.badRequest(
          "invalid incentive_eur_per_kwh",
          new FieldError("incentive_eur_per_kwh", "must be a number ≥ 0 [€/kWh]"));
    }
    String program = req.programId() == null ? null : Names.require("program_id", req.programId());
    return new DrService.Send(building, start, duration, kw, incentive, program);
  }

  /** An ISO-8601 instant with an offset ({@code 2026-11-30T12:00:00Z}, {@code …+01:00}). */
  static Instant start(String text) {
    if (text == null || text.isBlank()) {
      throw required("start");
    }
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "invalid start",
          new FieldError(
              "start", "must be an ISO-8601 instant with offset, e.g. 2026-11-30T12:00:00Z"));
    }
  }

  /** {@code opt_in} or {@code opt_out} (case-insensitive). */
  public static DrAnswer answer(String text) {
    if (text == null || text.isBlank()) {
      throw required("answer");
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "opt_in" -> DrAnswer.OPT_IN;
      case "opt_out" -> DrAnswer.OPT_OUT;
      default ->
          throw ApiException.badRequest(
              "invalid answer", new FieldError("answer", "must be opt_in or opt_out"));
    };
  }

  /** A status filter: far, near, active, completed or cancelled; null when absent. */
  public static DrEventStatus status(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return DrEventStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "invalid status",
          new FieldError("status", "must be far, near, active, completed or cancelled"));
    }
  }

  private static ApiException required(String field) {
    return ApiException.badRequest(field + " is required", new FieldError(field, "required"));
  }
}
