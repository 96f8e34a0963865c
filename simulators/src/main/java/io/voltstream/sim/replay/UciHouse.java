package io.voltstream.sim.replay;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The UCI house as Voltstream devices: one climate sensor per area (T/RH 1..9) in its own room, and
 * a {@code house-meter} energy sensor carrying appliances + lights. Rooms are prefixed {@code uci-}
 * and belong to building {@code uci-house} so that a replay never mixes with the demo building's
 * rooms.
 *
 * <p>Timing: climate values are instantaneous at the row's start; the house meter's energy is the
 * energy of the 10 minutes that end at its timestamp (the contract's "energy since the previous
 * reading"), so it is stamped at the row's start + 10 minutes.
 */
public final class UciHouse {
  public static final String BUILDING_ID = "uci-house";
  public static final String HOUSE_METER_ID = "house-meter";
  public static final String HOUSE_ROOM = "uci-house";
  public static final Duration ROW_INTERVAL = Duration.ofMinutes(10);

  /** Room of area 1..9, in the order of the file's README. */
  public static final List<String> AREA_ROOMS =
      List.of(
          "uci-kitchen",
          "uci-living-room",
          "uci-laundry",
          "uci-office",
          "uci-bathroom",
          "uci-outside",
          "uci-ironing-room",
          "uci-teenager-room",
          "uci-parents-room");

  private UciHouse() {}

  /** The room of area 1..9. */
  public static String roomOfArea(int area) {
    return AREA_ROOMS.get(area - 1);
  }

  /** Sensor id of the climate sensor of area 1..9, e.g. {@code uci-kitchen-climate}. */
  public static String climateSensorOfArea(int area) {
    return roomOfArea(area) + "-climate";
  }

  /** The climate readings of a row, stamped at {@code rowStart}. */
  public static List<SensorReading> climateReadings(UciRow row, Instant rowStart) {
    List<SensorReading> out = new ArrayList<>(UciRow.AREAS);
    for (int area = 1; area <= UciRow.AREAS; area++) {
      out.add(
          new SensorReading(
              climateSensorOfArea(area),
              rowStart,
              roomOfArea(area),
              SensorType.MULTI,
              null,
              null,
              null,
              row.temperatureC(area),
              row.humidityPercent(area),
              null,
              null,
              null));
    }
    return out;
  }

  /**
   * The house meter's reading for a row: its energy [kWh] and mean power [W], stamped at the row's
   * end.
   */
  public static SensorReading houseMeterReading(UciRow row, Instant rowStart) {
    double energyKwh = row.houseEnergyWh() / 1000.0;
    double meanPowerW = row.houseEnergyWh() * 3600.0 / ROW_INTERVAL.toSeconds();
    return new SensorReading(
        HOUSE_METER_ID,
        rowStart.plus(ROW_INTERVAL),
        HOUSE_ROOM,
        SensorType.ENERGY,
        energyKwh,
        meanPowerW,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
