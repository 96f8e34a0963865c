package io.voltstream.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.sim.building.DemoBuilding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoHistoryTest {
  private static final Instant FROM = Instant.parse("2026-05-04T00:00:00Z");
  private static final Instant UNTIL = FROM.plus(Duration.ofDays(2));
  private static final Duration STEP = Duration.ofMinutes(5);
  private static final Instant INGESTED = Instant.parse("2026-05-06T00:00:01Z");

  @Test
  void shouldReadEveryMeterOncePerStepInTimeOrderWithoutClimate() {
    List<CommunityMember> community = DemoCommunity.members(DemoBuilding.layout(6, 1));
    int meters = community.stream().mapToInt(m -> m.layout().sensors().size()).sum();
    List<List<SensorReading>> batches = new ArrayList<>();

    long total = DemoHistory.generate(community, 42, FROM, UNTIL, STEP, INGESTED, batches::add);

    assertThat(total).isEqualTo(2L * 288 * meters);
    assertThat(batches).hasSize(2);
    List<SensorReading> all = batches.stream().flatMap(List::stream).toList();
    assertThat(all.get(0).timestamp()).isEqualTo(FROM.plus(STEP));
    assertThat(all.get(all.size() - 1).timestamp()).isEqualTo(UNTIL);
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).timestamp()).isAfterOrEqualTo(all.get(i - 1).timestamp());
    }
    assertThat(all)
        .allSatisfy(
            r -> {
              assertThat(r.co2Ppm()).isNull();
              assertThat(r.temperatureC()).isNull();
              assertThat(r.ingestedAt()).isEqualTo(INGESTED);
            });
  }

  @Test
  void shouldCarryTheSimulatedPvEnergyOfEachStep() {
    List<CommunityMember> community = DemoCommunity.members(DemoBuilding.layout(6, 1));
    List<SensorReading> all = new ArrayList<>();
    DemoHistory.generate(community, 42, FROM, UNTIL, STEP, INGESTED, all::addAll);

    double pvKwh =
        all.stream()
            .filter(
                r ->
                    r.sensorType() == SensorType.PV
                        && r.sensorId().equals(DemoBuilding.PV_SENSOR_ID))
            .mapToDouble(SensorReading::generationKwh)
            .sum();
    double simulated =
        java.util.Arrays.stream(SimulatedPv.hourlyKwh(DemoBuilding.layout(6, 1), 42, FROM, 48))
            .sum();

    // the same PV model and weather: within the 5-minute sampling of the hourly reference
    assertThat(pvKwh).isPositive();
    assertThat(pvKwh).isCloseTo(simulated, within(0.03 * simulated));
  }
}
