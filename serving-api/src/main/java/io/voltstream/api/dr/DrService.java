package io.voltstream.api.dr;

import io.voltstream.api.dr.dto.InvitationResponse;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.energy.dr.AutoAnswerPolicy;
import io.voltstream.energy.dr.AutoAnswerPolicy.CurrentFlexibility;
import io.voltstream.energy.dr.AutoAnswerPolicy.Decision;
import io.voltstream.energy.dr.DrSettings;
import io.voltstream.energy.dr.FlexibilityForecast;
import io.voltstream.model.Building;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrEventStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Demand-response invitations: send (with the building's auto-answer policy applied at once when it
 * is on), answer, cancel, read — over {@link DrStore} (Kafka {@code dr-invitations} is the log of
 * record, {@code dr-status} the DR job's reports) — and the building's auto-answer settings in the
 * registry. Takes values the controller has checked; throws {@link ApiException} for conflicts
 * (overlaps, answering a started event, cancelling an ended one). Checks and writes are serialised
 * per instance; two instances sending overlapping invitations at the same instant can both succeed
 * (the log keeps both, the DR job executes each).
 */
public final class DrService {
  private final DrStore store;
  private final RegistryService registry;
  private final FlexibilityReader flexibility;
  private final Clock clock;

  public DrService(
      DrStore store, RegistryService registry, FlexibilityReader flexibility, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.flexibility = flexibility;
    this.clock = clock;
  }

  /**
   * A checked invitation request.
   *
   * @param programId null = the default program
   */
  public record Send(
      Building building,
      Instant start,
      int durationMinutes,
      double requestedKw,
      double incentiveEurPerKwh,
      String programId) {}

  /** An invitation with the DR job's latest report on it (null before the job ran it). */
  public record Entry(DrInvitation invitation, DrExecution execution) {}

  public synchronized InvitationResponse send(Send s, String by) {
    Instant now = now();
    Instant end = s.start().plusSeconds(60L * s.durationMinutes());
    for (DrInvitation other : store.invitations()) {
      if (other.building().equals(s.building().id())
          && !other.cancelled()
          && other.answer() != DrAnswer.OPT_OUT
          && other.overlaps(s.start(), end)) {
        throw overlap("start", other);
      }
    }
    DrInvitation inv =
        new DrInvitation(
            UUID.randomUUID().toString(),
            s.programId(),
            s.building().id(),
            s.start(),
            s.durationMinutes(),
            s.requestedKw(),
            s.incentiveEurPerKwh(),
            DrAnswer.PENDING,
            null,
            null,
            null,
            null,
            now,
            by);
    DrSettings settings = s.building().demandResponseOrDefault();
    if (settings.autoAnswer()) {
      Decision d = autoAnswer(inv, settings);
      inv =
          inv.answered(
              d.optIn() ? DrAnswer.OPT_IN : DrAnswer.OPT_OUT,
              d.reason(),
              DrInvitation.AUTO_ANSWER,
              now);
    }
    store.put(inv);
    return InvitationResponse.from(inv, null, now);
  }

  /** The policy's decision for {@code inv}, from InfluxDB's current figures. */
  Decision autoAnswer(DrInvitation inv, DrSettings settings) {
    var request =
        new AutoAnswerPolicy.Request(
            inv.requestedKw(), inv.start(), inv.duration(), inv.incentiveEurPerKwh());
    Optional<CurrentFlexibility> current;
    FlexibilityForecast forecast;
    try {
      current = Optional.ofNullable(flexibility.current().get(inv.building()));
      forecast =
          flexibility.forecast(
              inv.building(),
              registry.batteries().stream()
                  .filter(b -> b.building().equals(inv.building()))
                  .toList(),
              registry.devices().stream()
                  .filter(d -> d.building().equals(inv.building()) && d.drEnabled())
                  .toList(),
              inv.start(),
              inv.duration());
    } catch (ApiException e) {
      // InfluxDB down: nothing is known about the building's flexibility, so decline honestly
      // rather than lose the invitation.
      return new Decision(
          false,
          AutoAnswerPolicy.NO_CURRENT_FLEXIBILITY
              + " (flexibility unreadable: "
              + e.getMessage()
              + ")");
    }
    return AutoAnswerPolicy.decide(settings, request, current, forecast);
  }

  public synchronized InvitationResponse answer(DrInvitation inv, DrAnswer answer, String by) {
    Instant now = now();
    DrInvitation current = require(inv.id());
    requireNotStarted(current, now, "answered");
    if (answer == DrAnswer.OPT_IN) {
      for (DrInvitation other : store.invitations()) {
        if (!other.id().equals(current.id())
            && other.building().equals(current.building())
            && other.committed()
            && other.overlaps(current.start(), current.end())) {
          throw overlap("answer", other);
        }
      }
    }
    DrInvitation answered = current.answered(answer, "answered by " + by, by, now);
    store.put(answered);
    return view(answered, now);
  }

  public synchronized InvitationResponse cancel(DrInvitation inv, String by) {
    Instant now = now();
    DrInvitation current = require(inv.id());
    if (current.cancelled()) {
      throw ApiException.conflict("invitation " + current.id() + " is already cancelled");
    }
    if (!now.isBefore(current.end())) {
      throw ApiException.conflict(
          "invitation " + current.id() + " ended at " + current.end() + "; it cannot be cancelled");
    }
    DrInvitation cancelled = current.cancelledAt(now);
    store.put(cancelled);
    return view(cancelled, now);
  }

  public DrInvitation require(String id) {
    return store
        .invitation(id)
        .orElseThrow(() -> ApiException.notFound("no demand-response invitation '" + id + "'"));
  }

  public InvitationResponse get(DrInvitation inv) {
    return view(inv, now());
  }

  /**
   * Invitations of the buildings {@code covered} accepts, filtered: {@code answered} (null = both),
   * {@code building} (null = all), {@code status} (null = all).
   */
  public List<InvitationResponse> list(
      Predicate<String> covered, Boolean answered, String building, DrEventStatus status) {
    Instant now = now();
    return entries(covered).stream()
        .map(e -> InvitationResponse.from(e.invitation(), e.execution(), now))
        .filter(r -> building == null || building.equals(r.building()))
        .filter(
            r ->
                answered == null
                    || answered == !r.answer().equals(InvitationResponse.lower(DrAnswer.PENDING)))
        .filter(r -> status == null || r.status().equals(InvitationResponse.lower(status)))
        .toList();
  }

  /** Invitations of covered buildings with the job's reports, by start. */
  public List<Entry> entries(Predicate<String> covered) {
    return store.invitations().stream()
        .filter(i -> covered.test(i.building()))
        .map(i -> new Entry(i, store.execution(i.id()).orElse(null)))
        .toList();
  }

  /** Opted-in events running now in covered buildings. */
  public int activeEvents(Predicate<String> covered) {
    Instant now = now();
    return (int)
        entries(covered).stream()
            .filter(e -> e.invitation().committed())
            .filter(
                e ->
                    InvitationResponse.status(e.invitation(), e.execution(), now)
                        == DrEventStatus.ACTIVE)
            .count();
  }

  /**
   * Sum of the latest fresh building {@code down_now_kw} over covered buildings [kW]; null when
   * none reported.
   */
  public Double flexibilityAvailableKw(Predicate<String> covered) {
    Map<String, CurrentFlexibility> current = flexibility.current();
    return current.entrySet().stream()
        .filter(e -> covered.test(e.getKey()))
        .map(e -> e.getValue().downNowKw())
        .reduce(Double::sum)
        .orElse(null);
  }

  public DrSettings autoAnswerSettings(Building b) {
    return b.demandResponseOrDefault();
  }

  public DrSettings setAutoAnswer(Building b, DrSettings settings) {
    return registry.updateDemandResponse(b.id(), settings).demandResponseOrDefault();
  }

  private InvitationResponse view(DrInvitation inv, Instant now) {
    return InvitationResponse.from(inv, store.execution(inv.id()).orElse(null), now);
  }

  private static void requireNotStarted(DrInvitation inv, Instant now, String what) {
    if (inv.cancelled()) {
      throw ApiException.conflict("invitation " + inv.id() + " is cancelled; it cannot be " + what);
    }
    if (!now.isBefore(inv.start())) {
      throw ApiException.conflict(
          "invitation " + inv.id() + " started at " + inv.start() + "; it cannot be " + what);
    }
  }

  private static ApiException overlap(String field, DrInvitation other) {
    String why =
        "overlaps invitation "
            + other.id()
            + " of building "
            + other.building()
            + " ["
            + other.start()
            + ", "
            + other.end()
            + ") ("
            + InvitationResponse.lower(other.answer())
            + ")";
    return new ApiException(
        ApiException.Kind.CONFLICT, field + ": " + why, List.of(new FieldError(field, why)));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
