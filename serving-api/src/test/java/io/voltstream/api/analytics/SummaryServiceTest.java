package io.voltstream.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.analytics.dto.SummaryResponse;
import io.voltstream.api.query.RegistryLookup;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.influx.Series;
import io.voltstream.model.Room;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.400Z");

  private static final RegistryLookup REGISTRY =
      new RegistryLookup() {
        @Override
        public Optional<Room> room(String name) {
          return Optional.empty();
        }

        @Override
        public Optional<String> roomOfSensor(String sensorId) {
          return Optional.empty();
        }

        @Override
        public int sensorCount() {
          return 7;
        }

        @Override
        public int roomCount() {
          return 3;
        }

        @Override
        public int buildingCount() {
          return 1;
        }

        @Override
        public List<BatterySpec> batteries() {
          return List.of(
              new BatterySpec("b1", "hq", 10, 5000, 5000, 0.9, 5, 95, 10),
              new BatterySpec("b2", "hq", 5, 2500, 2500, 0.9, 5, 95, 10));
        }

        @Override
        public int drEnabledSensorCount() {
          return 2;
        }
      };

  @Test
  void shouldCombineRegistryCountsActiveSensorsLiveSessionsAndLatestTotals() {
    SummaryService service =
        new SummaryService(
            q -> {
              String text = q.render();
              if (text.startsWith("SELECT count(*) FROM \"readings\"")) {
                assertThat(text).contains("time >= '2026-11-27T09:55:00Z'");
                return List.of(
                    series("readings", List.of(List.of(0L, 3))),
                    series("readings", List.of(List.of(0L, 5))));
              }
              if (text.startsWith(
                  "SELECT last(\"soc_percent\") AS \"soc_percent\" FROM \"battery_state\"")) {
                assertThat(text)
                    .contains("time >= '2026-11-27T09:50:00Z'")
                    .contains("GROUP BY \"battery_id\"");
                return List.of(
                    new Series(
                        "battery_state",
                        Map.of("battery_id", "b1"),
                        List.of("time", "soc_percent"),
                        List.of(List.of(0L, 40.0))),
                    new Series(
                        "battery_state",
                        Map.of("battery_id", "b2"),
                        List.of("time", "soc_percent"),
                        List.of(List.of(0L, 60.0))),
                    new Series(
                        "battery_state",
                        Map.of("battery_id", "unregistered"),
                        List.of("time", "soc_percent"),
                        List.of(List.of(0L, 100.0))));
              }
              if (text.contains("last(\"power_avg_w\")")) {
                return List.of(
                    new Series(
                        "room_metrics",
                        Map.of("room", "a"),
                        List.of("time", "power_w"),
                        List.of(List.of(NOW.minusSeconds(120).toEpochMilli(), 500.0))),
                    new Series(
                        "room_metrics",
                        Map.of("room", "b"),
                        List.of("time", "power_w"),
                        List.of(List.of(NOW.minusSeconds(60).toEpochMilli(), 250.0))));
              }
              return List.of(
                  new Series(
                      "room_metrics",
                      Map.of(),
                      List.of("time", "energy_kwh", "generation_kwh"),
                      List.of(List.of(0L, 1.5, 0.25))));
            },
            REGISTRY,
            () -> 4,
            Clock.fixed(NOW, ZoneOffset.UTC));

    SummaryResponse s = service.summary();

    assertThat(s.totalSensors()).isEqualTo(7);
    assertThat(s.activeSensors()).isEqualTo(2);
    assertThat(s.totalRooms()).isEqualTo(3);
    assertThat(s.totalBuildings()).isEqualTo(1);
    assertThat(s.websocketConnections()).isEqualTo(4);
    assertThat(s.totalPowerW()).isEqualTo(750.0);
    assertThat(s.latestWindowStart()).isEqualTo(Instant.parse("2026-11-27T09:59:00.400Z"));
    assertThat(s.energyLastHourKwh()).isEqualTo(1.5);
    assertThat(s.generationLastHourKwh()).isEqualTo(0.25);

    var overview = s.systemOverview();
    assertThat(overview.sensorService().totalSensors()).isEqualTo(7);
    assertThat(overview.sensorService().activeSensors()).isEqualTo(2);
    assertThat(overview.batteryService().totalBatteries()).isEqualTo(2);
    assertThat(overview.batteryService().totalCapacityKwh()).isEqualTo(15.0);
    assertThat(overview.batteryService().averageSoc())
        .isEqualTo(50.0); // the unregistered battery does not count
    assertThat(overview.demandResponseService().drEnabledSensors()).isEqualTo(2);
  }

  @Test
  void shouldReportNoPowerWhenNoRoomHasARecentWindow() {
    SummaryService service =
        new SummaryService(q -> List.of(), REGISTRY, () -> 0, Clock.fixed(NOW, ZoneOffset.UTC));
    SummaryResponse s = service.summary();
    assertThat(s.activeSensors()).isZero();
    assertThat(s.totalPowerW()).isNull();
    assertThat(s.latestWindowStart()).isNull();
  }

  private static Series series(String name, List<List<Object>> rows) {
    return new Series(name, Map.of(), List.of("time", "count"), rows);
  }
}
