package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiConfig;
import io.voltstream.config.CommonOptions;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.infra.FreePorts;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.JobsOptions;
import io.voltstream.jobs.market.MarketJob;
import io.voltstream.jobs.market.MarketJobConfig;
import io.voltstream.jobs.settlement.SettlementJob;
import io.voltstream.jobs.settlement.SettlementJobConfig;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.Settlement;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 10's market end to end on real servers: real Kafka, a real influxd, the market and
 * settlement jobs on a Flink MiniCluster (their production {@code wireFromConfig}) and the real API
 * in-process. The registry (two markets, five buildings, rooms, meters, a PV sensor, a flat tariff)
 * and every order go through the API; the jobs' event time is driven by readings written to Kafka
 * {@code readings} (a clock sensor that meters nothing, then the buildings' meters).
 *
 * <ol>
 *   <li>Pay-as-clear market {@code it-auction} for slot S (the quarter hour at least 2 minutes
 *       ahead), its gate closing {@link #GATE_AHEAD} from now: offers and bids that cross
 *       partially, a cancelled bid that would have changed the result.
 *   <li>Readings past the gate closure: the slot clears at the hand-computed uniform price; trades
 *       through {@code GET /p2p/trades}, on Kafka and in InfluxDB {@code market_trades}, the
 *       clearing in {@code market_clearing} and {@code GET /p2p/market/status}, the order states
 *       through {@code GET /p2p/orders}.
 *   <li>An order the API still takes (its wall clock is before the gate) arrives after the market
 *       clock closed the slot: the job rejects it and the API shows why.
 *   <li>Pay-as-bid market {@code it-continuous}: a bid crossing a resting offer trades on arrival
 *       at the bid's price, long before its gate closes.
 *   <li>Metered delivery over [S, S + 15 min): hand-computed settlements (API, InfluxDB {@code
 *       settlements}, Kafka), payments balancing, and {@code building_finance} rows.
 *   <li>Once the wall clock passes the gate, the API refuses orders for S naming {@code
 *       delivery_start}.
 * </ol>
 *
 * The role matrix of the P2P routes (admin only; a building-scoped token trades only for its
 * building) is serving-api's AccessMatrixITCase and ScopeMatrixITCase; not repeated here.
 */
class MarketITCase {
  private static final Logger LOG = LoggerFactory.getLogger(MarketITCase.class);
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final double EPS = 1e-9;

  /**
   * How long after the market is configured its gate for S closes (wall clock). Steps 1–3 must fit
   * in it: step 3 needs an order the API still accepts after the job has closed the slot.
   */
  private static final Duration GATE_AHEAD = Duration.ofSeconds(35);

  private static final String AUCTION = "it-auction";
  private static final String CONTINUOUS = "it-continuous";
  private static final String SELLER = "it-seller";
  private static final String BUYER = "it-buyer";
  private static final String THIRD = "it-third";
  private static final String EAST = "it-east";
  private static final String WEST = "it-west";
  private static final String CLOCK = "it-clock";

  /** Flat tariff: 0.30 €/kWh import at every hour, 0.05 feed-in, 200 gCO2/kWh. */
  private static final double IMPORT = 0.30;

  private static final double EXPORT = 0.05;
  private static final double CO2_KG_PER_KWH = 0.200;

  /** Metered power over the whole slot [W]: seller 1 kW load and 7 kW PV, buyer 6, third 2. */
  private static final double SELLER_LOAD_W = 1000;

  private static final double SELLER_PV_W = 7000;
  private static final double BUYER_LOAD_W = 6000;
  private static final double THIRD_LOAD_W = 2000;

  /*
   * The auction by hand (bids highest first, offers lowest first, matched while bid ≥ offer):
   *   buyer bid 1.0 kWh @ 0.30 × seller offer 2.0 @ 0.10 → 1.0 (buyer filled)
   *   third bid 2.0 @ 0.18    × seller offer (1.0 left) @ 0.10 → 1.0 (offer filled)
   *   third bid (1.0 left) @ 0.18 < seller offer 1.5 @ 0.20 → stop.
   * Volume 2.0 kWh; price = midpoint of the marginal bid 0.18 and offer 0.10 = 0.14 €/kWh.
   * The cancelled buyer bid 3.0 @ 0.40 would have taken the cheap offer first.
   */
  private static final double PRICE = 0.14;

  private static final double VOLUME = 2.0;

  private static final Tariff FLAT =
      new Tariff(
          "it-flat",
          ZoneOffset.UTC,
          Collections.nCopies(24, IMPORT),
          Collections.nCopies(24, IMPORT),
          EXPORT,
          0,
          Collections.nCopies(24, CO2_KG_PER_KWH * 1000));

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  private final HttpClient http = HttpClient.newHttpClient();
  private LocalFlinkCluster flink;
  private ApiApp.Running api;
  private KafkaProducer<String, String> producer;
  private String token;
  private String db;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {producer, api, flink}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void ordersClearAtGateClosureTradeOnArrivalAndSettleAfterMeteredDelivery(@TempDir Path dir)
      throws Exception {
    start(dir);

    // 1. The registry through the API. S = the quarter hour at least 2 minutes ahead; its gate
    // closes GATE_AHEAD from now.
    Instant now = Instant.now();
    Instant slot = MarketSpec.slotOf(now.plus(Duration.ofMinutes(2))).plus(MarketSpec.SLOT);
    long gateSeconds = Duration.between(now.plus(GATE_AHEAD), slot).toSeconds();
    Instant gate = slot.minusSeconds(gateSeconds);
    Instant slotEnd = slot.plus(MarketSpec.SLOT);
    Instant continuousSlot = slot.plus(Duration.ofHours(1));
    LOG.info("slot {}: gate closes at {} ({} s before the slot)", slot, gate, gateSeconds);
    expect(
        200,
        put(
            "/api/v1/p2p/markets/" + AUCTION,
            "{\"name\":\"IT auction\",\"mode\":\"pay_as_clear\",\"gate_closure_seconds\":"
                + gateSeconds
                + "}"));
    expect(
        200,
        put(
            "/api/v1/p2p/markets/" + CONTINUOUS,
            "{\"mode\":\"pay_as_bid\",\"gate_closure_seconds\":300}"));
    for (String b : List.of(SELLER, BUYER, THIRD)) {
      building(b, AUCTION);
      expect(200, put("/api/v1/buildings/" + b + "/tariff", Json.MAPPER.writeValueAsString(FLAT)));
      expect(
          201, post("/api/v1/rooms", "{\"name\":\"" + b + "-main\",\"building\":\"" + b + "\"}"));
      sensor(b + "-meter", b + "-main", "power");
    }
    sensor(SELLER + "-pv", SELLER + "-main", "pv");
    building(EAST, CONTINUOUS);
    building(WEST, CONTINUOUS);

    // 2. Orders: two offer tranches of the seller, two bids, and a bid cancelled before the gate.
    String sellCheap = order(SELLER, "sell", 2.0, 0.10, slot);
    String sellDear = order(SELLER, "sell", 1.5, 0.20, slot);
    String buyerBid = order(BUYER, "buy", 1.0, 0.30, slot);
    String thirdBid = order(THIRD, "buy", 2.0, 0.18, slot);
    String cancelled = order(BUYER, "buy", 3.0, 0.40, slot);
    expect(202, post("/api/v1/p2p/orders/" + cancelled + "/cancel", null));
    awaitState(cancelled, "cancelled");
    for (String id : List.of(sellCheap, sellDear, buyerBid, thirdBid)) {
      awaitState(id, "open");
    }
    assertThat(Instant.now()).as("still before the gate (wall clock)").isBefore(gate);

    // 3. The market clock passes the gate: readings stamped after it (a sensor metering nothing).
    boolean cleared =
        Waits.until(
            () -> {
              clock(gate.plusSeconds(5));
              return !InfluxExtension.rows(
                      INFLUX.query(
                          db, "SELECT * FROM market_clearing WHERE market = '" + AUCTION + "'"))
                  .isEmpty();
            },
            DEADLINE,
            Duration.ofMillis(500));
    assertThat(cleared).as("%s slot %s cleared into InfluxDB", AUCTION, slot).isTrue();
    LOG.info("{} cleared {} s before its gate (wall clock)", AUCTION, secondsBefore(gate));
    assertClearing(slot, sellCheap, sellDear, buyerBid, thirdBid, cancelled);

    // 4. An order the API takes (its wall clock is before the gate) after the market clock closed
    // the slot: rejected by the job, the reason visible through the API.
    assertThat(Instant.now())
        .as("the slot cleared within GATE_AHEAD (%s); raise it on a slower machine", GATE_AHEAD)
        .isBefore(gate.minusSeconds(1));
    String late = order(THIRD, "buy", 0.5, 0.25, slot);
    LOG.info("late order placed {} s before the gate (wall clock)", secondsBefore(gate));
    JsonNode rejected = awaitState(late, "rejected");
    assertThat(rejected.get("reason").asText())
        .startsWith("gate closed: the order arrived after slot " + slot);

    // 5. Pay-as-bid: a bid crossing the resting offer trades at once, at the bid's price.
    String westOffer = order(WEST, "sell", 1.0, 0.12, continuousSlot);
    awaitState(westOffer, "open");
    String eastBid = order(EAST, "buy", 1.5, 0.16, continuousSlot);
    assertPayAsBid(continuousSlot, westOffer, eastBid);

    // 6. Metered delivery of S: the trades are on Kafka (the settlement job's input), then the
    // slot's readings and a clock past its end.
    assertThat(Waits.until(() -> kafkaTrades(AUCTION).size() == 2, DEADLINE, POLL))
        .as("both %s trades on Kafka %s", AUCTION, Topics.MARKET_TRADES.name())
        .isTrue();
    deliver(slot, slotEnd);
    boolean settled =
        Waits.until(
            () -> {
              clock(slotEnd.plusSeconds(60));
              return settlementsIn(slot).size() == 3 && financeRows(slot, "building").size() == 3;
            },
            DEADLINE,
            Duration.ofMillis(500));
    assertThat(settled).as("three settlements and building rows of %s", slot).isTrue();
    LOG.info("{} settled; {} s before the gate (wall clock)", slot, secondsBefore(gate));
    assertSettlements(slot);
    assertFinance(slot);

    // 7. Once the wall clock passes the gate, the API refuses S with the market's own gate.
    assertThat(Waits.until(() -> Instant.now().isAfter(gate), GATE_AHEAD.plusSeconds(5), POLL))
        .isTrue();
    HttpResponse<String> closed =
        post("/api/v1/p2p/transactions", orderBody(BUYER, "buy", 1, 0.3, slot));
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(422);
    JsonNode problem = Json.MAPPER.readTree(closed.body());
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("delivery_start");
    assertThat(closed.body()).contains("closed at " + gate);
  }

  // ---- the steps' assertions

  private void assertClearing(
      Instant slot,
      String sellCheap,
      String sellDear,
      String buyerBid,
      String thirdBid,
      String cancelled)
      throws Exception {
    String prefix = AUCTION + "-" + slot.getEpochSecond() + "-";
    // through the API (trades and clearing reach InfluxDB through separate sinks)
    List<JsonNode> list = awaitList("/api/v1/p2p/trades?market=" + AUCTION, 2);
    assertThat(list)
        .extracting(
            t -> t.get("id").asText(),
            t -> t.get("slot").asText(),
            t -> t.get("buy_order_id").asText(),
            t -> t.get("sell_order_id").asText(),
            t -> t.get("buyer").asText(),
            t -> t.get("seller").asText(),
            t -> t.get("energy_kwh").asDouble(),
            t -> t.get("mode").asText())
        .containsExactlyInAnyOrder(
            tuple(
                prefix + "1",
                slot.toString(),
                buyerBid,
                sellCheap,
                BUYER,
                SELLER,
                1.0,
                "pay_as_clear"),
            tuple(
                prefix + "2",
                slot.toString(),
                thirdBid,
                sellCheap,
                THIRD,
                SELLER,
                1.0,
                "pay_as_clear"));
    assertThat(list)
        .allSatisfy(
            t -> {
              assertThat(t.get("price_eur_per_kwh").asDouble()).isCloseTo(PRICE, within(EPS));
              assertThat(t.get("amount_eur").asDouble()).isCloseTo(PRICE, within(EPS));
            });

    // InfluxDB: market_trades (slot start + sequence in ms) and market_clearing
    List<Map<String, JsonNode>> rows =
        InfluxExtension.rows(
            INFLUX.awaitQuery(
                db,
                "SELECT * FROM market_trades WHERE market = '" + AUCTION + "'",
                a -> InfluxExtension.rows(a).size() >= 2,
                DEADLINE));
    assertThat(rows)
        .extracting(
            r -> Instant.parse(r.get("time").asText()),
            r -> r.get("trade_id").asText(),
            r -> r.get("buyer").asText(),
            r -> r.get("seller").asText(),
            r -> r.get("energy_kwh").asDouble())
        .containsExactly(
            tuple(slot.plusMillis(1), prefix + "1", BUYER, SELLER, 1.0),
            tuple(slot.plusMillis(2), prefix + "2", THIRD, SELLER, 1.0));
    assertThat(rows)
        .allSatisfy(
            r -> assertThat(r.get("price_eur_per_kwh").asDouble()).isCloseTo(PRICE, within(EPS)));
    Map<String, JsonNode> clearing =
        single("SELECT * FROM market_clearing WHERE market = '" + AUCTION + "'");
    assertThat(Instant.parse(clearing.get("time").asText())).isEqualTo(slot);
    assertThat(clearing.get("mode").asText()).isEqualTo("pay_as_clear");
    assertThat(clearing.get("price_eur_per_kwh").asDouble()).isCloseTo(PRICE, within(EPS));
    assertThat(clearing.get("volume_kwh").asDouble()).isCloseTo(VOLUME, within(EPS));
    // the cancelled bid took no part: 2 bids, 2 offers, 3 participants
    assertThat(clearing.get("orders").asLong()).isEqualTo(4);
    assertThat(clearing.get("bids").asLong()).isEqualTo(2);
    assertThat(clearing.get("offers").asLong()).isEqualTo(2);
    assertThat(clearing.get("trades").asLong()).isEqualTo(2);
    assertThat(clearing.get("participants").asLong()).isEqualTo(3);

    // the market's status names the clearing
    JsonNode[] status = new JsonNode[1];
    assertThat(
            Waits.until(
                () -> {
                  status[0] = getJson("/api/v1/p2p/market/status?market=" + AUCTION);
                  return !status[0].path("last_clearing").isNull()
                      && !status[0].path("last_clearing").isMissingNode();
                },
                DEADLINE,
                POLL))
        .as("last clearing in the market status")
        .isTrue();
    JsonNode last = status[0].get("last_clearing");
    assertThat(last.get("slot").asText()).isEqualTo(slot.toString());
    assertThat(last.get("price_eur_per_kwh").asDouble()).isCloseTo(PRICE, within(EPS));
    assertThat(last.get("volume_kwh").asDouble()).isCloseTo(VOLUME, within(EPS));

    // the orders' final states through the API
    assertOrder(awaitState(buyerBid, "filled"), 1.0, 0.0, PRICE);
    assertOrder(awaitState(sellCheap, "filled"), 2.0, 0.0, PRICE);
    assertOrder(awaitState(thirdBid, "expired"), 1.0, 1.0, PRICE);
    assertOrder(awaitState(sellDear, "expired"), 0.0, 1.5, null);
    assertOrder(awaitState(cancelled, "cancelled"), 0.0, 3.0, null);
    JsonNode listed = getJson("/api/v1/p2p/orders?market=" + AUCTION + "&state=expired");
    assertThat(listed.findValuesAsText("id")).containsExactlyInAnyOrder(thirdBid, sellDear);
  }

  private void assertPayAsBid(Instant slot, String westOffer, String eastBid) throws Exception {
    // filled on arrival: the trade shows through the API while the slot's gate is an hour away
    assertOrder(awaitState(westOffer, "filled"), 1.0, 0.0, 0.16);
    assertOrder(awaitState(eastBid, "partially_filled"), 1.0, 0.5, 0.16);
    assertThat(awaitList("/api/v1/p2p/trades?market=" + CONTINUOUS, 1))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.get("id").asText())
                  .isEqualTo(CONTINUOUS + "-" + slot.getEpochSecond() + "-1");
              assertThat(t.get("buy_order_id").asText()).isEqualTo(eastBid);
              assertThat(t.get("sell_order_id").asText()).isEqualTo(westOffer);
              assertThat(t.get("buyer").asText()).isEqualTo(EAST);
              assertThat(t.get("seller").asText()).isEqualTo(WEST);
              assertThat(t.get("energy_kwh").asDouble()).isCloseTo(1.0, within(EPS));
              // pay-as-bid: the bid's limit, not the offer's 0.12
              assertThat(t.get("price_eur_per_kwh").asDouble()).isCloseTo(0.16, within(EPS));
              assertThat(t.get("mode").asText()).isEqualTo("pay_as_bid");
            });
    // no gate closure happened: the rest of the bid still rests in the book, nothing cleared
    JsonNode book = getJson("/api/v1/p2p/market/status?market=" + CONTINUOUS).get("open_slots");
    List<JsonNode> slots = new ArrayList<>();
    book.forEach(slots::add);
    assertThat(slots)
        .filteredOn(s -> s.get("slot").asText().equals(slot.toString()))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("bids").get("count").asInt()).isEqualTo(1);
              assertThat(s.get("bids").get("energy_kwh").asDouble()).isCloseTo(0.5, within(EPS));
              assertThat(s.get("offers").get("count").asInt()).isZero();
            });
    assertThat(
            InfluxExtension.rows(
                INFLUX.query(
                    db, "SELECT * FROM market_clearing WHERE market = '" + CONTINUOUS + "'")))
        .isEmpty();
  }

  /**
   * Settlements by hand (flat 0.30 import, 0.05 feed-in; deviation = metered − (bought − sold)):
   *
   * <ul>
   *   <li>seller: net −6 kW × ¼ h = −1.5 kWh (export); sold 2.0 → deviation +0.5 at 0.30 = 0.15;
   *       received 0.28; net −0.13; grid only −1.5 × 0.05 = −0.075; savings 0.055.
   *   <li>buyer: +1.5 kWh; bought 1.0 → deviation +0.5 → 0.15; paid 0.14; net 0.29; grid only 0.45;
   *       savings 0.16.
   *   <li>third: +0.5 kWh; bought 1.0 → deviation −0.5 fed in at 0.05 → −0.025; paid 0.14; net
   *       0.115; grid only 0.15; savings 0.035.
   * </ul>
   */
  private void assertSettlements(Instant slot) throws Exception {
    Map<String, double[]> expected =
        Map.of(
            // bought, sold, paid, received, metered, deviation, deviation €, net, grid only,
            // savings
            SELLER, new double[] {0, 2.0, 0, 0.28, -1.5, 0.5, 0.15, -0.13, -0.075, 0.055},
            BUYER, new double[] {1.0, 0, 0.14, 0, 1.5, 0.5, 0.15, 0.29, 0.45, 0.16},
            THIRD, new double[] {1.0, 0, 0.14, 0, 0.5, -0.5, -0.025, 0.115, 0.15, 0.035});
    String[] fields = {
      "bought_kwh",
      "sold_kwh",
      "paid_eur",
      "received_eur",
      "metered_net_kwh",
      "deviation_kwh",
      "deviation_eur",
      "net_cost_eur",
      "grid_only_cost_eur",
      "savings_eur"
    };
    // through the API …
    List<JsonNode> viaApi = settlementsIn(slot);
    assertThat(viaApi)
        .extracting(s -> s.get("building").asText())
        .containsExactlyInAnyOrder(SELLER, BUYER, THIRD);
    for (JsonNode s : viaApi) {
      double[] want = expected.get(s.get("building").asText());
      assertThat(s.get("market").asText()).isEqualTo(AUCTION);
      assertThat(s.get("metered_share").asDouble()).isCloseTo(1.0, within(EPS));
      for (int i = 0; i < fields.length; i++) {
        assertThat(s.get(fields[i]).asDouble())
            .as("%s %s (API)", s.get("building").asText(), fields[i])
            .isCloseTo(want[i], within(EPS));
      }
    }
    // … and in InfluxDB
    for (Map.Entry<String, double[]> e : expected.entrySet()) {
      Map<String, JsonNode> row =
          single(
              "SELECT * FROM settlements WHERE building = '"
                  + e.getKey()
                  + "' AND time = '"
                  + slot
                  + "'");
      assertThat(row.get("market").asText()).isEqualTo(AUCTION);
      for (int i = 0; i < fields.length; i++) {
        assertThat(row.get(fields[i]).asDouble())
            .as("%s %s (InfluxDB)", e.getKey(), fields[i])
            .isCloseTo(e.getValue()[i], within(EPS));
      }
    }
    // the market's payments balance, also on Kafka
    List<Settlement> onKafka =
        KAFKA.consume(Topics.SETTLEMENTS.name(), Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
            .map(r -> parse(r.value(), Settlement.class))
            .filter(s -> s.slot().equals(slot))
            .toList();
    assertThat(onKafka)
        .extracting(Settlement::building)
        .containsExactlyInAnyOrder(SELLER, BUYER, THIRD);
    double paid = onKafka.stream().mapToDouble(Settlement::paidEur).sum();
    double received = onKafka.stream().mapToDouble(Settlement::receivedEur).sum();
    assertThat(paid).isCloseTo(PRICE * VOLUME, within(EPS)).isCloseTo(received, within(EPS));
  }

  /**
   * Building rows by hand: energies over ¼ h, costs at the flat tariff, CO2 of the import not
   * covered by P2P purchases at 200 g/kWh (the buyer bought 1.0 of its 1.5 kWh import: 0.1 kg).
   */
  private void assertFinance(Instant slot) {
    Map<String, double[]> expected =
        Map.of(
            // consumption, generation, import, export, energy cost, feed-in, p2p paid,
            // p2p received, net cost, co2, co2 without p2p, co2 without pv
            SELLER, new double[] {0.25, 1.75, 0, 1.5, 0, 0.075, 0, 0.28, -0.13, 0, 0, 0.05},
            BUYER, new double[] {1.5, 0, 1.5, 0, 0.45, 0, 0.14, 0, 0.29, 0.1, 0.3, 0.3},
            THIRD, new double[] {0.5, 0, 0.5, 0, 0.15, 0, 0.14, 0, 0.115, 0, 0.1, 0.1});
    String[] fields = {
      "consumption_kwh",
      "generation_kwh",
      "import_kwh",
      "export_kwh",
      "energy_cost_eur",
      "feed_in_revenue_eur",
      "p2p_paid_eur",
      "p2p_received_eur",
      "net_cost_eur",
      "co2_kg",
      "co2_without_p2p_kg",
      "co2_without_pv_kg"
    };
    for (Map<String, JsonNode> row : financeRows(slot, "building")) {
      String building = row.get("building").asText();
      double[] want = expected.get(building);
      assertThat(want).as("a building row of %s", building).isNotNull();
      assertThat(row.get("metered_share").asDouble()).isCloseTo(1.0, within(EPS));
      for (int i = 0; i < fields.length; i++) {
        assertThat(row.get(fields[i]).asDouble())
            .as("%s %s", building, fields[i])
            .isCloseTo(want[i], within(EPS));
      }
    }
    // the seller's room: its meters' net export priced at the feed-in price
    Map<String, JsonNode> room =
        single(
            "SELECT * FROM building_finance WHERE scope = 'room' AND room = '"
                + SELLER
                + "-main' AND time = '"
                + slot
                + "'");
    assertThat(room.get("building").asText()).isEqualTo(SELLER);
    assertThat(room.get("export_kwh").asDouble()).isCloseTo(1.5, within(EPS));
    assertThat(room.get("net_cost_eur").asDouble()).isCloseTo(-1.5 * EXPORT, within(EPS));
  }

  private static long secondsBefore(Instant t) {
    return Duration.between(Instant.now(), t).toSeconds();
  }

  private static void assertOrder(JsonNode o, double filled, double remaining, Double avgPrice) {
    assertThat(o.get("filled_kwh").asDouble()).as("filled of %s", o).isCloseTo(filled, within(EPS));
    assertThat(o.get("remaining_kwh").asDouble())
        .as("remaining of %s", o)
        .isCloseTo(remaining, within(EPS));
    if (avgPrice == null) {
      assertThat(o.get("average_price_eur_per_kwh").isNull()).as("no price: %s", o).isTrue();
    } else {
      assertThat(o.get("average_price_eur_per_kwh").asDouble())
          .as("average price of %s", o)
          .isCloseTo(avgPrice, within(EPS));
    }
  }

  // ---- servers and registry

  private void start(Path dir) throws Exception {
    KAFKA.createStandardTopics(1);
    db = INFLUX.freshDatabase();
    Map<String, String> vars = new HashMap<>();
    vars.put(CommonOptions.KAFKA_BOOTSTRAP.name(), KAFKA.bootstrapServers());
    vars.put(CommonOptions.INFLUX_URL.name(), INFLUX.url());
    vars.put(CommonOptions.INFLUX_DB.name(), db);
    vars.put(CommonOptions.DATA_DIR.name(), dir.resolve("api").toString());
    vars.put(ApiConfig.PORT, "0");
    vars.put(JobsConfig.CHECKPOINT_INTERVAL, "2s");
    vars.put(JobsConfig.MAX_OUT_OF_ORDERNESS, "1s");
    vars.put(JobsConfig.SOURCE_IDLENESS, "2s");
    // The test drives event time up to a slot's end + 60 s, ~35 minutes ahead of the wall clock
    // (an accelerated clock): readings that far ahead must advance the watermark here.
    vars.put(JobsOptions.MAX_EVENT_TIME_AHEAD.name(), "2h");
    JobsConfig cfg = JobsConfig.fromEnv(vars);
    flink = LocalFlinkCluster.start(FreePorts.pick(), 4, dir.resolve("flink"));
    flink.submit(
        MarketJobConfig.JOB_NAME,
        cfg.checkpointInterval(),
        env -> MarketJob.wireFromConfig(env, cfg, vars));
    flink.submit(
        SettlementJobConfig.JOB_NAME,
        cfg.checkpointInterval(),
        env -> SettlementJob.wireFromConfig(env, cfg, vars));
    api = ApiApp.start(ApiConfig.fromEnv(vars), vars);
    token = Files.readString(api.adminTokenFile(), StandardCharsets.UTF_8).trim();
    producer = KAFKA.producer();
  }

  private void building(String id, String market) throws Exception {
    expect(
        201,
        post(
            "/api/v1/buildings",
            "{\"id\":\""
                + id
                + "\",\"name\":\""
                + id
                + "\",\"market\":{\"market\":\""
                + market
                + "\",\"agent\":false}}"));
  }

  private void sensor(String id, String room, String type) throws Exception {
    expect(
        201,
        post(
            "/api/v1/sensors",
            "{\"sensor_id\":\""
                + id
                + "\",\"room\":\""
                + room
                + "\",\"sensor_type\":\""
                + type
                + "\"}"));
  }

  // ---- orders

  /** The JSON of {@code POST /api/v1/p2p/transactions} (also used by GrafanaDashboardsITCase). */
  static String orderBody(String building, String side, double kwh, double price, Instant slot)
      throws Exception {
    return Json.MAPPER.writeValueAsString(
        Map.of(
            "building", building,
            "side", side,
            "energy_kwh", kwh,
            "price_eur_per_kwh", price,
            "delivery_start", slot.toString()));
  }

  /** Places an order through the API; returns its id. */
  private String order(String building, String side, double kwh, double price, Instant slot)
      throws Exception {
    HttpResponse<String> r =
        post("/api/v1/p2p/transactions", orderBody(building, side, kwh, price, slot));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode accepted = Json.MAPPER.readTree(r.body());
    assertThat(accepted.get("status").asText()).isEqualTo("pending");
    return accepted.get("id").asText();
  }

  /** Polls {@code GET /p2p/orders/{id}} until its state is {@code state}; returns the order. */
  private JsonNode awaitState(String id, String state) {
    JsonNode[] last = new JsonNode[1];
    boolean reached =
        Waits.until(
            () -> {
              last[0] = getJson("/api/v1/p2p/orders/" + id);
              return state.equals(last[0].path("state").asText());
            },
            DEADLINE,
            POLL);
    assertThat(reached).as("order %s %s; last seen %s", id, state, last[0]).isTrue();
    return last[0];
  }

  // ---- readings

  /** Moves event time to {@code at}: a temperature reading, which meters no energy. */
  private void clock(Instant at) {
    send(
        Topics.READINGS.name(),
        CLOCK,
        new SensorReading(
            CLOCK, at, null, SensorType.TEMPERATURE, null, null, null, 21.0, null, null, null, at));
  }

  /** Constant power of every meter from {@code from} to {@code to} inclusive, every 30 s. */
  private void deliver(Instant from, Instant to) {
    for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(30)) {
      for (SensorReading r :
          List.of(
              power(SELLER, "-meter", SensorType.POWER, SELLER_LOAD_W, t),
              power(SELLER, "-pv", SensorType.PV, SELLER_PV_W, t),
              power(BUYER, "-meter", SensorType.POWER, BUYER_LOAD_W, t),
              power(THIRD, "-meter", SensorType.POWER, THIRD_LOAD_W, t))) {
        send(Topics.READINGS.name(), r.sensorId(), r);
      }
    }
  }

  /** A power reading of {@code building}'s sensor {@code <building><suffix>} in its main room. */
  private static SensorReading power(
      String building, String suffix, SensorType type, double watts, Instant t) {
    return new SensorReading(
        building + suffix,
        t,
        building + "-main",
        type,
        null,
        watts,
        null,
        null,
        null,
        null,
        null,
        t);
  }

  private void send(String topic, String key, Object value) {
    try {
      producer
          .send(new ProducerRecord<>(topic, key, Json.MAPPER.writeValueAsString(value)))
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not send to " + topic, e);
    }
  }

  // ---- reads

  /** Polls {@code path} (a JSON array) until it has {@code size} elements; returns them. */
  private List<JsonNode> awaitList(String path, int size) {
    List<JsonNode> items = new ArrayList<>();
    boolean complete =
        Waits.until(
            () -> {
              items.clear();
              getJson(path).forEach(items::add);
              return items.size() >= size;
            },
            DEADLINE,
            POLL);
    assertThat(complete).as("%d items from %s; got %s", size, path, items).isTrue();
    return items;
  }

  private List<JsonNode> settlementsIn(Instant slot) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode s :
        getJson(
            "/api/v1/p2p/settlements?from="
                + enc(slot.toString())
                + "&to="
                + enc(slot.plus(MarketSpec.SLOT).toString()))) {
      out.add(s);
    }
    return out;
  }

  private List<Map<String, JsonNode>> financeRows(Instant slot, String scope) {
    return InfluxExtension.rows(
        INFLUX.query(
            db,
            "SELECT * FROM building_finance WHERE scope = '"
                + scope
                + "' AND time = '"
                + slot
                + "'"));
  }

  private List<MarketTrade> kafkaTrades(String market) {
    return KAFKA
        .consume(Topics.MARKET_TRADES.name(), Integer.MAX_VALUE, Duration.ofSeconds(2))
        .stream()
        .map(r -> parse(r.value(), MarketTrade.class))
        .filter(t -> t.market().equals(market))
        .toList();
  }

  private Map<String, JsonNode> single(String query) {
    List<Map<String, JsonNode>> rows = InfluxExtension.rows(INFLUX.query(db, query));
    assertThat(rows).as(query).hasSize(1);
    return rows.get(0);
  }

  private static <T> T parse(String json, Class<T> type) {
    try {
      return Json.MAPPER.readValue(json, type);
    } catch (Exception e) {
      throw new AssertionError("not a " + type.getSimpleName() + ": " + json, e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---- HTTP

  private static void expect(int status, HttpResponse<String> r) {
    assertThat(r.statusCode()).as("%s → %s", r.request().uri(), r.body()).isEqualTo(status);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> put(String path, String body) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private JsonNode getJson(String path) {
    try {
      HttpResponse<String> r = send(request(path).GET());
      assertThat(r.statusCode()).as("GET %s → %s", path, r.body()).isEqualTo(200);
      return Json.MAPPER.readTree(r.body());
    } catch (Exception e) {
      throw new IllegalStateException("GET " + path, e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(api.baseUri().resolve(path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
