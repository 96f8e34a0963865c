package io.voltstream.model.dr;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The DR job's report on one event (OpenADR report), the record of Kafka {@code dr-status}
 * (compacted, key = event id): emitted when the event starts, at every evaluation while it runs,
 * and when it ends or is cancelled. Also written to InfluxDB {@code dr_events} / {@code
 * dr_performance}.
 *
 * @param eventId the invitation's id
 * @param building its building
 * @param status active, completed or cancelled (far/near come from the invitation's timing)
 * @param at event time of this report
 * @param requestedKw committed reduction [kW]
 * @param baselineKw baseline load for the window so far [kW], null until known
 * @param baselineMethod {@code 10of10}, {@code high4of5}, or the fallback used
 * @param baselineNote why a fallback was used or how the same-day adjustment applied, optional
 * @param meteredKw mean grid import in the window so far [kW]
 * @param deliveredKw baseline − metered [kW]
 * @param performanceRatio delivered / requested
 * @param deliveredKwh energy delivered so far [kWh]
 * @param benefitEur incentive earned so far [€]
 * @param controlled targets (battery and device ids) the job is holding, in dispatch order
 * @param note what happened last (e.g. a re-dispatch after a rejection)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DrExecution(
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
    List<String> controlled,
    String note) {

  public DrExecution {
    controlled = controlled == null ? List.of() : List.copyOf(controlled);
  }
}
