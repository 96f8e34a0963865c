package io.voltstream.jobs.roommetrics.logic;

import io.voltstream.model.SensorReading;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Running totals of one room over one window. Immutable and mergeable, so the same accumulator
 * serves Flink's {@code AggregateFunction} (including session/merging windows) and plain unit
 * tests.
 *
 * <p>Each metric keeps its own count: averages are over the readings that carried that metric, and
 * a metric no reading carried stays null in the result instead of becoming a misleading zero.
 *
 * <p>The result does not depend on the order the readings arrive in, so a replay or a restart
 * (which interleave partitions differently) writes the same point: sums are exact ({@link
 * BigDecimal} of each double, rounded once in {@link #result}) — a double sum's last bits depend on
 * the order of additions — and {@code building} is that of the reading with the latest event time
 * ({@code buildingAt}; on a tie the greater building id), not of the last one to arrive.
 */
public record RoomAccumulator(
    String building,
    Instant buildingAt,
    long sampleCount,
    BigDecimal energySumKwh,
    long energyCount,
    BigDecimal powerSumW,
    double powerMaxW,
    long powerCount,
    BigDecimal co2SumPpm,
    long co2Count,
    BigDecimal temperatureSumC,
    long temperatureCount,
    BigDecimal humiditySumPercent,
    long humidityCount,
    BigDecimal generationSumKwh,
    long generationCount) {

  /** The accumulator of an empty window. */
  public static RoomAccumulator empty() {
    BigDecimal zero = BigDecimal.ZERO;
    return new RoomAccumulator(
        null,
        null,
        0,
        zero,
        0,
        zero,
        Double.NEGATIVE_INFINITY,
        0,
        zero,
        0,
        zero,
        0,
        zero,
        0,
        zero,
        0);
  }

  /** This accumulator with one more reading of {@code building}. */
  public RoomAccumulator add(SensorReading r, String readingBuilding) {
    return merge(
        new RoomAccumulator(
            readingBuilding,
            readingBuilding != null ? r.timestamp() : null,
            1,
            exact(r.energyKwh()),
            present(r.energyKwh()),
            exact(r.powerW()),
            carried(r.powerW()) ? r.powerW() : Double.NEGATIVE_INFINITY,
            present(r.powerW()),
            exact(r.co2Ppm()),
            present(r.co2Ppm()),
            exact(r.temperatureC()),
            present(r.temperatureC()),
            exact(r.humidityPercent()),
            present(r.humidityPercent()),
            exact(r.generationKwh()),
            present(r.generationKwh())));
  }

  /** Both windows' totals together; the building of the later reading wins. */
  public RoomAccumulator merge(RoomAccumulator other) {
    boolean otherBuilding = laterBuilding(other);
    return new RoomAccumulator(
        otherBuilding ? other.building : building,
        otherBuilding ? other.buildingAt : buildingAt,
        sampleCount + other.sampleCount,
        energySumKwh.add(other.energySumKwh),
        energyCount + other.energyCount,
        powerSumW.add(other.powerSumW),
        Math.max(powerMaxW, other.powerMaxW),
        powerCount + other.powerCount,
        co2SumPpm.add(other.co2SumPpm),
        co2Count + other.co2Count,
        temperatureSumC.add(other.temperatureSumC),
        temperatureCount + other.temperatureCount,
        humiditySumPercent.add(other.humiditySumPercent),
        humidityCount + other.humidityCount,
        generationSumKwh.add(other.generationSumKwh),
        generationCount + other.generationCount);
  }

  /** Whether {@code other}'s building is that of a later reading (ties: the greater id). */
  private boolean laterBuilding(RoomAccumulator other) {
    if (other.buildingAt == null) {
      return false;
    }
    if (buildingAt == null) {
      return true;
    }
    int c = other.buildingAt.compareTo(buildingAt);
    return c > 0 || c == 0 && other.building.compareTo(building) > 0;
  }

  /** The aggregate values; a metric no reading carried is null. */
  public RoomAggregate result() {
    return new RoomAggregate(
        building,
        energyCount > 0 ? energySumKwh.doubleValue() : null,
        powerCount > 0 ? powerSumW.doubleValue() / powerCount : null,
        powerCount > 0 ? powerMaxW : null,
        co2Count > 0 ? co2SumPpm.doubleValue() / co2Count : null,
        temperatureCount > 0 ? temperatureSumC.doubleValue() / temperatureCount : null,
        humidityCount > 0 ? humiditySumPercent.doubleValue() / humidityCount : null,
        generationCount > 0 ? generationSumKwh.doubleValue() : null,
        sampleCount);
  }

  /**
   * Whether a reading carried the metric. Ingest rejects NaN and infinities; one that reached Kafka
   * another way counts as absent rather than failing the job.
   */
  private static boolean carried(Double v) {
    return v != null && Double.isFinite(v);
  }

  private static BigDecimal exact(Double v) {
    return carried(v) ? new BigDecimal(v) : BigDecimal.ZERO;
  }

  private static long present(Double v) {
    return carried(v) ? 1 : 0;
  }
}
