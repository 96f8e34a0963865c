package io.voltstream.jobs.roommetrics.logic;

import io.voltstream.model.SensorReading;

/**
 * Running totals of one room over one window. Immutable and mergeable, so the same accumulator
 * serves Flink's {@code AggregateFunction} (including session/merging windows) and plain unit
 * tests.
 *
 * <p>Each metric keeps its own count: averages are over the readings that carried that metric, and
 * a metric no reading carried stays null in the result instead of becoming a misleading zero.
 * {@code building} is the building of the latest reading added (a registry change inside a window
 * moves the room as soon as it is seen).
 */
public record RoomAccumulator(
    String building,
    long sampleCount,
    double energySumKwh,
    long energyCount,
    double powerSumW,
    double powerMaxW,
    long powerCount,
    double co2SumPpm,
    long co2Count,
    double temperatureSumC,
    long temperatureCount,
    double humiditySumPercent,
    long humidityCount,
    double generationSumKwh,
    long generationCount) {

  /** The accumulator of an empty window. */
  public static RoomAccumulator empty() {
    return new RoomAccumulator(
        null, 0, 0, 0, 0, Double.NEGATIVE_INFINITY, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** This accumulator with one more reading of {@code building}. */
  public RoomAccumulator add(SensorReading r, String readingBuilding) {
    return new RoomAccumulator(
        readingBuilding != null ? readingBuilding : building,
        sampleCount + 1,
        energySumKwh + orZero(r.energyKwh()),
        energyCount + present(r.energyKwh()),
        powerSumW + orZero(r.powerW()),
        r.powerW() != null ? Math.max(powerMaxW, r.powerW()) : powerMaxW,
        powerCount + present(r.powerW()),
        co2SumPpm + orZero(r.co2Ppm()),
        co2Count + present(r.co2Ppm()),
        temperatureSumC + orZero(r.temperatureC()),
        temperatureCount + present(r.temperatureC()),
        humiditySumPercent + orZero(r.humidityPercent()),
        humidityCount + present(r.humidityPercent()),
        generationSumKwh + orZero(r.generationKwh()),
        generationCount + present(r.generationKwh()));
  }

  /** Both windows' totals together; the building of {@code other} wins when it has one. */
  public RoomAccumulator merge(RoomAccumulator other) {
    return new RoomAccumulator(
        other.building != null ? other.building : building,
        sampleCount + other.sampleCount,
        energySumKwh + other.energySumKwh,
        energyCount + other.energyCount,
        powerSumW + other.powerSumW,
        Math.max(powerMaxW, other.powerMaxW),
        powerCount + other.powerCount,
        co2SumPpm + other.co2SumPpm,
        co2Count + other.co2Count,
        temperatureSumC + other.temperatureSumC,
        temperatureCount + other.temperatureCount,
        humiditySumPercent + other.humiditySumPercent,
        humidityCount + other.humidityCount,
        generationSumKwh + other.generationSumKwh,
        generationCount + other.generationCount);
  }

  /** The aggregate values; a metric no reading carried is null. */
  public RoomAggregate result() {
    return new RoomAggregate(
        building,
        energyCount > 0 ? energySumKwh : null,
        powerCount > 0 ? powerSumW / powerCount : null,
        powerCount > 0 ? powerMaxW : null,
        co2Count > 0 ? co2SumPpm / co2Count : null,
        temperatureCount > 0 ? temperatureSumC / temperatureCount : null,
        humidityCount > 0 ? humiditySumPercent / humidityCount : null,
        generationCount > 0 ? generationSumKwh : null,
        sampleCount);
  }

  private static double orZero(Double v) {
    return v == null ? 0.0 : v;
  }

  private static long present(Double v) {
    return v == null ? 0 : 1;
  }
}
