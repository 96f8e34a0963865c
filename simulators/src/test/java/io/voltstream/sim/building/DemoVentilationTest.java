package io.voltstream.sim.building;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.model.SensorReading;
import io.voltstream.sim.scenario.DemoDevices;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The demo's CO2 rules (1000 ppm on, 800 ppm off) must have something to do: occupied office and
 * bedroom exceed 1000 ppm without ventilation, and a running fan brings them below 800 ppm.
 */
class DemoVentilationTest {
  private static final long SEED = 42;
  private static final Duration STEP = Duration.ofSeconds(30);

  private static Instant brussels(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(DemoBuilding.ZONE).toInstant();
  }

  private static double co2(BuildingSimulation sim, String meter, Instant at) {
    SimSensor s =
        sim.layout().sensors().stream()
            .filter(x -> x.sensorId().equals(meter))
            .findFirst()
            .orElseThrow();
    SensorReading r = sim.next(s, at);
    return r.co2Ppm();
  }

  @Test
  void shouldExceed1000PpmInTheOccupiedOfficeAndFallBelow800WithTheFanOn() {
    Instant start = brussels("2026-03-10T10:00"); // a Tuesday: someone works in the office
    BuildingSimulation sim = new BuildingSimulation(DemoBuilding.layout(6, 1), SEED, start, STEP);
    assertThat(co2(sim, "office-meter", start.plusSeconds(30))).isGreaterThan(1000);

    Instant fanOn = start.plusSeconds(60);
    sim.setMechanicalAirChanges(
        "office", sim.airChangesPerHour("office", DemoDevices.VENTILATION_AIRFLOW_M3_PER_H), fanOn);
    Instant t = fanOn;
    while (co2(sim, "office-meter", t) >= 780 && t.isBefore(fanOn.plus(Duration.ofHours(2)))) {
      t = t.plus(STEP);
    }
    assertThat(Duration.between(fanOn, t)).isLessThan(Duration.ofMinutes(45));

    sim.setMechanicalAirChanges("office", 0, t);
    Instant later = t.plus(Duration.ofMinutes(75));
    for (Instant u = t; u.isBefore(later); u = u.plus(STEP)) {
      co2(sim, "office-meter", u);
    }
    assertThat(co2(sim, "office-meter", later))
        .as("fan off: CO2 builds up again")
        .isGreaterThan(1000);
  }

  @Test
  void shouldExceed1000PpmInTheOccupiedBedroomAtNight() {
    Instant start = brussels("2026-03-10T23:30");
    BuildingSimulation sim = new BuildingSimulation(DemoBuilding.layout(6, 1), SEED, start, STEP);
    assertThat(co2(sim, "bedroom-1-meter", start.plusSeconds(30))).isGreaterThan(1000);
  }

  @Test
  void shouldStartWithTheClimatesRecentHistoryNotAnEmptyRoomsEquilibrium() {
    // 18:00 on a Tuesday: nobody works in the office any more, but the air still holds the day's
    // CO2 (time constant 2 h); an equilibrium start would say 420 ppm
    Instant start = brussels("2026-03-10T18:00");
    BuildingSimulation sim = new BuildingSimulation(DemoBuilding.layout(6, 1), SEED, start, STEP);
    assertThat(co2(sim, "office-meter", start.plusSeconds(30))).isGreaterThan(1000);
  }
}
