package io.voltstream.sim.replay;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One 10-minute row of the UCI appliances file: its local start time, the energy of appliances and
 * lights in the interval [Wh], and temperature [°C] / relative humidity [%] of areas 1..9.
 */
public record UciRow(
    LocalDateTime start,
    double appliancesWh,
    double lightsWh,
    List<Double> temperaturesC,
    List<Double> humiditiesPercent) {

  public static final int AREAS = 9;

  public UciRow {
    temperaturesC = List.copyOf(temperaturesC);
    humiditiesPercent = List.copyOf(humiditiesPercent);
    if (temperaturesC.size() != AREAS || humiditiesPercent.size() != AREAS) {
      throw new IllegalArgumentException(
          "a UCI row has " + AREAS + " temperature and humidity areas");
    }
  }

  /** Whole-house electrical energy of the interval [Wh]: appliances plus lights. */
  public double houseEnergyWh() {
    return appliancesWh + lightsWh;
  }

  /** Temperature of area 1..9 [°C]. */
  public double temperatureC(int area) {
    return temperaturesC.get(area - 1);
  }

  /** Relative humidity of area 1..9 [%]. */
  public double humidityPercent(int area) {
    return humiditiesPercent.get(area - 1);
  }
}
