package io.voltstream.jobs.dr;

import io.voltstream.model.dr.DrEventStatus;
import io.voltstream.model.dr.DrExecution;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link DrExecution} as it crosses the Flink network: the controlled targets as one
 * comma-separated string (a {@code List} field is not a Flink POJO type with generic types off).
 */
public record DrReport(
    String eventId,
    String building,
    DrEventStatus status,
    Instant at,
    double requestedKw,
    Double baselineKw,
    String baselineMethod,
    String baselineNote,
    Double meteredKw,
    Double deliveredKw,
    Double performanceRatio,
    Double deliveredKwh,
    Double benefitEur,
    String controlled,
    String note) {

  public static DrReport of(DrExecution e) {
    return new DrReport(
        e.eventId(),
        e.building(),
        e.status(),
        e.at(),
        e.requestedKw(),
        e.baselineKw(),
        e.baselineMethod(),
        e.baselineNote(),
        e.meteredKw(),
        e.deliveredKw(),
        e.performanceRatio(),
        e.deliveredKwh(),
        e.benefitEur(),
        String.join(",", e.controlled()),
        e.note());
  }

  public DrExecution toExecution() {
    List<String> targets =
        controlled == null || controlled.isEmpty()
            ? List.of()
            : Arrays.asList(controlled.split(","));
    return new DrExecution(
        eventId,
        building,
        status,
        at,
        requestedKw,
        baselineKw,
        baselineMethod,
        baselineNote,
        meteredKw,
        deliveredKw,
        performanceRatio,
        deliveredKwh,
        benefitEur,
        targets,
        note);
  }
}
