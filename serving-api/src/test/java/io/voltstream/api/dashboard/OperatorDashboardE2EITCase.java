package io.voltstream.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.auth.Role;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.market.MarketMembership;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.Topics;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrInvitation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator's dashboard as a whole, end to end: real Kafka and influxd holding what the jobs and
 * the forecast service write, one API, the page in headless Chromium. Covers the forecast-against-
 * actual panel (measured hours summed over the building's rooms, the stored forecast with its
 * accuracy, a live run with a P10–P90 band), the events panel's bound and order under a burst of
 * live events, and the whole page with every panel filled on a phone (390 × 844: panels stacked, no
 * horizontal scrolling) and a desktop (two columns).
 *
 * <p>With {@code -Dvoltstream.screenshots=<dir>} the phone and desktop tests also write {@code
 * dashboard-phone.png} and {@code dashboard-desktop.png} there (the README's screenshots).
 */
class OperatorDashboardE2EITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final String HOME = "home-east";
  private static final String OFFICE = "office-west";
  private static final String SCREENSHOTS = System.getProperty("voltstream.screenshots", "");

  private static Instant origin;
  private static ApiDependencies deps;
  private static ApiServer server;
  private static Javalin app;
  private static KafkaProducer<String, String> producer;

  @BeforeAll
  static void start() throws Exception {
    KAFKA.createStandardTopics(2);
    String db = INFLUX.freshDatabase();
    origin = Instant.now().truncatedTo(ChronoUnit.HOURS);
    // measured: a day's shape per room (kitchen and living consume, living's roof generates), in
    // one-minute windows from 26 h ago to now
    Instant from = origin.minus(HOUR.multipliedBy(26));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    INFLUX.write(
        db,
        DashboardData.roomMinutes(
            HOME, "kitchen", from, now, OperatorDashboardE2EITCase::kitchenKwh, h -> 0));
    INFLUX.write(
        db,
        DashboardData.roomMinutes(
            HOME,
            "living",
            from,
            now,
            OperatorDashboardE2EITCase::livingKwh,
            OperatorDashboardE2EITCase::pvKwh));
    INFLUX.write(
        db,
        DashboardData.roomMinutes(
            OFFICE, "office", from, now, OperatorDashboardE2EITCase::officeKwh, h -> 0));
    // the stored run covers the hour before and after the next 24, so the API's 24 h window is
    // full whichever hour the page asks in
    INFLUX.write(
        db,
        DashboardData.consumptionForecast(
            HOME,
            "tribuo-gbt",
            origin.minus(HOUR).plusSeconds(90),
            origin.minus(HOUR),
            27,
            OperatorDashboardE2EITCase::forecastKwh));
    Instant slot = MarketSpec.slotOf(Instant.now()).minus(MarketSpec.SLOT);
    INFLUX.write(db, DashboardData.market(slot, HOME, OFFICE));
    Instant today = MarketSpec.slotOf(Instant.now());
    Instant midnight = LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant();
    INFLUX.write(db, DashboardData.finance(today.isBefore(midnight) ? midnight : today, HOME));
    INFLUX.write(db, DashboardData.finance(today.isBefore(midnight) ? midnight : today, OFFICE));
    INFLUX.write(db, DashboardData.flexibility(Instant.now().minusSeconds(5), HOME, "kitchen"));
    INFLUX.write(
        db,
        storedEvent("stored-1", "rule_fired", "warning", "rule co2-kitchen fired", 900)
            + "\n"
            + storedEvent("stored-2", "battery_low", "critical", "home-battery SoC 9 %", 7200)
            + "\n"
            + storedEvent("stored-3", "rule_cleared", "info", "rule co2-kitchen cleared", 18000));

    ApiConfig config = DashboardData.apiConfig(KAFKA.bootstrapServers(), INFLUX.url(), db);
    deps = ApiDependencies.inMemory(config, Clock.systemUTC());
    MarketMembership member = new MarketMembership(MarketSpec.DEFAULT_ID, true);
    for (String id : List.of(HOME, OFFICE)) {
      deps.registry()
          .createBuilding(new Building(id, id, null, null, null, null, null, null, member));
    }
    deps.registry().putEntry(RegistryKey.market(MarketSpec.DEFAULT_ID), MarketSpec.defaults());
    deps.registry().createRoom(new Room("kitchen", HOME, 12.0));
    deps.registry().createRoom(new Room("living", HOME, 25.0));
    deps.registry().createRoom(new Room("office", OFFICE, 40.0));
    deps.registry()
        .createBattery(new BatterySpec("home-battery", HOME, 10, 5000, 5000, 0.9, 5, 95, 10));
    Instant drStart = Instant.now().plus(HOUR).truncatedTo(ChronoUnit.SECONDS);
    deps.dr()
        .put(
            new DrInvitation(
                "evening-peak",
                null,
                HOME,
                drStart,
                30,
                2.0,
                0.2,
                DrAnswer.OPT_IN,
                "covered by the battery",
                DrInvitation.AUTO_ANSWER,
                Instant.now(),
                null,
                Instant.now(),
                "dash-admin"));
    server =
        new ApiServer(
            deps.withQueryConfig(QueryConfig.defaults())
                .withInflux(new InfluxClient(URI.create(INFLUX.url()), db)::query)
                .withLiveFeed(KAFKA.bootstrapServers()));
    app = server.app().start("127.0.0.1", 0);
    assertThat(server.feed().orElseThrow().awaitAssigned(Duration.ofSeconds(15))).isTrue();
    producer = KAFKA.producer();
  }

  @AfterAll
  static void stop() {
    producer.close();
    app.stop();
    server.close();
  }

  @Test
  void shouldDrawMeasuredHoursAgainstTheStoredForecastAndTheBandOfALiveRun() throws Exception {
    try (HeadlessChromium browser = open(Role.VIEWER)) {
      browser.emulateScreen(1280, 900, false);
      String line = attribute("#forecast-line", "data-points");
      assertThat(Waits.until(() -> "24".equals(text(browser, line)), WAIT))
          .as("forecast points: %s, note: %s", text(browser, line), forecastNote(browser))
          .isTrue();
      assertThat(text(browser, "document.getElementById('forecast-building').value"))
          .isEqualTo(HOME);
      String threeHoursAgo =
          attribute(
              "#forecast-actual rect[data-hour=\""
                  + origin.minus(HOUR.multipliedBy(3)).toString().replace("Z", ".000Z")
                  + "\"]",
              "data-kwh");
      Instant hour3 = origin.minus(HOUR.multipliedBy(3));
      assertThat(Double.parseDouble(text(browser, threeHoursAgo)))
          .as("kitchen + living, the office is another building")
          .isCloseTo(kitchenKwh(hour3) + livingKwh(hour3), within(0.0015));
      assertThat(fact(browser, "model")).isEqualTo("tribuo-gbt");
      assertThat(fact(browser, "nrmse_percent")).isEqualTo("18.4 %");
      assertThat(fact(browser, "skill")).isEqualTo("0.21");
      assertThat(fact(browser, "mae_kwh")).isEqualTo("0.123");
      assertThat(text(browser, "String(document.getElementById('forecast-band') === null)"))
          .as("the stored forecast has no P10/P90: no band")
          .isEqualTo("true");
      assertThat(text(browser, "document.getElementById('forecast-chart').dataset.source"))
          .isEqualTo("stored");

      // generation: measured from the same rooms, and no forecast is stored for it
      browser.evaluate(
          "const s = document.getElementById('forecast-target'); s.value = 'generation';"
              + " s.dispatchEvent(new Event('change')); true");
      assertThat(
              Waits.until(
                  () -> forecastNote(browser).contains("no generation forecast stored"), WAIT))
          .as("note: %s", forecastNote(browser))
          .isTrue();
      assertThat(Double.parseDouble(text(browser, threeHoursAgo)))
          .isCloseTo(pvKwh(hour3), within(0.0015));
      assertThat(text(browser, "String(document.getElementById('forecast-line') === null)"))
          .isEqualTo("true");
      assertThat(fact(browser, "model")).isEqualTo("–");

      // back to consumption; a run pushed over Kafka `forecasts` with P10/P90 replaces the
      // stored one and draws the band (publish until the page shows it: it subscribes once loaded)
      browser.evaluate(
          "const t = document.getElementById('forecast-target'); t.value = 'consumption';"
              + " t.dispatchEvent(new Event('change')); true");
      String band = attribute("#forecast-band", "data-points");
      assertThat(
              Waits.until(
                  () -> {
                    publishForecastRun();
                    return "24".equals(text(browser, band));
                  },
                  WAIT))
          .as("band points: %s", text(browser, band))
          .isTrue();
      assertThat(fact(browser, "model")).isEqualTo("live-run");
      assertThat(text(browser, "document.getElementById('forecast-chart').dataset.source"))
          .isEqualTo("live");
      assertThat(fact(browser, "nrmse_percent"))
          .as("the accuracy of the stored runs stays")
          .isEqualTo("18.4 %");
      assertThat(fact(browser, "next_24h_kwh")).isEqualTo("24.00");
    }
  }

  @Test
  void shouldKeepTheNewestHundredLiveEventsNewestFirstWithTheirSeverity() throws Exception {
    try (HeadlessChromium browser = open(Role.OPERATOR)) {
      String first = attribute("#events li", "data-event-id");
      assertThat(Waits.until(() -> "stored-1".equals(text(browser, first)), WAIT))
          .as("stored event: %s", text(browser, first))
          .isTrue();
      // the page subscribes once loaded: publish a probe until it is shown, then the burst
      assertThat(
              Waits.until(
                  () -> {
                    publishEvent("probe", Instant.now(), SystemEvent.Severity.INFO);
                    return "probe".equals(text(browser, first));
                  },
                  WAIT))
          .isTrue();
      Instant t0 = Instant.now();
      for (int i = 1; i <= 105; i++) {
        publishEvent(
            "burst-" + i,
            t0.plusMillis(i),
            i == 105 ? SystemEvent.Severity.CRITICAL : SystemEvent.Severity.WARNING);
      }
      assertThat(Waits.until(() -> "burst-105".equals(text(browser, first)), WAIT))
          .as("newest on top: %s", text(browser, first))
          .isTrue();
      assertThat(text(browser, "String(document.querySelectorAll('#events li').length)"))
          .as("bounded list")
          .isEqualTo("100");
      assertThat(text(browser, "document.querySelector('#events li').className"))
          .isEqualTo("event critical");
      assertThat(text(browser, "document.querySelector('#events li .severity').textContent"))
          .isEqualTo("critical");
      assertThat(
              text(
                  browser,
                  "document.querySelector('#events"
                      + " li:nth-child(2)').getAttribute('data-event-id')"))
          .isEqualTo("burst-104");
      assertThat(
              text(
                  browser,
                  "document.querySelector('#events li:last-child').getAttribute('data-event-id')"))
          .as("the 100 newest are bursts 6..105; the stored events and the probe are older")
          .isEqualTo("burst-6");
    }
  }

  @Test
  void shouldStackEveryPanelWithDataOnAPhoneWithoutHorizontalScrolling() throws Exception {
    try (HeadlessChromium browser = open(Role.ADMIN)) {
      browser.emulatePhone(390, 844);
      awaitEveryPanel(browser);
      String geometry =
          text(
              browser,
              "JSON.stringify({w: window.innerWidth, sw: document.documentElement.scrollWidth,"
                  + " panels: Array.from(document.querySelectorAll('.panel')).map(p => {"
                  + " const r = p.getBoundingClientRect(); return [p.id, Math.round(r.left),"
                  + " Math.round(r.right), Math.round(r.top)]; }),"
                  + " scroll: Array.from(document.querySelectorAll('.scroll'))"
                  + ".filter(e => e.scrollWidth > e.clientWidth).map(e => e.parentElement.id)})");
      assertThat(
              text(
                  browser,
                  "String(window.innerWidth === 390"
                      + " && document.documentElement.scrollWidth <= window.innerWidth)"))
          .as("no horizontal scrolling of the page: %s", geometry)
          .isEqualTo("true");
      assertThat(
              text(
                  browser,
                  "String((() => { const ps = Array.from(document.querySelectorAll('.panel'))"
                      + ".map(p => p.getBoundingClientRect());"
                      + " return ps.length === 8 && ps.every((r, i) => r.left >= 0"
                      + " && r.right <= window.innerWidth && r.left === ps[0].left"
                      + " && (i === 0 || r.top >= ps[i - 1].bottom)); })())"))
          .as("eight panels, one under the other, within the screen: %s", geometry)
          .isEqualTo("true");
      assertThat(
              text(
                  browser,
                  "String(Array.from(document.querySelectorAll('.scroll'))"
                      + ".every(e => e.scrollWidth <= e.clientWidth))"))
          .as("no table scrolls sideways: %s", geometry)
          .isEqualTo("true");
      // the rooms table is one card per room with each value named
      assertThat(
              text(
                  browser,
                  "getComputedStyle(document.querySelector('#rooms-table thead')).display"))
          .isEqualTo("none");
      assertThat(
              text(
                  browser,
                  "document.querySelector('td[data-room=\"kitchen\"][data-metric=\"power_w\"]')"
                      + ".dataset.label"))
          .isEqualTo("Power [W]");
      screenshot(browser, "dashboard-phone.png", 390, true);
    }
  }

  @Test
  void shouldShowEveryPanelWithDataInTwoColumnsOnADesktop() throws Exception {
    try (HeadlessChromium browser = open(Role.ADMIN)) {
      browser.emulateScreen(1400, 900, false);
      awaitEveryPanel(browser);
      String columns =
          "String((() => { const e = document.getElementById('events-panel')"
              + ".getBoundingClientRect(), f = document.getElementById('forecast')"
              + ".getBoundingClientRect(); return e.top === f.top && e.right < f.left"
              + " && document.documentElement.scrollWidth <= window.innerWidth; })())";
      assertThat(text(browser, columns)).as("events and forecast side by side").isEqualTo("true");
      assertThat(
              text(
                  browser,
                  "getComputedStyle(document.querySelector('#rooms-table thead')).display"))
          .isEqualTo("table-header-group");
      screenshot(browser, "dashboard-desktop.png", 1400, false);
    }
  }

  /** Publishes live values until every panel shows data from its source. */
  private static void awaitEveryPanel(HeadlessChromium browser) {
    Map<String, String> filled =
        Map.of(
            "rooms (live reading)",
            "document.querySelector('td[data-room=\"living\"][data-metric=\"power_w\"]')"
                + ".textContent === '180'",
            "batteries (live state)",
            "document.querySelector('td[data-battery=\"home-battery\"]"
                + " [data-field=\"soc_percent\"]').textContent === '72.0 %'",
            "room chart",
            "!!document.querySelector('#chart polyline')",
            "events",
            "document.querySelectorAll('#events li').length > 0",
            "forecast with the band of a live run",
            "!!document.querySelector('#forecast-band')",
            "demand response",
            "!!document.querySelector('tr[data-dr=\"evening-peak\"]')",
            "flexibility",
            "!!document.querySelector('[data-flex-building=\"" + HOME + "\"]')",
            "market",
            "document.querySelector('[data-market-field=\"last_price\"]').textContent === '0.210'",
            "finance",
            "!!document.querySelector('[data-finance-building=\"" + HOME + "\"]')");
    filled.forEach(
        (panel, js) ->
            assertThat(
                    Waits.until(
                        () -> {
                          publishLiveValues();
                          publishForecastRun("tribuo-gbt", OperatorDashboardE2EITCase::forecastKwh);
                          return "true".equals(text(browser, "String(" + js + ")"));
                        },
                        WAIT))
                .as("%s shown", panel)
                .isTrue());
  }

  private static void publishLiveValues() {
    Instant now = Instant.now();
    send(Topics.READINGS.name(), "kitchen-meter", reading("kitchen-meter", "kitchen", 640, now));
    send(Topics.READINGS.name(), "living-meter", reading("living-meter", "living", 180, now));
    send(Topics.READINGS.name(), "office-meter", reading("office-meter", "office", 1450, now));
    send(
        Topics.BATTERY_STATE.name(),
        "home-battery",
        new BatteryTelemetry(
            "home-battery", now, 72.0, 1800, 10.0, 5000.0, 5000.0, 99.0, "charge", null, now));
    Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
    for (String room : List.of("kitchen", "living")) {
      send(
          Topics.ROOM_METRICS.name(),
          room,
          new RoomMetrics(
              room,
              HOME,
              minute.minus(Duration.ofMinutes(1)),
              minute,
              room.equals("kitchen") ? 0.011 : 0.003,
              room.equals("kitchen") ? 640.0 : 180.0,
              room.equals("kitchen") ? 910.0 : 240.0,
              610.0,
              21.6,
              44.0,
              room.equals("living") ? pvKwh(minute) / 60 : 0.0,
              4,
              null));
    }
  }

  private static SensorReading reading(String sensor, String room, double powerW, Instant at) {
    return new SensorReading(
        sensor, at, room, SensorType.MULTI, null, powerW, 610.0, 21.6, 44.0, null, null, at);
  }

  private static void publishEvent(String id, Instant at, SystemEvent.Severity severity) {
    send(
        Topics.EVENTS.name(),
        "kitchen",
        new SystemEvent(
            id,
            at,
            "co2_high",
            severity,
            "kitchen",
            null,
            "CO2 above 1000 ppm in kitchen",
            1120.0,
            1000.0,
            HOME));
  }

  /** A run as the forecast service publishes it: 24 hours of 1 kWh, P10 0.7, P90 1.4. */
  private static void publishForecastRun() {
    publishForecastRun("live-run", h -> 1.0);
  }

  /** A run of {@code model} with P10 = 0.7 × and P90 = 1.4 × its value of each hour. */
  private static void publishForecastRun(String model, ToDoubleFunction<Instant> kwh) {
    ObjectNode run =
        Json.MAPPER
            .createObjectNode()
            .put("building", HOME)
            .put("target", "consumption")
            .put("model_id", model)
            .put("fallback", false)
            .put("issued_at", Instant.now().toString())
            .put("origin", origin.toString());
    ArrayNode values = run.putArray("values");
    // from the page's current hour on, so a run published just after the hour still fills 24
    Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS);
    for (int i = 0; i < 24; i++) {
      Instant hour = first.plus(HOUR.multipliedBy(i));
      double v = kwh.applyAsDouble(hour);
      values
          .addObject()
          .put("hour", hour.toString())
          .put("value_kwh", v)
          .put("p10_kwh", 0.7 * v)
          .put("p90_kwh", 1.4 * v);
    }
    send(Topics.FORECASTS.name(), HOME, run);
  }

  private static String storedEvent(
      String id, String kind, String severity, String message, long secondsAgo) {
    var ev = Schema.EVENTS;
    return LinePoint.of(ev)
        .tag(ev.kind, kind)
        .tag(ev.severity, severity)
        .tag(ev.building, HOME)
        .tag(ev.room, "kitchen")
        .field(ev.message, message)
        .field(ev.value, 1100.0)
        .field(ev.threshold, 1000.0)
        .field(ev.eventId, id)
        .time(Instant.now().minusSeconds(secondsAgo))
        .toLine();
  }

  // A day's shapes by UTC hour: breakfast and dinner peaks, an evening living room, office hours,
  // PV from 6 to 18 h; the forecast is the building's shape 6 % high.
  private static double kitchenKwh(Instant hour) {
    int h = hourOfDay(hour);
    return 0.25 + 0.6 * bump(h, 7.5, 1.5) + 0.9 * bump(h, 19, 2);
  }

  private static double livingKwh(Instant hour) {
    return 0.15 + 0.5 * bump(hourOfDay(hour), 20.5, 2.5);
  }

  private static double pvKwh(Instant hour) {
    int h = hourOfDay(hour);
    return h >= 6 && h <= 18 ? 1.8 * Math.sin(Math.PI * (h - 6) / 12) : 0;
  }

  private static double officeKwh(Instant hour) {
    int h = hourOfDay(hour);
    return 0.3 + (h >= 8 && h <= 17 ? 1.2 : 0);
  }

  private static double forecastKwh(Instant hour) {
    return 1.06 * (kitchenKwh(hour) + livingKwh(hour));
  }

  private static double bump(int h, double centre, double width) {
    return Math.exp(-(h - centre) * (h - centre) / (2 * width * width));
  }

  private static int hourOfDay(Instant t) {
    return t.atZone(ZoneOffset.UTC).getHour();
  }

  private static HeadlessChromium open(Role role) throws Exception {
    String token = deps.jwt().issue("dash-" + role, role, List.of(), HOUR).token();
    return new HeadlessChromium("http://127.0.0.1:" + app.port() + "/#token=" + token, WAIT);
  }

  private static void screenshot(HeadlessChromium browser, String file, int width, boolean phone)
      throws Exception {
    if (!SCREENSHOTS.isBlank()) {
      browser.screenshot(Path.of(SCREENSHOTS).resolve(file), width, phone);
    }
  }

  private static void send(String topic, String key, Object value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, Json.MAPPER.writeValueAsString(value))).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String attribute(String selector, String name) {
    return "(document.querySelector('"
        + selector.replace("'", "\\'")
        + "') || {getAttribute: () => null}).getAttribute('"
        + name
        + "')";
  }

  private static String fact(HeadlessChromium browser, String field) {
    return text(
        browser,
        "document.querySelector('#forecast-facts [data-field=\"" + field + "\"]').textContent");
  }

  private static String forecastNote(HeadlessChromium browser) {
    return text(browser, "document.getElementById('forecast-note').textContent");
  }

  private static String text(HeadlessChromium browser, String js) {
    try {
      return browser.evaluate(js).asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
