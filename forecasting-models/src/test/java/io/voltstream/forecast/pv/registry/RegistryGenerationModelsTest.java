package io.voltstream.forecast.pv.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.forecast.pv.ClearSkyPvForecaster;
import io.voltstream.forecast.pv.PvSite;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.PvSystem;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RegistryGenerationModelsTest {
  @Test
  void shouldGiveAForecasterOnlyToBuildingsWithAValidPvSystemAndLocation() throws Exception {
    Map<String, String> registry = new HashMap<>();
    put(registry, withPv("east", 50.8, 4.4, new PvSystem(6.0, 35.0, 90.0)));
    put(registry, withPv("no-pv", 50.8, 4.4, null));
    put(registry, withPv("no-place", null, null, new PvSystem(6.0, 35.0, 90.0)));
    put(registry, withPv("bad-pv", 50.8, 4.4, new PvSystem(-1.0, 35.0, 90.0)));
    registry.put(
        RegistryKey.room("kitchen").encode(),
        Json.MAPPER.writeValueAsString(new Room("kitchen", "east", 12.0)));
    registry.put(RegistryKey.building("garbled").encode(), "{not json");

    Map<String, PvSite> sites = RegistryGenerationModels.sites(registry);

    assertThat(sites).containsOnlyKeys("east");
    assertThat(sites.get("east")).isEqualTo(new PvSite(6, 35, 90, 50.8, 4.4));
  }

  @Test
  void shouldReadTheRegistryAtMostOncePerMaxAge() throws Exception {
    Map<String, String> registry = new HashMap<>();
    put(registry, withPv("east", 50.8, 4.4, new PvSystem(6.0, 35.0, 90.0)));
    AtomicInteger reads = new AtomicInteger();
    Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
    var models =
        new RegistryGenerationModels(
            () -> {
              reads.incrementAndGet();
              return registry;
            },
            clock,
            Duration.ofMinutes(1));

    assertThat(models.forBuilding("east"))
        .get()
        .extracting(f -> f.id())
        .isEqualTo(ClearSkyPvForecaster.MODEL_ID);
    assertThat(models.forBuilding("no-such")).isEmpty();
    assertThat(reads).hasValue(1);
  }

  private static Building withPv(String id, Double lat, Double lon, PvSystem pv) {
    return new Building(id, id, null, lat, lon, null, null, null, null, pv);
  }

  private static void put(Map<String, String> registry, Building b) throws Exception {
    registry.put(RegistryKey.building(b.id()).encode(), Json.MAPPER.writeValueAsString(b));
  }
}
