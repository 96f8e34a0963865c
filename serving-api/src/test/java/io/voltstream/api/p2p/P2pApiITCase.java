package io.voltstream.api.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiInstances;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.live.WsTestClient;
import io.voltstream.energy.market.MarketMode;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.kafka.TopicAdmin;
import io.voltstream.model.Json;
import io.voltstream.model.Topics;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.OrderAction;
import io.voltstream.model.market.OrderOrigin;
import io.voltstream.model.market.OrderState;
import io.voltstream.model.market.OrderUpdate;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The P2P and financial routes on real Kafka and InfluxDB, with the records and points the market
 * and settlement jobs would write standing in for them: an order is on {@code market-orders} when
 * its 202 arrives; the job's update on {@code market-order-status} shows in GET; a cancel is
 * logged; a freshly started instance replays both logs; trades, the last clearing, the 24 h volume
 * and settlements come from InfluxDB; the financial report sums {@code building_finance} rows into
 * local months; the {@code market} stream pushes a trade produced to {@code market-trades}.
 */
class P2pApiITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension(1);
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();
  @TempDir static Path dataDir;
  @TempDir static Path secondDataDir;

  private static final Duration WAIT = Duration.ofSeconds(15);

  private static ApiApp.Running api;
  private static ApiTestClient client;
  private static String admin;
  private static String db;

  /** A slot two hours ahead: its gate stays open during the test. */
  private static final Instant SLOT = MarketSpec.slotOf(Instant.now().plus(Duration.ofHours(2)));

  /** A slot an hour ago: traded, cleared and settled. */
  private static final Instant PAST = MarketSpec.slotOf(Instant.now().minus(Duration.ofHours(1)));

  @BeforeAll
  static void start() {
    // the jobs' topics exist before the live feed subscribes, so nothing produced is skipped
    TopicAdmin.ensure(
        KAFKA.bootstrapServers(),
        WAIT,
        Topics.MARKET_TRADES,
        Topics.MARKET_CLEARING,
        Topics.MARKET_ORDER_STATUS,
        Topics.SETTLEMENTS);
    db = INFLUX.freshDatabase();
    api = ApiInstances.startUnthrottled(KAFKA.bootstrapServers(), dataDir, INFLUX.url(), db);
    client = new ApiTestClient(api.port());
    admin = ApiInstances.adminToken(api);
    for (String b : List.of("hq", "annex")) {
      var r =
          client.post("/api/v1/buildings", admin, "{\"id\":\"" + b + "\",\"name\":\"" + b + "\"}");
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    var room = client.post("/api/v1/rooms", admin, "{\"name\":\"kitchen\",\"building\":\"hq\"}");
    assertThat(room.status()).as(room.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  private static String order(String building, String side, double kwh, double price) {
    return P2pRoutesTest.order(building, side, kwh, price, SLOT.toString());
  }

  private static Optional<MarketOrder> logged(String id, OrderAction action) {
    for (ConsumerRecord<String, String> r :
        KAFKA.consume(Topics.MARKET_ORDERS.name(), 1_000, Duration.ofSeconds(1))) {
      try {
        MarketOrder o = Json.MAPPER.readValue(r.value(), MarketOrder.class);
        if (o.id().equals(id) && o.action() == action) {
          assertThat(r.key()).isEqualTo(o.market());
          return Optional.of(o);
        }
      } catch (java.io.IOException e) {
        throw new AssertionError(r.value(), e);
      }
    }
    return Optional.empty();
  }

  private static void produce(String topic, String key, Object value) throws Exception {
    try (var producer = KAFKA.producer()) {
      producer.send(new ProducerRecord<>(topic, key, Json.MAPPER.writeValueAsString(value))).get();
    }
  }

  @Test
  void shouldLogOrdersFollowTheJobsUpdatesAndReplayThemOnANewInstance() throws Exception {
    var placed = client.post("/api/v1/p2p/transactions", admin, order("hq", "buy", 2.0, 0.25));
    assertThat(placed.status()).as(placed.body()).isEqualTo(202);
    String id = placed.json().get("id").asText();
    assertThat(placed.json().get("status").asText()).isEqualTo("pending");
    // the 202 came after Kafka's ack: the record is in the log already
    MarketOrder o = logged(id, OrderAction.SUBMIT).orElseThrow();
    assertThat(o.building()).isEqualTo("hq");
    assertThat(o.origin()).isEqualTo(OrderOrigin.API);
    assertThat(o.submittedBy()).isEqualTo("admin");
    assertThat(o.deliveryStart()).isEqualTo(SLOT);
    assertThat(client.get("/api/v1/p2p/orders/" + id, admin).json().get("state").asText())
        .isEqualTo("pending");

    // the market job reports a partial fill
    produce(
        Topics.MARKET_ORDER_STATUS.name(),
        id,
        new OrderUpdate(
            id,
            "community",
            "hq",
            OrderSide.BUY,
            SLOT,
            OrderState.PARTIALLY_FILLED,
            2.0,
            0.25,
            1.5,
            0.5,
            0.2,
            OrderOrigin.API,
            null,
            Instant.now()));
    assertThat(
            Waits.until(
                () ->
                    client
                        .get("/api/v1/p2p/orders/" + id, admin)
                        .json()
                        .get("state")
                        .asText()
                        .equals("partially_filled"),
                WAIT))
        .as("the job's update reaches the order view")
        .isTrue();

    var cancelled = client.post("/api/v1/p2p/orders/" + id + "/cancel", admin, null);
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
    MarketOrder cancel = logged(id, OrderAction.CANCEL).orElseThrow();
    assertThat(cancel.deliveryStart()).isEqualTo(SLOT);

    // a fresh instance replays market-orders and market-order-status
    try (ApiApp.Running second =
        ApiInstances.startUnthrottled(KAFKA.bootstrapServers(), secondDataDir, INFLUX.url(), db)) {
      JsonNode seen =
          new ApiTestClient(second.port()).get("/api/v1/p2p/orders/" + id, admin).json();
      assertThat(seen.get("state").asText()).isEqualTo("partially_filled");
      assertThat(seen.get("filled_kwh").asDouble()).isEqualTo(1.5);
      assertThat(seen.get("submitted_by").asText()).isEqualTo("admin");
      assertThat(seen.get("cancel_requested_at").isNull()).isFalse();
      var book = new ApiTestClient(second.port()).get("/api/v1/p2p/market/status", admin).json();
      assertThat(book.get("open_slots").findValuesAsText("slot")).contains(SLOT.toString());
    }
  }

  @Test
  void shouldRefuseAClosedGateNamingDeliveryStart() {
    Instant closed = MarketSpec.defaults().firstOpenSlot(Instant.now()).minus(MarketSpec.SLOT);
    var r =
        client.post(
            "/api/v1/p2p/transactions",
            admin,
            P2pRoutesTest.order("hq", "sell", 1, 0.1, closed.toString()));
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly("delivery_start");
  }

  @Test
  void shouldReadTradesClearingVolumeAndSettlementsFromInfluxDb() {
    var t = Schema.MARKET_TRADES;
    var c = Schema.MARKET_CLEARING;
    var s = Schema.SETTLEMENTS;
    long slotId = PAST.getEpochSecond();
    INFLUX.write(
        db,
        String.join(
            "\n",
            trade("hq", "annex", "community-" + slotId + "-1", "b1", "s1", 2.0)
                .field(t.matchedAt, PAST.minusSeconds(300).toEpochMilli())
                .toLine(),
            trade("annex", "east", "community-" + slotId + "-2", "b2", "s2", 1.0).toLine(),
            LinePoint.of(c)
                .tag(c.market, "community")
                .tag(c.mode, "pay_as_clear")
                .field(c.priceEurPerKwh, 0.17)
                .field(c.volumeKwh, 3.0)
                .field(c.orders, 4L)
                .field(c.bids, 2L)
                .field(c.offers, 2L)
                .field(c.trades, 2L)
                .field(c.participants, 3L)
                .field(c.clearedAt, PAST.minusSeconds(300).toEpochMilli())
                .time(PAST)
                .toLine(),
            LinePoint.of(s)
                .tag(s.market, "community")
                .tag(s.building, "hq")
                .field(s.boughtKwh, 2.0)
                .field(s.soldKwh, 0.0)
                .field(s.paidEur, 0.34)
                .field(s.netCostEur, 0.40)
                .field(s.gridOnlyCostEur, 0.56)
                .field(s.savingsEur, 0.16)
                .time(PAST)
                .toLine(),
            LinePoint.of(s)
                .tag(s.market, "community")
                .tag(s.building, "annex")
                .field(s.soldKwh, 2.0)
                .field(s.receivedEur, 0.34)
                .time(PAST)
                .toLine()));

    JsonNode trades = client.get("/api/v1/p2p/trades", admin).json();
    assertThat(trades.findValuesAsText("id"))
        .containsExactlyInAnyOrder("community-" + slotId + "-1", "community-" + slotId + "-2");
    JsonNode hqTrades = client.get("/api/v1/p2p/trades?building=hq", admin).json();
    assertThat(hqTrades).hasSize(1);
    JsonNode trade = hqTrades.get(0);
    assertThat(trade.get("slot").asText()).isEqualTo(PAST.toString());
    assertThat(trade.get("buyer").asText()).isEqualTo("hq");
    assertThat(trade.get("seller").asText()).isEqualTo("annex");
    assertThat(trade.get("buy_order_id").asText()).isEqualTo("b1");
    assertThat(trade.get("sell_order_id").asText()).isEqualTo("s1");
    assertThat(trade.get("energy_kwh").asDouble()).isEqualTo(2.0);
    assertThat(trade.get("price_eur_per_kwh").asDouble()).isEqualTo(0.17);
    assertThat(trade.get("mode").asText()).isEqualTo("pay_as_clear");
    assertThat(trade.get("matched_at").asText()).isEqualTo(PAST.minusSeconds(300).toString());
    assertThat(client.get("/api/v1/p2p/trades?market=elsewhere", admin).json()).isEmpty();

    JsonNode status = client.get("/api/v1/p2p/market/status", admin).json();
    assertThat(status.get("last_clearing").get("slot").asText()).isEqualTo(PAST.toString());
    assertThat(status.get("last_clearing").get("price_eur_per_kwh").asDouble()).isEqualTo(0.17);
    assertThat(status.get("last_clearing").get("participants").asInt()).isEqualTo(3);
    assertThat(status.get("volume_24h_kwh").asDouble()).isEqualTo(3.0);
    assertThat(status.get("trades_24h").asLong()).isEqualTo(2);
    assertThat(status.get("participants").get("members").asInt()).isEqualTo(2);

    JsonNode settlements = client.get("/api/v1/p2p/settlements?building=hq", admin).json();
    assertThat(settlements).hasSize(1);
    assertThat(settlements.get(0).get("savings_eur").asDouble()).isEqualTo(0.16);
    assertThat(settlements.get(0).get("slot").asText()).isEqualTo(PAST.toString());
    assertThat(client.get("/api/v1/p2p/settlements", admin).json().findValuesAsText("building"))
        .containsExactlyInAnyOrder("hq", "annex");
  }

  /** A trade point of slot {@link #PAST} at 0.17 €/kWh, as the market job writes it. */
  private static LinePoint trade(
      String buyer, String seller, String id, String bid, String offer, double kwh) {
    var t = Schema.MARKET_TRADES;
    return LinePoint.of(t)
        .tag(t.market, "community")
        .tag(t.buyer, buyer)
        .tag(t.seller, seller)
        .tag(t.mode, "pay_as_clear")
        .field(t.tradeId, id)
        .field(t.buyOrderId, bid)
        .field(t.sellOrderId, offer)
        .field(t.energyKwh, kwh)
        .field(t.priceEurPerKwh, 0.17)
        .time(PAST);
  }

  @Test
  void shouldSumBuildingFinanceRowsIntoLocalMonths() {
    var f = Schema.BUILDING_FINANCE;
    StringBuilder lines = new StringBuilder();
    // 31 Jan 22:45Z is January in Brussels; 23:00Z and 23:15Z are 1 February
    String[][] rows = {
      {"2026-01-31T22:45:00Z", "hq", "building", "none", "1.0"},
      {"2026-01-31T23:00:00Z", "hq", "building", "none", "2.0"},
      {"2026-01-31T23:15:00Z", "hq", "building", "none", "4.0"},
      {"2026-01-31T23:15:00Z", "hq", "room", "kitchen", "0.5"},
      {"2026-01-31T23:15:00Z", "annex", "building", "none", "100.0"}
    };
    for (String[] r : rows) {
      double kwh = Double.parseDouble(r[4]);
      lines
          .append(
              LinePoint.of(f)
                  .tag(f.building, r[1])
                  .tag(f.scope, r[2])
                  .tag(f.room, r[3])
                  .field(f.consumptionKwh, kwh)
                  .field(f.importKwh, kwh / 2)
                  .field(f.generationKwh, kwh)
                  .field(f.exportKwh, kwh / 4)
                  .field(f.energyCostEur, kwh * 0.3)
                  .field(f.netCostEur, kwh * 0.25)
                  .field(f.co2Kg, kwh * 0.1)
                  .field(f.co2WithoutP2pKg, kwh * 0.12)
                  .field(f.meteredShare, 1.0)
                  .time(Instant.parse(r[0]))
                  .toLine())
          .append('\n');
    }
    INFLUX.write(db, lines.toString().strip());

    var r =
        client.get(
            "/api/v1/analytics/financial?building=hq&resolution=month"
                + "&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z",
            admin);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode periods = r.json().get("periods");
    assertThat(periods.findValuesAsText("period_start"))
        .containsExactly("2025-12-31T23:00:00Z", "2026-01-31T23:00:00Z");
    assertThat(periods.get(0).get("consumption_kwh").asDouble()).isEqualTo(1.0);
    assertThat(periods.get(1).get("consumption_kwh").asDouble()).isEqualTo(6.0);
    assertThat(periods.get(1).get("energy_cost_eur").asDouble())
        .isCloseTo(1.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(periods.get(1).get("slots").asLong()).isEqualTo(2);
    assertThat(periods.get(1).get("self_sufficiency_percent").asDouble()).isEqualTo(50.0);
    assertThat(periods.get(1).get("self_consumption_percent").asDouble()).isEqualTo(75.0);
    assertThat(r.json().get("totals").get("co2_without_p2p_kg").asDouble())
        .isCloseTo(0.84, org.assertj.core.data.Offset.offset(1e-9));

    JsonNode kitchen =
        client
            .get(
                "/api/v1/analytics/financial?building=hq&room=kitchen&resolution=day"
                    + "&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z",
                admin)
            .json();
    assertThat(kitchen.get("periods")).hasSize(1);
    assertThat(kitchen.get("totals").get("consumption_kwh").asDouble()).isEqualTo(0.5);

    var csv =
        client.get(
            "/api/v1/analytics/financial/export?building=hq&resolution=month"
                + "&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z",
            admin);
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.body().split("\r\n")).hasSize(3);
  }

  @Test
  void shouldPushTradesFromKafkaOnTheMarketStream() throws Exception {
    assertThat(api.server().feed().orElseThrow().awaitAssigned(WAIT)).isTrue();
    try (WsTestClient ws =
        new WsTestClient(
            HttpClient.newHttpClient(),
            URI.create(
                "ws://127.0.0.1:"
                    + api.port()
                    + "/ws?token="
                    + URLEncoder.encode(admin, StandardCharsets.UTF_8)))) {
      ws.awaitType("welcome", WAIT);
      ws.send("{\"action\":\"subscribe\",\"streams\":[\"market\"]}");
      ws.awaitType("subscribed", WAIT);
      MarketTrade trade =
          new MarketTrade(
              "community-live-1",
              "community",
              SLOT,
              "b9",
              "s9",
              "hq",
              "annex",
              1.25,
              0.19,
              MarketMode.PAY_AS_CLEAR,
              Instant.now());
      produce(Topics.MARKET_TRADES.name(), "community", trade);
      JsonNode m = ws.await(n -> n.path("kind").asText().equals("trade"), WAIT);
      assertThat(m.get("type").asText()).isEqualTo("market");
      assertThat(m.get("id").asText()).isEqualTo("community-live-1");
      assertThat(m.get("buyer").asText()).isEqualTo("hq");
      assertThat(m.get("mode").asText()).isEqualTo("pay_as_clear");
    }
  }
}
