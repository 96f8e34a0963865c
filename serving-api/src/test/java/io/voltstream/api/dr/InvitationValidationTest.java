package io.voltstream.api.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.voltstream.api.dr.dto.SendInvitationRequest;
import io.voltstream.api.error.ApiException;
import io.voltstream.model.Building;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrEventStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvitationValidationTest {
  static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
  static final Building HQ = new Building("hq", "HQ", null, null, null);

  static DrService.Send send(SendInvitationRequest r) {
    return InvitationValidation.send(
        r, id -> id.equals("hq") ? Optional.of(HQ) : Optional.empty(), NOW);
  }

  static SendInvitationRequest req(
      String building, String start, Integer min, Double kw, Double eur) {
    return new SendInvitationRequest(building, start, min, kw, eur, null);
  }

  static ApiException failure(SendInvitationRequest r) {
    return catchThrowableOfType(ApiException.class, () -> send(r));
  }

  static void assertField(ApiException e, ApiException.Kind kind, String field) {
    assertThat(e).as("expected a failure naming %s", field).isNotNull();
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.errors()).extracting(f -> f.field()).containsExactly(field);
  }

  @Test
  void shouldAcceptAValidRequestAndParseOffsets() {
    DrService.Send s = send(req("hq", "2026-11-30T08:00:00+01:00", 30, 2.0, null));
    assertThat(s.building()).isEqualTo(HQ);
    assertThat(s.start()).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
    assertThat(s.durationMinutes()).isEqualTo(30);
    assertThat(s.requestedKw()).isEqualTo(2.0);
    assertThat(s.incentiveEurPerKwh()).isZero();
  }

  @Test
  void shouldNameEachBadField() {
    String ok = "2026-11-30T07:00:00Z";
    assertField(
        failure(req("attic", ok, 30, 2.0, 0.1)), ApiException.Kind.UNPROCESSABLE, "building");
    assertField(failure(req(null, ok, 30, 2.0, 0.1)), ApiException.Kind.BAD_REQUEST, "building");
    assertField(
        failure(req("bad id!", ok, 30, 2.0, 0.1)), ApiException.Kind.BAD_REQUEST, "building");
    assertField(
        failure(req("hq", "2026-11-30T05:59:59Z", 30, 2.0, 0.1)),
        ApiException.Kind.UNPROCESSABLE,
        "start");
    assertField(
        failure(req("hq", "tomorrow", 30, 2.0, 0.1)), ApiException.Kind.BAD_REQUEST, "start");
    assertField(failure(req("hq", null, 30, 2.0, 0.1)), ApiException.Kind.BAD_REQUEST, "start");
    assertField(
        failure(req("hq", ok, 0, 2.0, 0.1)), ApiException.Kind.BAD_REQUEST, "duration_minutes");
    assertField(
        failure(req("hq", ok, 1441, 2.0, 0.1)), ApiException.Kind.BAD_REQUEST, "duration_minutes");
    assertField(
        failure(req("hq", ok, null, 2.0, 0.1)), ApiException.Kind.BAD_REQUEST, "duration_minutes");
    assertField(
        failure(req("hq", ok, 30, 0.0, 0.1)), ApiException.Kind.BAD_REQUEST, "requested_kw");
    assertField(
        failure(req("hq", ok, 30, -1.0, 0.1)), ApiException.Kind.BAD_REQUEST, "requested_kw");
    assertField(
        failure(req("hq", ok, 30, null, 0.1)), ApiException.Kind.BAD_REQUEST, "requested_kw");
    assertField(
        failure(req("hq", ok, 30, 2.0, -0.1)),
        ApiException.Kind.BAD_REQUEST,
        "incentive_eur_per_kwh");
  }

  @Test
  void shouldAcceptAStartOfExactlyNow() {
    assertThat(send(req("hq", NOW.toString(), 1, 0.5, 0.0)).start()).isEqualTo(NOW);
  }

  @Test
  void shouldParseAnswersAndStatusFilters() {
    assertThat(InvitationValidation.answer("OPT_IN")).isEqualTo(DrAnswer.OPT_IN);
    assertThat(InvitationValidation.answer("opt_out")).isEqualTo(DrAnswer.OPT_OUT);
    assertField(
        catchThrowableOfType(ApiException.class, () -> InvitationValidation.answer("pending")),
        ApiException.Kind.BAD_REQUEST,
        "answer");
    assertThat(InvitationValidation.status("active")).isEqualTo(DrEventStatus.ACTIVE);
    assertThat(InvitationValidation.status(null)).isNull();
    assertField(
        catchThrowableOfType(ApiException.class, () -> InvitationValidation.status("running")),
        ApiException.Kind.BAD_REQUEST,
        "status");
  }
}
