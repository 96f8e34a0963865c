package io.voltstream.sim.payload;

/**
 * The units a simulated device writes on the wire. Devices in the demo building deliberately differ
 * (Wh vs kWh, W vs kW, °C vs °F) so that ingest normalisation is exercised all the time.
 */
public enum UnitStyle {
  METRIC_KWH("kWh", "W", "C"),
  METRIC_WH("Wh", "W", "C"),
  KILOWATT("kWh", "kW", "C"),
  FAHRENHEIT("Wh", "W", "F");

  private final String energyUnit;
  private final String powerUnit;
  private final String temperatureUnit;

  UnitStyle(String energyUnit, String powerUnit, String temperatureUnit) {
    this.energyUnit = energyUnit;
    this.powerUnit = powerUnit;
    this.temperatureUnit = temperatureUnit;
  }

  /** A style per device index, cycling through all of them. */
  public static UnitStyle forIndex(int index) {
    UnitStyle[] all = values();
    return all[Math.floorMod(index, all.length)];
  }

  public String energyUnit() {
    return energyUnit;
  }

  public String powerUnit() {
    return powerUnit;
  }

  public String temperatureUnit() {
    return temperatureUnit;
  }

  /** Energy [kWh] expressed in this style's unit. */
  public double energy(double energyKwh) {
    return "Wh".equals(energyUnit) ? energyKwh * 1000.0 : energyKwh;
  }

  /** Power [W] expressed in this style's unit. */
  public double power(double powerW) {
    return "kW".equals(powerUnit) ? powerW / 1000.0 : powerW;
  }

  /** Temperature [°C] expressed in this style's unit. */
  public double temperature(double temperatureC) {
    return switch (temperatureUnit) {
      case "F" -> temperatureC * 9.0 / 5.0 + 32.0;
      case "K" -> temperatureC + 273.15;
      default -> temperatureC;
    };
  }
}
