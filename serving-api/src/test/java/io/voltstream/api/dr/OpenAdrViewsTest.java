package io.voltstream.api.dr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.Json;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrEventStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAdrViewsTest {
  static final Instant START = Instant.parse("2026-11-30T12:00:00Z");
  static final DrInvitation INV =
      new DrInvitation(
          "ev-1",
          null,
          "hq",
          START,
          30,
          2.5,
          0.25,
          DrAnswer.OPT_IN,
          "ok",
          "auto-answer",
          START.minusSeconds(600),
          null,
          START.minusSeconds(900),
          "admin");
  static final DrExecution REPORT =
      new DrExecution(
          "ev-1",
          "hq",
          DrEventStatus.ACTIVE,
          START.plusSeconds(600),
          2.5,
          6.0,
          "10of10",
          null,
          3.5,
          2.5,
          1.0,
          0.4167,
          0.104,
          List.of("b1"),
          null);

  static JsonNode json(Object o) {
    return Json.MAPPER.valueToTree(o);
  }

  @Test
  void shouldMapAnInvitationToAnOpenAdrEventOfOneInterval() {
    JsonNode e = json(OpenAdrViews.event(INV));
    assertThat(e.get("id").asText()).isEqualTo("ev-1");
    assertThat(e.get("objectType").asText()).isEqualTo("EVENT");
    assertThat(e.get("programID").asText()).isEqualTo(DrInvitation.DEFAULT_PROGRAM);
    assertThat(e.get("eventName").asText())
        .isEqualTo("hq: reduce 2.50 kW from 2026-11-30T12:00:00Z");
    assertThat(e.get("createdDateTime").asText()).isEqualTo("2026-11-30T11:45:00Z");
    assertThat(e.get("modificationDateTime").asText()).isEqualTo("2026-11-30T11:50:00Z");
    assertThat(e.get("targets").get(0).get("type").asText()).isEqualTo("RESOURCE_NAME");
    assertThat(e.get("targets").get(0).get("values").get(0).asText()).isEqualTo("hq");
    JsonNode interval = e.get("intervals").get(0);
    assertThat(interval.get("id").asInt()).isZero();
    assertThat(interval.get("intervalPeriod").get("start").asText())
        .isEqualTo("2026-11-30T12:00:00Z");
    assertThat(interval.get("intervalPeriod").get("duration").asText()).isEqualTo("PT30M");
    JsonNode payloads = interval.get("payloads");
    assertThat(payloads.get(0).get("type").asText()).isEqualTo("DISPATCH_SETPOINT_RELATIVE");
    assertThat(payloads.get(0).get("values").get(0).asDouble()).isEqualTo(-2.5);
    assertThat(payloads.get(1).get("type").asText()).isEqualTo("PRICE");
    assertThat(payloads.get(1).get("values").get(0).asDouble()).isEqualTo(0.25);
    assertThat(e.get("payloadDescriptors").get(0).get("units").asText()).isEqualTo("KW");
    assertThat(e.has("program_id")).as("camelCase, not the API's snake_case").isFalse();
  }

  @Test
  void shouldLeaveCancelledInvitationsOutOfTheEvents() {
    var cancelled = INV.cancelledAt(START.minusSeconds(60));
    assertThat(
            OpenAdrViews.events(
                List.of(new DrService.Entry(INV, null), new DrService.Entry(cancelled, null))))
        .hasSize(1);
  }

  @Test
  void shouldMapTheJobsReportToAnOpenAdrReport() {
    JsonNode r = json(OpenAdrViews.report(INV, REPORT));
    assertThat(r.get("objectType").asText()).isEqualTo("REPORT");
    assertThat(r.get("eventID").asText()).isEqualTo("ev-1");
    assertThat(r.get("programID").asText()).isEqualTo(DrInvitation.DEFAULT_PROGRAM);
    assertThat(r.get("clientName").asText()).isEqualTo("hq");
    assertThat(r.get("reportName").asText()).isEqualTo("voltstream-dr-active");
    JsonNode resource = r.get("resources").get(0);
    assertThat(resource.get("resourceName").asText()).isEqualTo("hq");
    JsonNode interval = resource.get("intervals").get(0);
    assertThat(interval.get("intervalPeriod").get("duration").asText()).isEqualTo("PT10M");
    JsonNode payloads = interval.get("payloads");
    assertThat(payloads).hasSize(3);
    assertThat(payloads.get(0).get("type").asText()).isEqualTo("BASELINE");
    assertThat(payloads.get(0).get("values").get(0).asDouble()).isEqualTo(6.0);
    assertThat(payloads.get(1).get("type").asText()).isEqualTo("DEMAND");
    assertThat(payloads.get(1).get("values").get(0).asDouble()).isEqualTo(3.5);
    assertThat(payloads.get(2).get("type").asText()).isEqualTo("DELTA_USAGE");
    assertThat(payloads.get(2).get("values").get(0).asDouble()).isEqualTo(-0.4167);
  }

  @Test
  void shouldListTheDefaultProgramAndEveryNamedOneWithTheirBuildings() {
    var other =
        new DrInvitation(
            "ev-2",
            "winter-peak",
            "annex",
            START,
            60,
            1,
            0,
            null,
            null,
            null,
            null,
            null,
            START.minusSeconds(100),
            "admin");
    JsonNode programs =
        json(
            OpenAdrViews.programs(
                List.of(new DrService.Entry(INV, REPORT), new DrService.Entry(other, null))));
    assertThat(programs).hasSize(2);
    assertThat(programs.findValuesAsText("programName"))
        .containsExactly("voltstream-dr", "winter-peak");
    assertThat(programs.get(0).get("targets").get(0).get("values").get(0).asText()).isEqualTo("hq");
    assertThat(programs.get(1).get("targets").get(0).get("values").get(0).asText())
        .isEqualTo("annex");
    assertThat(json(OpenAdrViews.programs(List.of())).get(0).get("targets").get(0).get("values"))
        .isEmpty();
  }
}
