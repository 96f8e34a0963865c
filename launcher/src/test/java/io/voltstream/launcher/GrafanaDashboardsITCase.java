package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.mqttauth.DeviceCredentials;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.forecast.streaming.ForecastConfig;
import io.voltstream.forecast.streaming.ForecastService;
import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Measurement;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.infra.Waits;
import io.voltstream.launcher.deploy.GrafanaPanelRun;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderAction;
import io.voltstream.model.market.OrderOrigin;
import io.voltstream.sim.SimulatorApp;
import io.voltstream.sim.SimulatorConfig;
import io.voltstream.sim.SimulatorOptions;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.clock.AcceleratedClock;
import io.voltstream.sim.mqtt.DeviceLogins;
import io.voltstream.sim.scenario.DemoBatteries;
import io.voltstream.sim.scenario.DemoCommunity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 13 item 3's "Done when": every panel of every provisioned Grafana dashboard returns data
 * written by the real jobs. The stack is the demo's ({@link DemoStack}: in-process KRaft Kafka,
 * real mosquitto and influxd, every job of {@code StreamJobs.ALL} in one MiniCluster, ingest, the
 * API), fed only through its inputs:
 *
 * <ol>
 *   <li>History: the demo community's simulators (sensors, batteries, devices, registry) run from
 *       {@link #HISTORY} ago at {@link #ACCELERATION}× through MQTT and ingest, so the jobs' event
 *       time crosses a day of 15-minute slots (settlement, agents, finance) in about half a minute.
 *       On the way, a reading of a sensor that then falls silent and a burst of late readings go to
 *       Kafka {@code readings}, and two crossing orders of community members to {@code
 *       market-orders} (cleared and settled as the history passes their slot).
 *   <li>The forecast service runs once as of three hours ago, then now: it forecasts from the
 *       history and scores the earlier run's forecasts against the metered hours ({@code
 *       forecast_accuracy}).
 *   <li>Live: the simulators again, at wall-clock speed from now; through the API a battery charge
 *       command, crossing orders in a market whose gate closes {@link #GATE_AHEAD} from now, a
 *       charge command to a registered battery no device answers for, and a DR invitation starting
 *       in seconds; a reading stamped ahead of the clock.
 * </ol>
 *
 * Then every dashboard's variables are resolved by their own queries against influxd and every
 * panel target runs with Grafana's macros substituted ({@link GrafanaPanelRun}); the test polls
 * until each returns data and fails naming the dashboard, panel and query that errs or stays empty.
 */
class GrafanaDashboardsITCase {
  private static final Logger LOG = LoggerFactory.getLogger(GrafanaDashboardsITCase.class);

  /**
   * A day of slots plus the hours the forecast scoring looks back, plus margin: the simulators'
   * clock starts before their devices connect, and on a loaded box that costs up to ~6 h of
   * simulated time with no readings.
   */
  private static final Duration HISTORY = Duration.ofHours(34);

  /** 100 ms wall ticks = 5 simulated minutes: the 34 h take ~41 s. */
  private static final double ACCELERATION = 3000;

  private static final Duration HISTORY_TICK = Duration.ofMillis(100);
  private static final Duration HISTORY_END_BEFORE_NOW = Duration.ofMinutes(3);
  private static final Duration GATE_AHEAD = Duration.ofSeconds(45);
  private static final Duration PANELS_DEADLINE = Duration.ofSeconds(120);
  private static final Duration POLL = Duration.ofMillis(500);
  // generous: eight engineers' builds share two cores, and the API answers slowly under that load
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
  private static final String MARKET = "grafana-it";
  private static final String SELLER = "grafana-seller";
  private static final String BUYER = "grafana-buyer";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void shouldAnswerEveryPanelOfEveryDashboardWithDataTheJobsWrote(@TempDir Path dataDir)
      throws Exception {
    Instant startedAt = Instant.now();
    Map<String, String> env = new HashMap<>();
    env.put("VOLTSTREAM_DATA_DIR", dataDir.toString());
    env.put("VOLTSTREAM_KAFKA_PORT", "0");
    env.put("VOLTSTREAM_MQTT_PORT", "0");
    env.put("VOLTSTREAM_INFLUX_PORT", "0");
    env.put("VOLTSTREAM_API_HOST", "127.0.0.1");
    env.put("VOLTSTREAM_API_PORT", "0");
    try (DemoStack stack = DemoStack.start(env, new DemoStack.Options(false, false, 0, true));
        KafkaProducer<String, String> producer =
            producer(stack.environment().get("VOLTSTREAM_KAFKA_BOOTSTRAP"))) {
      LOG.info("stack up in {} s", seconds(startedAt));
      assertThat(stack.ingest().awaitSubscribed(Duration.ofSeconds(60))).isTrue();
      Optional<DeviceCredentials> accounts = stack.infra().mqttAccounts(stack.lifecycle());
      DeviceLogins logins = accounts.map(DemoStack::issuedLogins).orElse(DeviceLogins.none());
      InfluxClient influx = stack.infra().influxClient();

      runHistory(stack.environment(), logins, producer);
      LOG.info("history published {} s after the start", seconds(startedAt));
      awaitHistoryStored(influx);
      LOG.info("history stored {} s after the start", seconds(startedAt));
      forecastThenScore(stack.environment(), influx);

      try (SimulatorApp.Running live =
          SimulatorApp.start(
              SimulatorConfig.fromEnv(stack.environment()), Clock.systemUTC(), logins)) {
        String token =
            Files.readString(dataDir.resolve("admin.token"), StandardCharsets.UTF_8).trim();
        URI api = stack.api().baseUri();
        chargeABattery(api, token);
        tradeBeforeAGate(api, token);
        commandABatteryThatIsOffline(api, token);
        inviteToDemandResponse(api, token);
        send(producer, probe("grafana-ahead", Instant.now().plus(Duration.ofMinutes(10))));

        GrafanaPanelRun.Result result =
            GrafanaPanelRun.untilAllAnswer(influx, PANELS_DEADLINE, POLL);
        LOG.info(
            "{} panel targets of {} dashboards answered; {} s after the start",
            result.answered(),
            result.dashboards(),
            seconds(startedAt));
        if (!result.problems().isEmpty()) {
          logMarketChain(influx);
        }
        assertThat(result.problems())
            .as("panel targets that err or return nothing (dashboard / panel / refId: why)")
            .isEmpty();
      }
    }
  }

  /**
   * The demo simulators from {@link #HISTORY} ago at {@link #ACCELERATION}×, stopped a few minutes
   * before now; on the way a reading of a sensor that then stays silent (five hours ago) and a
   * burst of readings 15 simulated minutes late (four hours ago).
   */
  private void runHistory(
      Map<String, String> env, DeviceLogins logins, KafkaProducer<String, String> producer)
      throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant start = now.minus(HISTORY);
    Instant end = now.minus(HISTORY_END_BEFORE_NOW);
    Map<String, String> historyEnv = new HashMap<>(env);
    historyEnv.put(SimulatorOptions.START.name(), start.toString());
    historyEnv.put(SimulatorOptions.ACCELERATION.name(), String.valueOf(ACCELERATION));
    historyEnv.put(SimulatorOptions.INTERVAL.name(), HISTORY_TICK.toMillis() + "ms");
    historyEnv.put(SimulatorOptions.BATTERY_STATE_INTERVAL.name(), HISTORY_TICK.toMillis() + "ms");
    // the simulators' own clock, reproduced to know where their event time is
    AcceleratedClock clock = AcceleratedClock.of(Clock.systemUTC(), start, ACCELERATION);
    Instant silentAt = now.minus(Duration.ofHours(5));
    Instant lateAt = now.minus(Duration.ofHours(4));
    Duration budget = Duration.ofNanos((long) (HISTORY.toNanos() / ACCELERATION)).plusSeconds(30);
    try (SimulatorApp.Running history =
        SimulatorApp.start(SimulatorConfig.fromEnv(historyEnv), Clock.systemUTC(), logins)) {
      // in the order of their simulated times: each is written when the history reaches it
      awaitSimulated(clock, now.minus(Duration.ofHours(10)), budget);
      tradeInTheHistory(producer, clock.instant());
      awaitSimulated(clock, silentAt.minus(Duration.ofMinutes(2)), budget);
      send(producer, probe("grafana-silent", silentAt));
      awaitSimulated(clock, lateAt.plus(Duration.ofMinutes(15)), budget);
      for (int i = 0; i < 12; i++) {
        send(producer, probe("grafana-late", lateAt.plusSeconds(i)));
      }
      awaitSimulated(clock, end, budget);
      assertThat(history.failedPublishes()).as("history publishes refused or lost").isZero();
      LOG.info("history: {} readings acknowledged", history.acknowledgedReadings());
    }
  }

  /**
   * Crossing orders of two community members for a slot three simulated hours ahead, written to
   * Kafka {@code market-orders} as the API writes them (the API itself checks the wall clock, which
   * is hours past that slot's gate), submitted at {@code at}, the history's present: the market job
   * clears the slot when the history passes its gate, the settlement job settles it when the
   * history passes its end. Written later in the history, after the market clock passed the gate,
   * they would be rejected ({@code gate closed}) and nothing would be settled.
   */
  private static void tradeInTheHistory(KafkaProducer<String, String> producer, Instant at)
      throws Exception {
    MarketSpec market = DemoCommunity.market();
    Instant slot = MarketSpec.slotOf(at.plus(Duration.ofHours(3)));
    for (var o :
        List.of(
            Map.entry(DemoCommunity.HOME_EAST_ID, OrderSide.SELL),
            Map.entry(DemoCommunity.OFFICE_WEST_ID, OrderSide.BUY))) {
      boolean sell = o.getValue() == OrderSide.SELL;
      MarketOrder order =
          new MarketOrder(
              OrderAction.SUBMIT,
              UUID.randomUUID().toString(),
              market.id(),
              o.getKey(),
              o.getValue(),
              0.5,
              sell ? 0.10 : 0.25,
              slot,
              at,
              "grafana-it",
              OrderOrigin.API,
              null);
      producer
          .send(
              new ProducerRecord<>(
                  Topics.MARKET_ORDERS.name(), market.id(), Json.MAPPER.writeValueAsString(order)))
          .get(10, TimeUnit.SECONDS);
    }
  }

  /**
   * On a failure, what became of the history's orders: their states and reasons ({@code
   * market_orders}), the community market's trades and clearings, and the settlements stored.
   */
  private static void logMarketChain(InfluxClient influx) {
    String market = DemoCommunity.market().id();
    var orders = Schema.MARKET_ORDERS;
    var trades = Schema.MARKET_TRADES;
    for (InfluxQuery q :
        List.of(
            ofTheHistory(orders)
                .text(" AND ")
                .eq(orders.origin, "origin", "api")
                .text(" AND ")
                .eq(orders.market, "market", market),
            ofTheHistory(trades).text(" AND ").eq(trades.market, "market", market),
            ofTheHistory(Schema.MARKET_CLEARING),
            ofTheHistory(Schema.SETTLEMENTS))) {
      try {
        LOG.warn("{}:{}{}", q.render(), System.lineSeparator(), influx.query(q));
      } catch (RuntimeException e) {
        LOG.warn("{}: {}", q.render(), e.toString());
      }
    }
  }

  /** Every point of {@code m} since the history started. */
  private static InfluxQuery ofTheHistory(Measurement m) {
    return InfluxQuery.of("SELECT * FROM ")
        .from(m)
        .text(" WHERE time > now() - ")
        .duration(HISTORY.plusHours(2));
  }

  private static void awaitSimulated(AcceleratedClock clock, Instant at, Duration timeout) {
    assertThat(Waits.until(() -> !clock.instant().isBefore(at), timeout, Duration.ofMillis(10)))
        .as("simulated clock at %s", at)
        .isTrue();
  }

  /** The room job has aggregated the history up to its last half hour. */
  private static void awaitHistoryStored(InfluxClient influx) {
    Instant recent = Instant.now().minus(HISTORY_END_BEFORE_NOW).minus(Duration.ofMinutes(30));
    boolean stored =
        Waits.until(
            () -> {
              List<Series> answer =
                  influx.query(
                      InfluxQuery.of(
                          "SELECT count(sample_count) FROM room_metrics WHERE time >= '"
                              + recent
                              + "'"));
              return !answer.isEmpty() && !answer.get(0).values().isEmpty();
            },
            Duration.ofSeconds(90),
            POLL);
    assertThat(stored).as("room_metrics of the history's last half hour").isTrue();
  }

  /**
   * The forecast service as it would have run three hours ago (forecasts for the hours since), then
   * now: the second run scores the first one's hours against the metered history.
   */
  private static void forecastThenScore(Map<String, String> env, InfluxClient influx) {
    ForecastConfig config = ForecastConfig.fromEnv(env);
    Instant earlier = Instant.now().minus(Duration.ofHours(3));
    var past = new ForecastService(config, influx, Clock.fixed(earlier, java.time.ZoneOffset.UTC));
    ForecastService.RunSummary first = past.runOnce();
    ForecastService.RunSummary second =
        new ForecastService(config, influx, Clock.systemUTC()).runOnce();
    LOG.info(
        "forecast runs: as of {}: {}; now: {} batches, accuracy {}; failures {} {}; room_metrics"
            + " hours per building: {}",
        earlier,
        first.batches().stream()
            .map(
                b ->
                    b.building()
                        + "/"
                        + b.target().id()
                        + " "
                        + b.fallbackReason()
                        + " "
                        + b.values().size())
            .toList(),
        second.batches().size(),
        second.accuracy(),
        first.failures(),
        second.failures(),
        influx.query(
            InfluxQuery.of(
                "SELECT count(energy_kwh) FROM room_metrics WHERE time > now() - 27h"
                    + " GROUP BY time(1h), building fill(none)")));
  }

  private void chargeABattery(URI api, String token) throws Exception {
    HttpResponse<String> r =
        call(
            "POST",
            api.resolve("/api/v1/batteries/" + DemoBatteries.MAIN_ID + "/charge"),
            "{\"power_w\":3000,\"duration_s\":120}",
            token);
    assertThat(r.statusCode()).as("POST charge: %s", r.body()).isEqualTo(202);
  }

  /**
   * A battery registered through the API that no device answers for: its charge command times out
   * in the command-status job ({@code command_timeout}, the pipeline dashboard's failures).
   */
  private void commandABatteryThatIsOffline(URI api, String token) throws Exception {
    String battery = "grafana-offline-battery";
    expect(
        201,
        call(
            "POST",
            api.resolve("/api/v1/batteries"),
            "{\"id\":\""
                + battery
                + "\",\"building\":\""
                + BUYER
                + "\",\"capacity_kwh\":5,\"max_charge_w\":2000,\"max_discharge_w\":2000,"
                + "\"round_trip_efficiency\":0.9,\"min_soc_percent\":5,\"max_soc_percent\":95,"
                + "\"reserve_percent\":10}",
            token),
        "POST battery");
    expect(
        202,
        call(
            "POST",
            api.resolve("/api/v1/batteries/" + battery + "/charge"),
            "{\"power_w\":1000,\"duration_s\":60}",
            token),
        "POST charge of the offline battery");
  }

  /**
   * Starts in a few seconds; opted in by hand, as the building's operator would, when the
   * auto-answer declined (right after the history its flexibility is not yet current).
   */
  private void inviteToDemandResponse(URI api, String token) throws Exception {
    Instant start = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    String body =
        String.format(
            Locale.ROOT,
            "{\"building\":\"%s\",\"start\":\"%s\",\"duration_minutes\":5,"
                + "\"requested_kw\":1.0,\"incentive_eur_per_kwh\":0.5}",
            DemoBuilding.BUILDING_ID,
            start);
    HttpResponse<String> r =
        call("POST", api.resolve("/api/v1/demand-response/invitations/send"), body, token);
    assertThat(r.statusCode()).as("POST invitation: %s", r.body()).isEqualTo(201);
    JsonNode invitation = Json.MAPPER.readTree(r.body());
    LOG.info(
        "DR invitation {}: auto-answer {} ({})",
        invitation.path("id").asText(),
        invitation.path("answer").asText(),
        invitation.path("answer_reason").asText());
    if (!"opt_in".equals(invitation.path("answer").asText())) {
      expect(
          200,
          call(
              "POST",
              api.resolve(
                  "/api/v1/demand-response/invitations/"
                      + invitation.path("id").asText()
                      + "/answer"),
              "{\"answer\":\"opt_in\"}",
              token),
          "POST answer");
    }
  }

  /**
   * A pay-as-bid market whose gate for slot S closes {@link #GATE_AHEAD} from now: a bid crossing
   * an offer trades on arrival, and the slot clears once the live readings pass the gate.
   */
  private void tradeBeforeAGate(URI api, String token) throws Exception {
    Instant now = Instant.now();
    Instant slot = MarketSpec.slotOf(now.plus(Duration.ofMinutes(2))).plus(MarketSpec.SLOT);
    long gateSeconds = Duration.between(now.plus(GATE_AHEAD), slot).toSeconds();
    expect(
        200,
        call(
            "PUT",
            api.resolve("/api/v1/p2p/markets/" + MARKET),
            "{\"name\":\"Grafana IT\",\"mode\":\"pay_as_bid\",\"gate_closure_seconds\":"
                + gateSeconds
                + "}",
            token),
        "PUT market");
    for (String building : List.of(SELLER, BUYER)) {
      expect(
          201,
          call(
              "POST",
              api.resolve("/api/v1/buildings"),
              String.format(
                  Locale.ROOT,
                  "{\"id\":\"%s\",\"name\":\"%s\",\"market\":{\"market\":\"%s\",\"agent\":false}}",
                  building,
                  building,
                  MARKET),
              token),
          "POST building");
    }
    String sell = order(api, token, SELLER, "sell", 1.5, 0.12, slot);
    awaitOrderState(api, token, sell, "open");
    order(api, token, BUYER, "buy", 1.0, 0.20, slot);
  }

  private String order(
      URI api, String token, String building, String side, double kwh, double price, Instant slot)
      throws Exception {
    String body = MarketITCase.orderBody(building, side, kwh, price, slot);
    HttpResponse<String> r = call("POST", api.resolve("/api/v1/p2p/transactions"), body, token);
    expect(202, r, "POST order");
    return Json.MAPPER.readTree(r.body()).path("id").asText();
  }

  private void awaitOrderState(URI api, String token, String id, String state) {
    String[] last = {""};
    boolean reached =
        Waits.until(
            () -> {
              try {
                HttpResponse<String> r =
                    call("GET", api.resolve("/api/v1/p2p/orders/" + id), null, token);
                JsonNode order = Json.MAPPER.readTree(r.body());
                last[0] = order.path("state").asText();
                return state.equals(last[0]);
              } catch (Exception e) {
                return false;
              }
            },
            Duration.ofSeconds(30),
            POLL);
    assertThat(reached).as("order %s %s, last %s", id, state, last[0]).isTrue();
  }

  private static void expect(int status, HttpResponse<String> r, String what) {
    assertThat(r.statusCode()).as("%s: %s", what, r.body()).isEqualTo(status);
  }

  private HttpResponse<String> call(String method, URI uri, String body, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(HTTP_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A reading of a sensor the registry does not know, in the demo's kitchen. */
  private static SensorReading probe(String sensorId, Instant at) {
    return new SensorReading(
        sensorId,
        at,
        "kitchen",
        SensorType.MULTI,
        0.001,
        60.0,
        600.0,
        21.0,
        45.0,
        null,
        null,
        Instant.now());
  }

  private static void send(KafkaProducer<String, String> producer, SensorReading r)
      throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                Topics.READINGS.name(), r.sensorId(), Json.MAPPER.writeValueAsString(r)))
        .get(10, TimeUnit.SECONDS);
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  private static String seconds(Instant from) {
    return String.format(
        Locale.ROOT, "%.1f", Duration.between(from, Instant.now()).toMillis() / 1000.0);
  }
}
