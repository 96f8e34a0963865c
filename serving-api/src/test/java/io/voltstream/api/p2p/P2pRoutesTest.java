package io.voltstream.api.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.auth.Role;
import io.voltstream.api.store.StoreUnavailableException;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import io.voltstream.model.Building;
import io.voltstream.model.Room;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderAction;
import io.voltstream.model.market.OrderOrigin;
import io.voltstream.model.market.OrderState;
import io.voltstream.model.market.OrderUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The P2P routes through the real router and access check, with the in-memory registry and order
 * view, a recording order log and a fake InfluxDB: placing orders (the published record, every
 * refusal naming its field, nothing published then), roles and scope, listing and cancelling,
 * market status, markets and the buildings' membership, and the InfluxDB queries of the read
 * routes.
 */
class P2pRoutesTest {
  static final Instant NOW = Instant.parse("2026-11-30T10:02:00Z");
  static final String SLOT = "2026-11-30T10:15:00Z";

  private final List<MarketOrder> published = new CopyOnWriteArrayList<>();
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private final AtomicBoolean kafkaDown = new AtomicBoolean();
  private ApiDependencies deps;
  private Javalin app;
  private ApiServer server;
  private ApiTestClient client;
  private String admin;
  private String operator;
  private String viewer;
  private String annexAdmin;
  private String kitchenAdmin;

