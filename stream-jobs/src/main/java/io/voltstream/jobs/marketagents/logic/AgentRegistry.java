package io.voltstream.jobs.marketagents.logic;

import io.voltstream.energy.market.MarketMembership;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.jobs.dispatch.BuildingRegistry;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import java.util.Map;
import java.util.Optional;

/**
 * What the agents need of the registry (broadcast state: registry key → JSON): the building (its
 * market membership and tariff), its batteries (the dispatch job's {@link BuildingRegistry}) and
 * the market's spec.
 */
public record AgentRegistry(Iterable<Map.Entry<String, String>> entries) {

  /** The registry kinds the agents keep. */
  public static boolean isRelevant(RegistryKey key) {
    return key != null
        && switch (key.kind()) {
          case BUILDING, BATTERY, MARKET -> true;
          default -> false;
        };
  }

  /** Whether {@code json} is a valid value of {@code key}'s kind. */
  public static boolean parses(RegistryKey key, String json) {
    return parse(json, key.kind().valueType()).isPresent();
  }

  public BuildingRegistry buildings() {
    return new BuildingRegistry(entries);
  }

  /** The building's membership when it is registered with its agent on; empty otherwise. */
  public Optional<MarketMembership> activeMembership(String building) {
    return buildings()
        .building(building)
        .map(Building::marketOrDefault)
        .filter(MarketMembership::agent);
  }

  /**
   * The market's spec from the registry; the documented default for {@link MarketSpec#DEFAULT_ID}
   * when it is not registered; empty for any other unknown market (the market job would reject its
   * orders).
   */
  public Optional<MarketSpec> market(String id) {
    String wanted = RegistryKey.market(id).encode();
    for (Map.Entry<String, String> e : entries) {
      if (e.getKey().equals(wanted)) {
        return parse(e.getValue(), MarketSpec.class);
      }
    }
    return MarketSpec.DEFAULT_ID.equals(id) ? Optional.of(MarketSpec.defaults()) : Optional.empty();
  }

  private static <T> Optional<T> parse(String json, Class<T> type) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Json.MAPPER.readValue(json, type));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
