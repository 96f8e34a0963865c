package io.voltstream.api.p2p;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.p2p.dto.MarketRequest;
import io.voltstream.api.p2p.dto.MarketResponse;
import io.voltstream.api.p2p.dto.MarketStatusResponse;
import io.voltstream.api.p2p.dto.MarketStatusResponse.Participant;
import io.voltstream.api.query.Inputs;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.energy.market.MarketMode;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.model.Building;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Markets in the registry ({@code market:<id>} → {@link MarketSpec}; the default {@code community}
 * market exists without an entry) and a market's status: the open books from the {@link
 * OrderStore}, the last clearing and the 24 h volume from InfluxDB ({@link MarketReader}), the
 * members from the registry (a building's {@code market} field).
 */
public final class MarketService {
  /** Window of the status' volume and of "active" participants. */
  static final Duration ACTIVITY_WINDOW = Duration.ofHours(24);

  private final RegistryService registry;
  private final OrderStore orders;
  private final MarketReader reader;
  private final Clock clock;

  public MarketService(
      RegistryService registry, OrderStore orders, MarketReader reader, Clock clock) {
    this.registry = registry;
    this.orders = orders;
    this.reader = reader;
    this.clock = clock;
  }

  /** The market, or 404 naming {@code field}. */
  public MarketSpec require(String field, String id) {
    return registry
        .market(id)
        .orElseThrow(
            () ->
                new ApiException(
                    ApiException.Kind.NOT_FOUND,
                    "no market '" + id + "'",
                    List.of(new FieldError(field, "unknown market '" + id + "'"))));
  }

  /** Registered markets plus the default one, by id, filtered by {@code visible}. */
  public List<MarketResponse> list(Predicate<String> visible) {
    List<MarketSpec> specs = new ArrayList<>(registry.markets());
    if (specs.stream().noneMatch(m -> m.id().equals(MarketSpec.DEFAULT_ID))) {
      specs.add(MarketSpec.defaults());
    }
    return specs.stream()
        .filter(m -> visible.test(m.id()))
        .sorted(java.util.Comparator.comparing(MarketSpec::id))
        .map(this::response)
        .toList();
  }

  /** Writes {@code market:<id>}; the id comes from the path (a body id that differs is a 400). */
  public MarketResponse put(String id, MarketRequest req) {
    if (req.id() != null && !req.id().equals(id)) {
      throw ApiException.badRequest(
          "id in the body differs from the path",
          new FieldError("id", "must equal the path's '" + id + "' or be omitted"));
    }
    MarketMode mode = Inputs.choice("mode", req.mode(), MarketMode.class);
    int gate =
        req.gateClosureSeconds() == null
            ? MarketSpec.DEFAULT_GATE_CLOSURE_SECONDS
            : req.gateClosureSeconds();
    // MarketSpec checks the range; its EnergyValidationException is a 400 naming the field
    return response(registry.putMarket(new MarketSpec(id, req.name(), mode, gate)));
  }

  /**
   * The status of {@code market}; {@code covered} says which member buildings the caller may see by
   * name (counts are over all members).
   */
  public MarketStatusResponse status(MarketSpec market, Predicate<String> covered) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant since = now.minus(ACTIVITY_WINDOW);
    List<OrderStore.Entry> all = orders.entries();
    Set<String> active = new HashSet<>();
    for (OrderStore.Entry e : all) {
      if (e.market().equals(market.id()) && !e.deliveryStart().isBefore(since)) {
        active.add(e.building());
      }
    }
    List<Building> members = registry.membersOf(market.id());
    List<Participant> shown =
        members.stream()
            .filter(b -> covered.test(b.id()))
            .map(b -> new Participant(b.id(), b.marketOrDefault().agent(), active.contains(b.id())))
            .toList();
    int activeMembers = (int) members.stream().filter(b -> active.contains(b.id())).count();
    MarketReader.Volume volume = reader.volumeSince(market.id(), since);
    return new MarketStatusResponse(
        market.id(),
        market.name(),
        Inputs.lower(market.mode()),
        market.gateClosureSeconds(),
        now,
        market.firstOpenSlot(now),
        BookDepth.openSlots(all, market, now),
        reader.lastClearing(market.id(), now).orElse(null),
        volume.energyKwh(),
        volume.trades(),
        new MarketStatusResponse.Participants(members.size(), activeMembers, shown));
  }

  private MarketResponse response(MarketSpec m) {
    boolean registered = registry.markets().stream().anyMatch(x -> x.id().equals(m.id()));
    return new MarketResponse(
        m.id(),
        m.name(),
        Inputs.lower(m.mode()),
        m.gateClosureSeconds(),
        registered,
        registry.membersOf(m.id()).size());
  }
}
