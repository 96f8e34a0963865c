package io.voltstream.forecast.pv.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.pv.ClearSkyPvForecaster;
import io.voltstream.forecast.pv.GenerationModels;
import io.voltstream.forecast.pv.PvSite;
import io.voltstream.kafka.RegistrySnapshot;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.PvSystem;
import io.voltstream.model.RegistryKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generation forecasters of the buildings whose registry entry ({@code building:<id>} on Kafka
 * {@code registry}) holds a valid PV system and location. The registry is read whole ({@link
 * RegistrySnapshot}) at most once per {@code maxAge}, so one forecast run reads it once; a failed
 * read keeps the last sites (or none) and is logged.
 */
public final class RegistryGenerationModels implements GenerationModels {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryGenerationModels.class);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final Supplier<Map<String, String>> registry;
  private final Clock clock;
  private final Duration maxAge;
  private Map<String, PvSite> sites = Map.of();
  private Instant readAt;

  /**
   * The buildings' PV forecasters from the registry on the Kafka cluster at {@code bootstrap};
   * without one, none ({@link GenerationModels#NONE}).
   */
  public static GenerationModels fromKafka(Optional<String> bootstrap) {
    return bootstrap
        .<GenerationModels>map(b -> fromKafka(b, Clock.systemUTC()))
        .orElse(GenerationModels.NONE);
  }

  /** Reads the registry from the Kafka cluster at {@code bootstrap}. */
  public static RegistryGenerationModels fromKafka(String bootstrap, Clock clock) {
    return new RegistryGenerationModels(
        () -> {
          try {
            return RegistrySnapshot.read(bootstrap, READ_TIMEOUT);
          } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        },
        clock,
        Duration.ofMinutes(1));
  }

  /**
   * @param registry the registry's encoded key → JSON value
   */
  public RegistryGenerationModels(
      Supplier<Map<String, String>> registry, Clock clock, Duration maxAge) {
    this.registry = registry;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  @Override
  public synchronized Optional<Forecaster> forBuilding(String building) {
    Instant now = clock.instant();
    if (readAt == null || !now.isBefore(readAt.plus(maxAge))) {
      readAt = now;
      try {
        sites = sites(registry.get());
      } catch (RuntimeException e) {
        LOG.warn("Cannot read the registry for PV systems: {}", e.toString());
      }
    }
    return Optional.ofNullable(sites.get(building)).map(ClearSkyPvForecaster::new);
  }

  /** Building id → its PV site, for the buildings with a valid PV system and location. */
  static Map<String, PvSite> sites(Map<String, String> registry) {
    Map<String, PvSite> out = new HashMap<>();
    registry.forEach(
        (key, json) -> {
          Optional<RegistryKey> k = RegistryKey.decode(key);
          if (k.isEmpty() || k.get().kind() != RegistryKey.Kind.BUILDING) {
            return;
          }
          try {
            site(Json.MAPPER.readValue(json, Building.class))
                .ifPresent(site -> out.put(k.get().id(), site));
          } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("Skipping building {} for PV: {}", k.get().id(), e.getMessage());
          }
        });
    return out;
  }

  /** The building's PV site when it has a valid PV system, latitude and longitude. */
  public static Optional<PvSite> site(Building b) {
    PvSystem pv = b.pv();
    if (pv == null || b.latitude() == null || b.longitude() == null || !pv.violations().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PvSite(pv.capacityKwp(), pv.tiltDeg(), pv.azimuthDeg(), b.latitude(), b.longitude()));
  }
}
