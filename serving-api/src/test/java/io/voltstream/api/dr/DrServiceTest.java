package io.voltstream.api.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.voltstream.api.TestClock;
import io.voltstream.api.dr.dto.InvitationResponse;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.store.InMemoryReplicatedMap;
import io.voltstream.energy.dr.DrSettings;
import io.voltstream.model.Building;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrEventStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's time and overlap rules with an in-memory store and a clock the test moves; InfluxDB
 * answers nothing (or fails), so auto-answer has no current flexibility.
 */
class DrServiceTest {
  static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
  static final Building HQ = new Building("hq", "HQ", null, null, null);

  private final TestClock clock = new TestClock(NOW);
  private DrStore store;
  private DrService dr;
  private RegistryService registry;

  @BeforeEach
  void setUp() {
    store = DrStore.inMemory();
    registry = new RegistryService(new InMemoryReplicatedMap<>());
    registry.createBuilding(HQ);
    dr = new DrService(store, registry, new FlexibilityReader(q -> List.of(), clock), clock);
  }

  private InvitationResponse send(Building b, Instant start, int minutes) {
    return dr.send(new DrService.Send(b, start, minutes, 1.0, 0.2, null), "admin");
  }

  private static ApiException.Kind failure(Runnable r) {
    ApiException e = catchThrowableOfType(ApiException.class, r::run);
    assertThat(e).as("expected an ApiException").isNotNull();
    return e.kind();
  }

  @Test
  void shouldLeaveTheAnswerPendingWhenAutoAnswerIsOff() {
    var r = send(HQ, NOW.plusSeconds(3600), 30);
    assertThat(r.answer()).isEqualTo("pending");
    assertThat(r.status()).isEqualTo("far");
    assertThat(r.answerReason()).isNull();
  }

  @Test
  void shouldRefuseAnswersOnceStartedAndCancelsOnceEnded() {
    Instant start = NOW.plusSeconds(600);
    String id = send(HQ, start, 30).id();
    assertThat(dr.get(dr.require(id)).status()).isEqualTo("near");
    clock.set(start);
    assertThat(failure(() -> dr.answer(dr.require(id), DrAnswer.OPT_IN, "admin")))
        .isEqualTo(ApiException.Kind.CONFLICT);
    // a running event can still be cancelled (the DR job restores the devices)
    clock.set(start.plusSeconds(60));
    assertThat(dr.cancel(dr.require(id), "admin").status()).isEqualTo("cancelled");

    String ended = send(HQ, start.plus(Duration.ofHours(1)), 30).id();
    clock.set(start.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(30)));
    assertThat(failure(() -> dr.cancel(dr.require(ended), "admin")))
        .isEqualTo(ApiException.Kind.CONFLICT);
    assertThat(dr.get(dr.require(ended)).status()).isEqualTo("completed");
  }

  @Test
  void shouldBlockOverlapsOnlyWithLiveInvitationsOfTheSameBuilding() {
    registry.createBuilding(new Building("annex", "Annex", null, null, null));
    Instant start = NOW.plusSeconds(3600);
    String first = send(HQ, start, 60).id();
    // pending blocks; another building does not
    assertThat(failure(() -> send(HQ, start.plusSeconds(1800), 60)))
        .isEqualTo(ApiException.Kind.CONFLICT);
    send(registry.requireBuilding("annex"), start, 60);
    // back to back is not an overlap (half-open intervals)
    send(HQ, start.plus(Duration.ofHours(1)), 30);
    // opted out: the window is free again
    dr.answer(dr.require(first), DrAnswer.OPT_OUT, "admin");
    String second = send(HQ, start, 30).id();
    dr.answer(dr.require(second), DrAnswer.OPT_IN, "admin");
    // opting the first back in now overlaps the committed second
    assertThat(failure(() -> dr.answer(dr.require(first), DrAnswer.OPT_IN, "admin")))
        .isEqualTo(ApiException.Kind.CONFLICT);
    // cancelled: free again
    dr.cancel(dr.require(second), "admin");
    assertThat(dr.answer(dr.require(first), DrAnswer.OPT_IN, "admin").answer()).isEqualTo("opt_in");
  }

  @Test
  void shouldDeclineWithoutCurrentFlexibilityAndWhenInfluxFails() {
    Building auto = registry.updateDemandResponse("hq", new DrSettings(true, 0.0, 1.1));
    var r = send(auto, NOW.plusSeconds(3600), 30);
    assertThat(r.answer()).isEqualTo("opt_out");
    assertThat(r.answeredBy()).isEqualTo(DrInvitation.AUTO_ANSWER);
    assertThat(r.answerReason()).startsWith("no current flexibility; forecast flexibility 0.00 kW");

    DrService failing =
        new DrService(
            store,
            registry,
            new FlexibilityReader(
                q -> {
                  throw new ApiException(ApiException.Kind.UNAVAILABLE, "InfluxDB is unavailable");
                },
                clock),
            clock);
    var f =
        failing.send(
            new DrService.Send(auto, NOW.plus(Duration.ofDays(1)), 30, 1.0, 0.2, null), "admin");
    assertThat(f.answer()).isEqualTo("opt_out");
    assertThat(f.answerReason())
        .isEqualTo("no current flexibility (flexibility unreadable: InfluxDB is unavailable)");
  }

  @Test
  void shouldShowTheJobsStatusOnceItReportedAndCancelledAboveAll() {
    Instant start = NOW.plusSeconds(3600);
    DrInvitation inv =
        new DrInvitation(
            "e1", null, "hq", start, 30, 2, 0.1, DrAnswer.OPT_IN, null, null, null, null, NOW, "a");
    DrExecution done =
        new DrExecution(
            "e1",
            "hq",
            DrEventStatus.COMPLETED,
            start.plusSeconds(1800),
            2,
            5.0,
            "10of10",
            null,
            3.0,
            2.0,
            1.0,
            1.0,
            0.1,
            List.of(),
            null);
    assertThat(InvitationResponse.status(inv, null, NOW)).isEqualTo(DrEventStatus.FAR);
    assertThat(InvitationResponse.status(inv, done, NOW)).isEqualTo(DrEventStatus.COMPLETED);
    assertThat(InvitationResponse.status(inv.cancelledAt(NOW), done, NOW))
        .isEqualTo(DrEventStatus.CANCELLED);
    store.put(inv);
    store.putExecution(done);
    clock.set(start.plusSeconds(60));
    assertThat(dr.activeEvents(b -> true)).isZero(); // the job said completed
    store.putExecution(
        new DrExecution(
            "e1",
            "hq",
            DrEventStatus.ACTIVE,
            start.plusSeconds(60),
            2,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            null));
    assertThat(dr.activeEvents(b -> true)).isEqualTo(1);
    assertThat(dr.activeEvents(b -> b.equals("annex"))).isZero();
  }
}