  @BeforeEach
  void start() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    deps =
        ApiDependencies.inMemory(ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), clock)
            .withInflux(this::fakeInflux)
            .withOrderLog(
                o -> {
                  if (kafkaDown.get()) {
                    throw new StoreUnavailableException("Kafka down (test)");
                  }
                  published.add(o);
                });
    deps.registry().createBuilding(new Building("hq", "HQ", null, null, null));
    deps.registry().createBuilding(new Building("annex", "Annex", null, null, null));
    deps.registry().createRoom(new Room("kitchen", "hq", 20.0));
    server = new ApiServer(deps);
    app = server.app().start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    admin = token("alice", Role.ADMIN);
    operator = token("oscar", Role.OPERATOR);
    viewer = token("victor", Role.VIEWER);
    annexAdmin = token("anna", Role.ADMIN, "building:annex");
    kitchenAdmin = token("kim", Role.ADMIN, "room:kitchen");
  }

  @AfterEach
  void stop() {
    app.stop();
    server.close();
  }

  private String token(String subject, Role role, String... permissions) {
    return deps.jwt().issue(subject, role, List.of(permissions), Duration.ofHours(1)).token();
  }

  static String order(String building, String side, double kwh, double price, String slot) {
    return "{\"building\":\""
        + building
        + "\",\"side\":\""
        + side
        + "\",\"energy_kwh\":"
        + kwh
        + ",\"price_eur_per_kwh\":"
        + price
        + ",\"delivery_start\":\""
        + slot
        + "\"}";
  }

  private static void assertProblem(ApiTestClient.Response r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(r.json().get("errors").findValuesAsText("field")).as(r.body()).contains(field);
    }
  }

  private String place(String token, String building, String side) {
    var r = client.post("/api/v1/p2p/transactions", token, order(building, side, 2.0, 0.2, SLOT));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r.json().get("id").asText();
  }

  @Test
  void shouldLogTheOrderBeforeAnsweringPendingAndReadItBack() {
    var r = client.post("/api/v1/p2p/transactions", admin, order("hq", "buy", 1.5, 0.21, SLOT));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    String id = r.json().get("id").asText();
    assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/p2p/orders/" + id);
    assertThat(r.json().get("status").asText()).isEqualTo("pending");
    assertThat(r.json().get("gate_closes_at").asText()).isEqualTo("2026-11-30T10:10:00Z");
    assertThat(r.json().get("market").asText()).isEqualTo("community");

    assertThat(published).hasSize(1);
    MarketOrder o = published.get(0);
    assertThat(o.id()).isEqualTo(id);
    assertThat(java.util.UUID.fromString(id).toString()).isEqualTo(id);
    assertThat(o.action()).isEqualTo(OrderAction.SUBMIT);
    assertThat(o.origin()).isEqualTo(OrderOrigin.API);
    assertThat(o.submittedBy()).isEqualTo("alice");
    assertThat(o.submittedAt()).isEqualTo(NOW);
    assertThat(o.side()).isEqualTo(OrderSide.BUY);
    assertThat(o.energyKwh()).isEqualTo(1.5);
    assertThat(o.priceEurPerKwh()).isEqualTo(0.21);
    assertThat(o.deliveryStart()).isEqualTo(Instant.parse(SLOT));
    assertThat(o.market()).isEqualTo("community");

    JsonNode got = client.get("/api/v1/p2p/orders/" + id, admin).json();
    assertThat(got.get("state").asText()).isEqualTo("pending");
    assertThat(got.get("side").asText()).isEqualTo("buy");
    assertThat(got.get("origin").asText()).isEqualTo("api");
    assertThat(got.get("remaining_kwh").asDouble()).isEqualTo(1.5);
    assertThat(got.get("submitted_by").asText()).isEqualTo("alice");

    // the market job's report replaces pending
    deps.orders()
        .apply(
            new OrderUpdate(
                id,
                "community",
                "hq",
                OrderSide.BUY,
                Instant.parse(SLOT),
                OrderState.PARTIALLY_FILLED,
                1.5,
                0.21,
                1.0,
                0.5,
                0.18,
                OrderOrigin.API,
                null,
                NOW));
    got = client.get("/api/v1/p2p/orders/" + id, admin).json();
    assertThat(got.get("state").asText()).isEqualTo("partially_filled");
    assertThat(got.get("filled_kwh").asDouble()).isEqualTo(1.0);
    assertThat(got.get("remaining_kwh").asDouble()).isEqualTo(0.5);
    assertThat(got.get("average_price_eur_per_kwh").asDouble()).isEqualTo(0.18);
  }

  @Test
  void shouldRefuseBadOrdersNamingTheFieldAndPublishNothing() {
    String url = "/api/v1/p2p/transactions";
    assertProblem(client.post(url, admin, order("attic", "buy", 1, 0.2, SLOT)), 422, "building");
    assertProblem(client.post(url, admin, order("hq", "hold", 1, 0.2, SLOT)), 400, "side");
    assertProblem(client.post(url, admin, order("hq", "buy", -1, 0.2, SLOT)), 400, "energy_kwh");
    assertProblem(client.post(url, admin, order("hq", "buy", 0, 0.2, SLOT)), 400, "energy_kwh");
    assertProblem(
        client.post(url, admin, order("hq", "buy", 1, 99, SLOT)), 400, "price_eur_per_kwh");
    assertProblem(
        client.post(url, admin, order("hq", "buy", 1, 0.2, "2026-11-30T10:20:00Z")),
        400,
        "delivery_start");
    assertProblem(
        client.post(url, admin, order("hq", "buy", 1, 0.2, "2026-11-30T09:45:00Z")),
        422,
        "delivery_start");
    // 10:00 has started; 10:15's gate is open at 10:02 but 10:15 closes at 10:10 — the gate
    // check itself is in P2pOrderValidationTest (fixed clock here)
    assertProblem(
        client.post(url, admin, order("hq", "buy", 1, 0.2, "2026-11-30T10:00:00Z")),
        422,
        "delivery_start");
    assertProblem(
        client.post(
            url,
            admin,
            "{\"building\":\"hq\",\"side\":\"buy\",\"energy_kwh\":1,\"price_eur_per_kwh\":0.2,"
                + "\"delivery_start\":\""
                + SLOT
                + "\",\"market\":\"elsewhere\"}"),
        422,
        "market");
    assertProblem(
        client.post(url, admin, "{\"building\":\"hq\",\"energy_kwh\":\"lots\"}"),
        400,
        "energy_kwh");
    assertProblem(client.post(url, admin, ""), 400, "body");
    assertThat(client.send("POST", url, admin, "text/plain", "x").status()).isEqualTo(415);
    assertThat(published).isEmpty();
  }

  @Test
  void shouldLetOnlyAdminsTradeAndScopedAdminsOnlyForTheirBuilding() {
    String body = order("hq", "sell", 1, 0.1, SLOT);
    assertProblem(client.post("/api/v1/p2p/transactions", operator, body), 403, null);
    assertProblem(client.post("/api/v1/p2p/transactions", viewer, body), 403, null);
    assertProblem(client.post("/api/v1/p2p/transactions", annexAdmin, body), 403, "building");
    assertProblem(client.post("/api/v1/p2p/transactions", kitchenAdmin, body), 403, "building");
    assertThat(published).isEmpty();
    place(annexAdmin, "annex", "sell");
    assertThat(published).extracting(MarketOrder::submittedBy).containsExactly("anna");

    String hqOrder = place(admin, "hq", "buy");
    assertProblem(client.get("/api/v1/p2p/orders/" + hqOrder, annexAdmin), 403, "building");
    assertProblem(
        client.post("/api/v1/p2p/orders/" + hqOrder + "/cancel", annexAdmin, null),
        403,
        "building");
    assertProblem(client.get("/api/v1/p2p/orders?building=hq", annexAdmin), 403, "building");
    assertThat(client.get("/api/v1/p2p/orders", annexAdmin).json().findValuesAsText("building"))
        .containsExactly("annex");
    assertThat(client.get("/api/v1/p2p/orders", kitchenAdmin).json()).isEmpty();
    assertProblem(client.get("/api/v1/p2p/orders", operator), 403, null);
  }

  @Test
  void shouldAnswer503WhenKafkaDoesNotAcknowledge() {
    kafkaDown.set(true);
    var r = client.post("/api/v1/p2p/transactions", admin, order("hq", "buy", 1, 0.2, SLOT));
    assertThat(r.status()).as(r.body()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    assertThat(client.get("/api/v1/p2p/orders", admin).json()).isEmpty();
  }

  @Test
  void shouldFilterOrders() {
    String buy = place(admin, "hq", "buy");
    String sell = place(admin, "annex", "sell");
    deps.orders()
        .apply(
            new MarketOrder(
                OrderAction.SUBMIT,
                "agent-hq-1",
                "community",
                "hq",
                OrderSide.SELL,
                1,
                0.1,
                Instant.parse("2026-11-30T11:00:00Z"),
                NOW,
                "agent:hq",
                OrderOrigin.AGENT,
                "surplus"));
    // newest slot first; same slot and submit time: the id breaks the tie
    List<String> sameSlot = buy.compareTo(sell) < 0 ? List.of(buy, sell) : List.of(sell, buy);
    assertThat(ids("/api/v1/p2p/orders"))
        .containsExactly("agent-hq-1", sameSlot.get(0), sameSlot.get(1));
    assertThat(ids("/api/v1/p2p/orders?side=buy")).containsExactly(buy);
    assertThat(ids("/api/v1/p2p/orders?building=annex")).containsExactly(sell);
    assertThat(ids("/api/v1/p2p/orders?origin=agent")).containsExactly("agent-hq-1");
    assertThat(ids("/api/v1/p2p/orders?state=pending&market=community&limit=1"))
        .containsExactly("agent-hq-1");
    assertThat(ids("/api/v1/p2p/orders?from=2026-11-30T10:30:00Z")).containsExactly("agent-hq-1");
    assertThat(ids("/api/v1/p2p/orders?to=2026-11-30T10:30:00Z"))
        .containsExactlyInAnyOrder(buy, sell);
    assertThat(ids("/api/v1/p2p/orders?state=filled")).isEmpty();
    assertProblem(client.get("/api/v1/p2p/orders?state=done", admin), 400, "state");
    assertProblem(client.get("/api/v1/p2p/orders?side=both", admin), 400, "side");
    assertProblem(client.get("/api/v1/p2p/orders?origin=robot", admin), 400, "origin");
    assertProblem(client.get("/api/v1/p2p/orders?limit=0", admin), 400, "limit");
    assertProblem(client.get("/api/v1/p2p/orders?from=yesterday", admin), 400, "from");
    assertProblem(client.get("/api/v1/p2p/orders?building=a%20b", admin), 400, "building");
    assertProblem(client.get("/api/v1/p2p/orders/no-such-order", admin), 404, null);
    assertProblem(client.get("/api/v1/p2p/orders/bad%20id", admin), 400, "id");
  }

  private List<String> ids(String path) {
    var r = client.get(path, admin);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().findValuesAsText("id");
  }

  @Test
  void shouldCancelBeforeGateClosureOnceAndRefuseFinalOrClosedOrders() {
    String id = place(admin, "hq", "buy");
    var r = client.post("/api/v1/p2p/orders/" + id + "/cancel", admin, null);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json().get("cancel_requested_at").asText()).isEqualTo(NOW.toString());
    assertThat(r.json().get("state").asText()).isEqualTo("pending");
    MarketOrder cancel = published.get(published.size() - 1);
    assertThat(cancel.action()).isEqualTo(OrderAction.CANCEL);
    assertThat(cancel.id()).isEqualTo(id);
    assertThat(cancel.market()).isEqualTo("community");
    assertThat(cancel.side()).isEqualTo(OrderSide.BUY);
    assertThat(cancel.submittedBy()).isEqualTo("alice");
    assertProblem(client.post("/api/v1/p2p/orders/" + id + "/cancel", admin, null), 409, null);

    String filled = place(admin, "hq", "sell");
    deps.orders()
        .apply(
            new OrderUpdate(
                filled,
                "community",
                "hq",
                OrderSide.SELL,
                Instant.parse(SLOT),
                OrderState.FILLED,
                2.0,
                0.2,
                2.0,
                0,
                0.2,
                OrderOrigin.API,
                null,
                NOW));
    var f = client.post("/api/v1/p2p/orders/" + filled + "/cancel", admin, null);
    assertProblem(f, 409, null);
    assertThat(f.json().get("detail").asText()).contains("is filled");

    // an order of the 10:00 slot (logged before its gate closed at 09:55): closed now
    deps.orders()
        .apply(
            new MarketOrder(
                OrderAction.SUBMIT,
                "early",
                "community",
                "hq",
                OrderSide.BUY,
                1,
                0.2,
                Instant.parse("2026-11-30T10:00:00Z"),
                NOW.minusSeconds(600),
                "alice",
                OrderOrigin.API,
                null));
    var c = client.post("/api/v1/p2p/orders/early/cancel", admin, null);
    assertProblem(c, 409, null);
    assertThat(c.json().get("detail").asText()).contains("closed at 2026-11-30T09:55:00Z");
    assertProblem(client.post("/api/v1/p2p/orders/nothing/cancel", admin, null), 404, null);
    assertThat(published.stream().filter(o -> o.action() == OrderAction.CANCEL)).hasSize(1);
  }

  @Test
  void shouldReportTheMarketStatusFromTheBooksTheRegistryAndInfluxDb() {
    place(admin, "hq", "buy");
    place(annexAdmin, "annex", "sell");
    var r = client.get("/api/v1/p2p/market/status", admin);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode s = r.json();
    assertThat(s.get("market").asText()).isEqualTo("community");
    assertThat(s.get("mode").asText()).isEqualTo("pay_as_clear");
    assertThat(s.get("gate_closure_seconds").asInt()).isEqualTo(300);
    assertThat(s.get("first_open_slot").asText()).isEqualTo(SLOT);
    assertThat(s.get("open_slots")).hasSize(1);
    JsonNode book = s.get("open_slots").get(0);
    assertThat(book.get("bids").get("count").asInt()).isEqualTo(1);
    assertThat(book.get("offers").get("energy_kwh").asDouble()).isEqualTo(2.0);
    assertThat(book.get("bids").get("best_price_eur_per_kwh").asDouble()).isEqualTo(0.2);
    // from the fake InfluxDB: the 09:45 clearing and two trades (3 kWh) in 24 h
    assertThat(s.get("last_clearing").get("slot").asText()).isEqualTo("2026-11-30T09:45:00Z");
    assertThat(s.get("last_clearing").get("price_eur_per_kwh").asDouble()).isEqualTo(0.17);
    assertThat(s.get("volume_24h_kwh").asDouble()).isEqualTo(3.0);
    assertThat(s.get("trades_24h").asLong()).isEqualTo(2);
    assertThat(s.get("participants").get("members").asInt()).isEqualTo(2);
    assertThat(s.get("participants").get("active").asInt()).isEqualTo(2);
    assertThat(s.get("participants").get("buildings").findValuesAsText("id"))
        .containsExactly("annex", "hq");
    assertThat(queries)
        .anyMatch(q -> q.contains("FROM \"market_clearing\" WHERE \"market\" = 'community'"));

    // a scoped token sees the counts but only its building by name; a room token is no member
    JsonNode scoped = client.get("/api/v1/p2p/market/status", annexAdmin).json();
    assertThat(scoped.get("participants").get("members").asInt()).isEqualTo(2);
    assertThat(scoped.get("participants").get("buildings").findValuesAsText("id"))
        .containsExactly("annex");
    assertProblem(client.get("/api/v1/p2p/market/status", kitchenAdmin), 403, "market");
    assertProblem(client.get("/api/v1/p2p/market/status?market=nowhere", admin), 404, "market");
    assertProblem(client.get("/api/v1/p2p/market/status?market=a%27b", admin), 400, "market");
  }

  @Test
  void shouldReadTradesAndSettlementsOfTheCoveredBuildingsOnly() {
    var all = client.get("/api/v1/p2p/trades", admin);
    assertThat(all.status()).as(all.body()).isEqualTo(200);
    JsonNode t = all.json().get(0);
    assertThat(t.get("id").asText()).isEqualTo("community-1764495900-1");
    assertThat(t.get("slot").asText()).isEqualTo("2026-11-30T09:45:00Z");
    assertThat(t.get("buyer").asText()).isEqualTo("hq");
    assertThat(t.get("seller").asText()).isEqualTo("annex");
    assertThat(t.get("buy_order_id").asText()).isEqualTo("b1");
    assertThat(t.get("sell_order_id").asText()).isEqualTo("s1");
    assertThat(t.get("energy_kwh").asDouble()).isEqualTo(2.0);
    assertThat(t.get("price_eur_per_kwh").asDouble()).isEqualTo(0.17);
    assertThat(t.get("amount_eur").asDouble())
        .isCloseTo(0.34, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(t.get("mode").asText()).isEqualTo("pay_as_clear");
    String unscoped = last("market_trades");
    assertThat(unscoped).doesNotContain("\"buyer\"").contains("ORDER BY time DESC LIMIT 100");

    assertThat(client.get("/api/v1/p2p/trades?limit=5&market=community", annexAdmin).status())
        .isEqualTo(200);
    assertThat(last("market_trades"))
        .contains("\"market\" = 'community'")
        .contains("AND (\"buyer\" = 'annex' OR \"seller\" = 'annex')")
        .contains("LIMIT 5");
    int before = queries.size();
    assertThat(client.get("/api/v1/p2p/trades", kitchenAdmin).json()).isEmpty();
    assertThat(queries).hasSize(before); // nothing covered: no query
    assertProblem(client.get("/api/v1/p2p/trades?building=hq", annexAdmin), 403, "building");
    assertProblem(client.get("/api/v1/p2p/trades?building=hq'%20OR%20'1", admin), 400, "building");
    assertProblem(
        client.get("/api/v1/p2p/trades?from=2026-11-30T10:00:00Z&to=2026-11-29T10:00:00Z", admin),
        422,
        "to");

    var settlements = client.get("/api/v1/p2p/settlements?building=hq", admin);
    assertThat(settlements.status()).as(settlements.body()).isEqualTo(200);
    JsonNode st = settlements.json().get(0);
    assertThat(st.get("building").asText()).isEqualTo("hq");
    assertThat(st.get("net_cost_eur").asDouble()).isEqualTo(0.5);
    assertThat(st.get("savings_eur").asDouble()).isEqualTo(0.1);
    assertThat(last("settlements")).contains("AND (\"building\" = 'hq')");
    assertProblem(client.get("/api/v1/p2p/settlements", viewer), 403, null);
  }

  private String last(String measurement) {
    return queries.stream()
        .filter(q -> q.contains("FROM \"" + measurement + "\""))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  @Test
  void shouldConfigureMarketsAndTheBuildingsMembership() {
    JsonNode markets = client.get("/api/v1/p2p/markets", admin).json();
    assertThat(markets.findValuesAsText("id")).containsExactly("community");
    assertThat(markets.get(0).get("registered").asBoolean()).isFalse();
    assertThat(markets.get(0).get("members").asInt()).isEqualTo(2);

    var put =
        client.put(
            "/api/v1/p2p/markets/east",
            admin,
            "{\"name\":\"East\",\"mode\":\"pay_as_bid\",\"gate_closure_seconds\":900}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().get("mode").asText()).isEqualTo("pay_as_bid");
    assertThat(put.json().get("registered").asBoolean()).isTrue();
    assertProblem(
        client.put("/api/v1/p2p/markets/east", admin, "{\"mode\":\"haggle\"}"), 400, "mode");
    assertProblem(
        client.put("/api/v1/p2p/markets/east", admin, "{\"gate_closure_seconds\":90000}"),
        400,
        "gate_closure_seconds");
    assertProblem(client.put("/api/v1/p2p/markets/east", admin, "{\"id\":\"west\"}"), 400, "id");
    assertProblem(client.put("/api/v1/p2p/markets/east", annexAdmin, "{}"), 403, null);

    // the building's membership is its market field
    var b =
        client.put(
            "/api/v1/buildings/annex",
            admin,
            "{\"name\":\"Annex\",\"market\":{\"market\":\"east\",\"agent\":true}}");
    assertThat(b.status()).as(b.body()).isEqualTo(200);
    assertThat(b.json().get("market").get("market").asText()).isEqualTo("east");
    assertThat(b.json().get("market").get("agent").asBoolean()).isTrue();
    assertProblem(
        client.put("/api/v1/buildings/annex", admin, "{\"market\":{\"market\":\"nowhere\"}}"),
        422,
        "market.market");
    // other building writes keep it
    var tariff = client.get("/api/v1/buildings/annex/tariff", admin);
    assertThat(client.put("/api/v1/buildings/annex/tariff", admin, tariff.body()).status())
        .isEqualTo(200);
    assertThat(client.put("/api/v1/buildings/annex", admin, "{\"name\":\"Annex 2\"}").status())
        .isEqualTo(200);
    JsonNode annex = client.get("/api/v1/buildings/annex", admin).json();
    assertThat(annex.get("market").get("market").asText()).isEqualTo("east");
    assertThat(annex.get("name").asText()).isEqualTo("Annex 2");
    assertThat(
            client.get("/api/v1/buildings/hq", admin).json().get("market").get("market").asText())
        .isEqualTo("community");
    assertThat(
            client
                .post(
                    "/api/v1/buildings",
                    admin,
                    "{\"id\":\"west\",\"market\":{\"market\":\"east\",\"agent\":false}}")
                .json()
                .get("market")
                .get("market")
                .asText())
        .isEqualTo("east");

    // an order of annex now goes to east, whose gate is 15 min before the slot
    var late = client.post("/api/v1/p2p/transactions", admin, order("annex", "sell", 1, 0.1, SLOT));
    assertProblem(late, 422, "delivery_start");
    var ok =
        client.post(
            "/api/v1/p2p/transactions",
            admin,
            order("annex", "sell", 1, 0.1, "2026-11-30T10:30:00Z"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(202);
    assertThat(published.get(published.size() - 1).market()).isEqualTo("east");
    assertThat(client.get("/api/v1/p2p/markets", annexAdmin).json().findValuesAsText("id"))
        .containsExactly("east");
    assertThat(client.get("/api/v1/p2p/markets", kitchenAdmin).json()).isEmpty();
    assertThat(client.get("/api/v1/p2p/markets", admin).json().findValuesAsText("id"))
        .containsExactly("community", "east");
  }

  /** Canned answers of the market measurements; every query is recorded. */
  private List<Series> fakeInflux(InfluxQuery q) {
    String text = q.render();
    queries.add(text);
    long slot = Instant.parse("2026-11-30T09:45:00Z").toEpochMilli();
    if (text.startsWith("SELECT * FROM \"market_clearing\"")) {
      return List.of(
          new Series(
              "market_clearing",
              Map.of(),
              List.of(
                  "time",
                  "market",
                  "mode",
                  "price_eur_per_kwh",
                  "volume_kwh",
                  "orders",
                  "bids",
                  "offers",
                  "trades",
                  "participants",
                  "cleared_at"),
              List.of(
                  List.of(
                      slot,
                      "community",
                      "pay_as_clear",
                      0.17,
                      3.0,
                      4,
                      2,
                      2,
                      2,
                      3,
                      slot - 300_000))));
    }
    if (text.startsWith("SELECT sum(\"energy_kwh\")") && text.contains("\"market_trades\"")) {
      return List.of(
          new Series(
              "market_trades",
              Map.of(),
              List.of("time", "energy_kwh", "trades"),
              List.of(List.of(0L, 3.0, 2))));
    }
    if (text.startsWith("SELECT * FROM \"market_trades\"")) {
      return List.of(
          new Series(
              "market_trades",
              Map.of(),
              List.of(
                  "time",
                  "buy_order_id",
                  "buyer",
                  "energy_kwh",
                  "market",
                  "matched_at",
                  "mode",
                  "price_eur_per_kwh",
                  "sell_order_id",
                  "seller",
                  "trade_id"),
              List.of(
                  List.of(
                      slot,
                      "b1",
                      "hq",
                      2.0,
                      "community",
                      slot - 300_000,
                      "pay_as_clear",
                      0.17,
                      "s1",
                      "annex",
                      "community-1764495900-1"))));
    }
    if (text.startsWith("SELECT * FROM \"settlements\"")) {
      return List.of(
          new Series(
              "settlements",
              Map.of(),
              List.of("time", "building", "market", "net_cost_eur", "savings_eur"),
              List.of(List.of(slot, "hq", "community", 0.5, 0.1))));
    }
    return List.of();
  }
}
