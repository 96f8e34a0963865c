package io.voltstream.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.api.store.InMemoryReplicatedMap;
import io.voltstream.energy.market.MarketMode;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.model.Json;
import io.voltstream.model.Topics;
import io.voltstream.model.market.MarketClearing;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.OrderOrigin;
import io.voltstream.model.market.OrderState;
import io.voltstream.model.market.OrderUpdate;
import io.voltstream.model.market.Settlement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code market} stream's messages ({@code {"type":"market","kind":…}}) from the Kafka records
 * of the market and settlement jobs, and who receives them: admins only; a scoped admin its
 * buildings' orders and settlements, the trades its buildings are party to, and the clearings of
 * the markets its buildings belong to.
 */
class P2pLiveMessagesTest {
  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  static final Instant SLOT = Instant.parse("2026-11-30T10:15:00Z");

  final ResourceScope scope = new ResourceScope(new RegistryService(new InMemoryReplicatedMap<>()));
  final LiveMessages messages =
      new LiveMessages(
          s -> Optional.empty(),
          b -> Optional.empty(),
          market -> market.equals("community") ? Set.of("hq", "annex") : Set.of(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  final MarketTrade trade =
      new MarketTrade(
          "community-1764497700-1",
          "community",
          SLOT,
          "b1",
          "s1",
          "hq",
          "east",
          2.0,
          0.17,
          MarketMode.PAY_AS_CLEAR,
          SLOT.minusSeconds(300));
  final MarketClearing clearing =
      new MarketClearing("community", SLOT, MarketMode.PAY_AS_CLEAR, 0.17, 2.0, 3, 2, 1, 1, 2, NOW);
  final OrderUpdate order =
      new OrderUpdate(
          "b1",
          "community",
          "hq",
          OrderSide.BUY,
          SLOT,
          OrderState.PARTIALLY_FILLED,
          3.0,
          0.2,
          2.0,
          1.0,
          0.17,
          OrderOrigin.AGENT,
          null,
          NOW);
  final Settlement settlement =
      new Settlement(
          "community",
          SLOT,
          "annex",
          0,
          2,
          0,
          0.34,
          -2.1,
          -0.1,
          -0.007,
          -0.347,
          -0.147,
          0.2,
          0.3,
          0.07,
          1.0,
          NOW);

  static Principal principal(Role role, String... permissions) {
    return new Principal("t", role, List.of(permissions), "id", NOW, NOW.plusSeconds(3600));
  }

  static JsonNode json(LiveMessage m) throws Exception {
    return Json.MAPPER.readTree(m.json());
  }

  @Test
  void shouldTypeEachRecordAsAMarketMessageWithItsKindAndLowerCaseEnums() throws Exception {
    JsonNode t = json(messages.trade(trade));
    assertThat(t.get("type").asText()).isEqualTo("market");
    assertThat(t.get("kind").asText()).isEqualTo("trade");
    assertThat(t.get("id").asText()).isEqualTo("community-1764497700-1");
    assertThat(t.get("buyer").asText()).isEqualTo("hq");
    assertThat(t.get("seller").asText()).isEqualTo("east");
    assertThat(t.get("energy_kwh").asDouble()).isEqualTo(2.0);
    assertThat(t.get("mode").asText()).isEqualTo("pay_as_clear");
    assertThat(t.get("slot").asText()).isEqualTo(SLOT.toString());

    JsonNode c = json(messages.clearing(clearing));
    assertThat(c.get("kind").asText()).isEqualTo("clearing");
    assertThat(c.get("price_eur_per_kwh").asDouble()).isEqualTo(0.17);

    JsonNode o = json(messages.order(order));
    assertThat(o.get("kind").asText()).isEqualTo("order");
    assertThat(o.get("state").asText()).isEqualTo("partially_filled");
    assertThat(o.get("side").asText()).isEqualTo("buy");
    assertThat(o.get("origin").asText()).isEqualTo("agent");

    JsonNode s = json(messages.settlement(settlement));
    assertThat(s.get("kind").asText()).isEqualTo("settlement");
    assertThat(s.get("building").asText()).isEqualTo("annex");
    assertThat(s.get("savings_eur").asDouble()).isEqualTo(0.2);

    // the newest update of an order replaces an unsent older one
    assertThat(messages.order(order).key()).isEqualTo("market:order:b1");
    assertThat(messages.order(order).stream()).isEqualTo(LiveStreams.MARKET);
  }

  @Test
  void shouldDecodeTheFourTopicsAndSkipGarbage() throws Exception {
    for (var topicAndRecord :
        List.of(
            List.of(Topics.MARKET_TRADES.name(), trade, "trade"),
            List.of(Topics.MARKET_CLEARING.name(), clearing, "clearing"),
            List.of(Topics.MARKET_ORDER_STATUS.name(), order, "order"),
            List.of(Topics.SETTLEMENTS.name(), settlement, "settlement"))) {
      byte[] value = Json.MAPPER.writeValueAsBytes(topicAndRecord.get(1));
      LiveMessage m = messages.fromKafka((String) topicAndRecord.get(0), value).orElseThrow();
      assertThat(json(m).get("kind").asText()).isEqualTo(topicAndRecord.get(2));
    }
    assertThat(messages.fromKafka(Topics.MARKET_TRADES.name(), "{]".getBytes())).isEmpty();
    assertThat(messages.fromKafka(Topics.MARKET_TRADES.name(), "{}".getBytes())).isEmpty();
  }

  @Test
  void shouldDeliverMarketMessagesToAdminsOnlyAndScopedAdminsTheirShare() {
    LiveMessage t = messages.trade(trade);
    LiveMessage c = messages.clearing(clearing);
    LiveMessage o = messages.order(order);
    LiveMessage s = messages.settlement(settlement);
    for (Role role : List.of(Role.OPERATOR, Role.VIEWER)) {
      for (LiveMessage m : List.of(t, c, o, s)) {
        assertThat(LiveSocket.permitted(scope, principal(role)).test(m)).as("%s", role).isFalse();
      }
    }
    var admin = LiveSocket.permitted(scope, principal(Role.ADMIN));
    assertThat(List.of(t, c, o, s)).allMatch(admin);

    var hq = LiveSocket.permitted(scope, principal(Role.ADMIN, "building:hq"));
    assertThat(hq.test(t)).as("hq buys in the trade").isTrue();
    assertThat(hq.test(c)).as("hq is a member of community").isTrue();
    assertThat(hq.test(o)).as("hq's order").isTrue();
    assertThat(hq.test(s)).as("annex's settlement").isFalse();

    var annex = LiveSocket.permitted(scope, principal(Role.ADMIN, "building:annex"));
    assertThat(annex.test(t)).as("annex is not party to the trade").isFalse();
    assertThat(annex.test(c)).isTrue();
    assertThat(annex.test(o)).isFalse();
    assertThat(annex.test(s)).isTrue();

    var east = LiveSocket.permitted(scope, principal(Role.ADMIN, "building:east"));
    assertThat(east.test(t)).as("east sells in the trade").isTrue();
    assertThat(east.test(c)).as("east is no member of community").isFalse();
  }
}
