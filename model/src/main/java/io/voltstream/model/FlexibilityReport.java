package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Flexibility of one device, room or building at an instant (flexibility job; Kafka {@code
 * flexibility}, key = building; InfluxDB {@code flexibility}). Consumption perspective, in kW, all
 * ≥ 0: {@code down} = how far the grid import can be reduced (curtail or defer loads, discharge
 * batteries — what demand response asks for), {@code up} = how far it can be raised (switch
 * deferred loads on, charge batteries). {@code now} = available immediately; {@code hour} = the
 * mean that can be held over the next hour (comfort limits and battery energy cap it).
 *
 * @param scope device, room or building
 * @param id device id, room name or building id
 * @param building the building
 * @param room the room (device and room scope)
 * @param at event time
 * @param upNowKw upward now [kW]
 * @param downNowKw downward now [kW]
 * @param upHourKw upward, held over the next hour [kW]
 * @param downHourKw downward, held over the next hour [kW]
 * @param powerW device: its metered power; room/building: power of their DR-enabled devices [W]
 * @param state device only: {@code on}, {@code off} or {@code unknown} (no fresh reading)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlexibilityReport(
    Scope scope,
    String id,
    String building,
    String room,
    Instant at,
    double upNowKw,
    double downNowKw,
    double upHourKw,
    double downHourKw,
    Double powerW,
    String state) {

  public enum Scope {
    DEVICE,
    ROOM,
    BUILDING
  }
}
