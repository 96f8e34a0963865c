package io.voltstream.sim.building;

import static io.voltstream.sim.SimTestData.SEED;
import static io.voltstream.sim.SimTestData.SOLSTICE;
import static io.voltstream.sim.SimTestData.SUMMER_WEDNESDAY;
import static io.voltstream.sim.SimTestData.WINTER_WEDNESDAY;
import static io.voltstream.sim.SimTestData.brussels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildingSimulationTest {
  private static final Duration STEP = Duration.ofMinutes(1);

  private static BuildingSimulation simulation(long seed, Instant start) {
    return new BuildingSimulation(DemoBuilding.layout(6, 1), seed, start, STEP);
  }

  /** Every device's readings every {@code step} for {@code duration} from {@code start}. */
  private static List<SensorReading> run(
      BuildingSimulation sim, Instant start, Duration duration, Duration step) {
    List<SensorReading> out = new ArrayList<>();
    for (Instant t = start; t.isBefore(start.plus(duration)); t = t.plus(step)) {
      for (SimSensor s : sim.layout().sensors()) {
        out.add(sim.next(s, t));
      }
    }
    return out;
  }

  private static SimSensor sensor(BuildingSimulation sim, String id) {
    return sim.layout().sensors().stream()
        .filter(s -> s.sensorId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldMeterEnergyAsPowerTimesTheIntervalSinceThePreviousReading() {
    Instant start = brussels(SUMMER_WEDNESDAY, 18, 0);
    BuildingSimulation sim = simulation(SEED, start);
    SimSensor kitchen = sensor(sim, "kitchen-meter");
    SensorReading first = sim.next(kitchen, start);
    assertThat(first.energyKwh())
        .isCloseTo(first.powerW() * STEP.toSeconds() / 3.6e6, within(1e-12));
    Instant later = start.plusSeconds(37);
    SensorReading second = sim.next(kitchen, later);
    assertThat(second.energyKwh()).isCloseTo(second.powerW() * 37 / 3.6e6, within(1e-12));
  }

  @Test
  void shouldMeterPvGenerationOverTheIntervalAndNothingAtNight() {
    Instant noon = brussels(SOLSTICE, 13, 30);
    BuildingSimulation sim = simulation(SEED, noon);
    SimSensor pv = sensor(sim, DemoBuilding.PV_SENSOR_ID);
    SensorReading day = sim.next(pv, noon);
    assertThat(day.generationKwh())
        .isCloseTo(sim.pv().averagePowerW(noon.minus(STEP), noon) * 60 / 3.6e6, within(1e-12));
    assertThat(day.generationKwh()).isPositive();
    assertThat(day.sensorType()).isEqualTo(SensorType.PV);
    assertThat(day.powerW()).isNull();
    sim.next(pv, brussels(SOLSTICE.plusDays(1), 0, 50));
    SensorReading night = sim.next(pv, brussels(SOLSTICE.plusDays(1), 1, 0));
    assertThat(night.generationKwh()).isZero();
  }

  @Test
  void shouldProduceTheSameReadingsForTheSameSeed() {
    Instant start = brussels(SUMMER_WEDNESDAY, 6, 0);
    List<SensorReading> a =
        run(simulation(SEED, start), start, Duration.ofHours(3), Duration.ofMinutes(5));
    List<SensorReading> b =
        run(simulation(SEED, start), start, Duration.ofHours(3), Duration.ofMinutes(5));
    List<SensorReading> c =
        run(simulation(SEED + 1, start), start, Duration.ofHours(3), Duration.ofMinutes(5));
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void shouldCarryAllRoomMetricsOnRoomMeters() {
    Instant start = brussels(SUMMER_WEDNESDAY, 8, 0);
    BuildingSimulation sim = simulation(SEED, start);
    SensorReading r = sim.next(sensor(sim, "office-meter"), start);
    assertThat(r.metricCount()).isEqualTo(6);
    assertThat(r.room()).isEqualTo("office");
    assertThat(r.co2Ppm()).isBetween(400.0, 5000.0);
    assertThat(r.temperatureC()).isBetween(10.0, 30.0);
    assertThat(r.humidityPercent()).isBetween(20.0, 95.0);
    assertThat(r.voltageV()).isBetween(215.0, 245.0);
  }

  @Test
  void shouldStampStrictlyIncreasingTimestampsPerDevice() {
    Instant start = brussels(SUMMER_WEDNESDAY, 8, 0);
    BuildingSimulation sim = simulation(SEED, start);
    SimSensor s = sensor(sim, "kitchen-meter");
    SensorReading a = sim.next(s, start);
    SensorReading b = sim.next(s, start);
    assertThat(b.timestamp()).isAfter(a.timestamp());
    assertThat(b.energyKwh()).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void shouldRaiseBedroomCo2WhileOccupiedAtNight() {
    Instant start = brussels(WINTER_WEDNESDAY, 12, 0);
    BuildingSimulation sim = simulation(SEED, start);
    SimSensor bedroom = sensor(sim, "bedroom-1-meter");
    double afternoon = sim.next(bedroom, brussels(WINTER_WEDNESDAY, 16, 0)).co2Ppm();
    double night = sim.next(bedroom, brussels(WINTER_WEDNESDAY.plusDays(1), 4, 0)).co2Ppm();
    assertThat(night).isGreaterThan(afternoon + 400);
  }

  @Test
  void shouldUseMoreEnergyInTheEveningThanAtNightOverAWeek() {
    Instant start = brussels(SUMMER_WEDNESDAY, 0, 0);
    BuildingSimulation sim = simulation(SEED, start);
    double evening = 0;
    double night = 0;
    for (SensorReading r : run(sim, start, Duration.ofDays(7), Duration.ofMinutes(10))) {
      int hour = r.timestamp().atZone(sim.layout().zone()).getHour();
      if (r.energyKwh() != null && (hour == 18 || hour == 19)) {
        evening += r.energyKwh();
      } else if (r.energyKwh() != null && (hour == 2 || hour == 3)) {
        night += r.energyKwh();
      }
    }
    assertThat(evening).isGreaterThan(3 * night);
  }

  @Test
  void shouldKeepClimateSteadyUnderLargeAcceleratedSteps() {
    Instant start = brussels(WINTER_WEDNESDAY, 0, 0);
    BuildingSimulation sim = simulation(SEED, start);
    SimSensor living = sensor(sim, "living-room-meter");
    for (int i = 1; i <= 30; i++) {
      SensorReading r = sim.next(living, start.plus(Duration.ofHours(6L * i)));
      assertThat(r.temperatureC()).isBetween(12.0, 28.0);
      assertThat(r.co2Ppm()).isBetween(380.0, 4000.0);
    }
  }
}
