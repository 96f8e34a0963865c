package io.voltstream.jobs.dr.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.model.SystemEvent;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrInvitation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrEventsTest {
  private static final Instant CREATED = Instant.parse("2026-11-30T08:00:00Z");
  private static final DrInvitation SENT =
      new DrInvitation(
          "ev-1",
          null,
          "demo",
          Instant.parse("2026-11-30T09:00:00Z"),
          30,
          2.0,
          0.4,
          null,
          null,
          null,
          null,
          null,
          CREATED,
          "admin");

  @Test
  void aPendingInvitationIsReceivedOnly() {
    List<SystemEvent> events = DrEvents.lifecycle(SENT, false);
    assertThat(events).extracting(SystemEvent::kind).containsExactly("dr_invitation");
    assertThat(events.get(0).eventId()).isEqualTo("dr_invitation:ev-1");
    assertThat(events.get(0).timestamp()).isEqualTo(CREATED);
    assertThat(events.get(0).building()).isEqualTo("demo");
  }

  @Test
  void anAutoAnsweredInvitationIsReceivedAndAnsweredAtItsAnswerTime() {
    Instant answeredAt = CREATED.plusMillis(40);
    DrInvitation answered =
        SENT.answered(DrAnswer.OPT_IN, "covers 2.2 kW", DrInvitation.AUTO_ANSWER, answeredAt);
    List<SystemEvent> events = DrEvents.lifecycle(answered, false);
    assertThat(events)
        .extracting(SystemEvent::kind)
        .containsExactly("dr_invitation", "dr_answered");
    SystemEvent answer = events.get(1);
    assertThat(answer.eventId()).isEqualTo("dr_answered:ev-1:opt_in");
    assertThat(answer.timestamp()).isEqualTo(answeredAt);
    assertThat(answer.message()).contains("opt_in", "auto-answer", "covers 2.2 kW");
    // the same version seen again gives the same ids and times: a replay rewrites, not duplicates
    assertThat(DrEvents.lifecycle(answered, false)).isEqualTo(events);
  }

  @Test
  void aCancellationBeforeTheStartIsAnEventButARunningOnesIsLeftToTheFinalReport() {
    Instant cancelledAt = CREATED.plusSeconds(60);
    DrInvitation cancelled = SENT.cancelledAt(cancelledAt);
    assertThat(DrEvents.lifecycle(cancelled, false))
        .extracting(SystemEvent::kind)
        .containsExactly("dr_invitation", "dr_cancelled");
    assertThat(DrEvents.lifecycle(cancelled, true))
        .extracting(SystemEvent::kind)
        .containsExactly("dr_invitation");
  }
}
