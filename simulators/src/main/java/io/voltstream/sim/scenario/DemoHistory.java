package io.voltstream.sim.scenario;

import io.voltstream.model.SensorReading;
import io.voltstream.sim.building.BuildingSimulation;
import io.voltstream.sim.building.SimSensor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The demo community's meter readings over a past span, made by the same {@link BuildingSimulation}
 * as the live simulator (same seed: the same weather and load shapes), for the demo's first-start
 * history. Every meter of every building reads once per {@code step}, each reading carrying the
 * energy of its step (as the live meters do), in time order. Energy, power, voltage and PV
 * generation only: the indoor climate is left out so the rule and alert jobs do not act on
 * weeks-old CO2 and temperatures. Pure in (community, seed, span).
 */
public final class DemoHistory {
  private DemoHistory() {}

  /**
   * Calls {@code batches} with the readings of each day (the last one possibly shorter), oldest
   * first.
   *
   * @param ingestedAt the {@code ingested_at} every reading gets (when the platform took it in)
   * @return the number of readings generated
   */
  public static long generate(
      List<CommunityMember> community,
      long seed,
      Instant from,
      Instant until,
      Duration step,
      Instant ingestedAt,
      Consumer<List<SensorReading>> batches) {
    if (step.isNegative() || step.isZero() || !from.isBefore(until)) {
      throw new IllegalArgumentException("need a positive step and from < until");
    }
    List<BuildingSimulation> buildings =
        community.stream().map(m -> new BuildingSimulation(m.layout(), seed, from, step)).toList();
    long perBatch = Math.max(1, Duration.ofDays(1).toNanos() / step.toNanos());
    List<SensorReading> batch = new ArrayList<>();
    long total = 0;
    long steps = 0;
    for (Instant t = from.plus(step); !t.isAfter(until); t = t.plus(step)) {
      for (BuildingSimulation building : buildings) {
        for (SimSensor sensor : building.layout().sensors()) {
          batch.add(withoutClimate(building.next(sensor, t), ingestedAt));
        }
      }
      if (++steps % perBatch == 0) {
        total += batch.size();
        batches.accept(List.copyOf(batch));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      total += batch.size();
      batches.accept(List.copyOf(batch));
    }
    return total;
  }

  private static SensorReading withoutClimate(SensorReading r, Instant ingestedAt) {
    return new SensorReading(
        r.sensorId(),
        r.timestamp(),
        r.room(),
        r.sensorType(),
        r.energyKwh(),
        r.powerW(),
        null,
        null,
        null,
        r.voltageV(),
        r.generationKwh(),
        ingestedAt);
  }
}
