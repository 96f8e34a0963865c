package io.voltstream.jobs.settlement.logic;

import io.voltstream.energy.finance.SlotFinance;
import java.time.Instant;

/**
 * One row of InfluxDB {@code building_finance}: a building's or a room's money and CO2 in one slot.
 *
 * @param building the building
 * @param room the room, null on the building row
 * @param slot slot start
 * @param figures the figures
 */
public record FinanceRow(String building, String room, Instant slot, SlotFinance figures) {
  public static final String BUILDING_SCOPE = "building";
  public static final String ROOM_SCOPE = "room";

  public String scope() {
    return room == null ? BUILDING_SCOPE : ROOM_SCOPE;
  }
}
