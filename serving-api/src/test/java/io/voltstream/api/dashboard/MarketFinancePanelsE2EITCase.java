package io.voltstream.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.auth.Role;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.energy.market.MarketMembership;
import io.voltstream.energy.market.MarketMode;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.influx.InfluxClient;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Topics;
import io.voltstream.model.market.MarketTrade;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's market and finance panels end to end on an emulated phone screen (390 × 844):
 * real Kafka and influxd, the API, headless Chromium. Two community buildings, a cleared slot with
 * its trades and a building's finance rows of today are in InfluxDB. An admin's page shows the last
 * clearing and the trades, adds a trade pushed over the {@code market} stream, and shows the
 * building's day; both panels fit the screen without horizontal scrolling. A viewer's page says the
 * market needs an admin token (the API answers 403) and still shows the finance.
 */
class MarketFinancePanelsE2EITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String HOME = "home-east";
  private static final String OFFICE = "office-west";

  @Test
  void shouldShowTheMarketToAnAdminAndTodaysFinanceToAViewerOnAPhone() throws Exception {
    KAFKA.createStandardTopics(2);
    String db = INFLUX.freshDatabase();
    Instant slot = MarketSpec.slotOf(Instant.now()).minus(MarketSpec.SLOT);
    INFLUX.write(db, DashboardData.market(slot, HOME, OFFICE));
    // today's row: the current slot, from local midnight (as the browser counts) on
    Instant today = MarketSpec.slotOf(Instant.now());
    if (today.isBefore(LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant())) {
      today = LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant();
    }
    INFLUX.write(db, DashboardData.finance(today, HOME));

    ApiConfig config = DashboardData.apiConfig(KAFKA.bootstrapServers(), INFLUX.url(), db);
    ApiDependencies deps = ApiDependencies.inMemory(config, Clock.systemUTC());
    MarketMembership member = new MarketMembership(MarketSpec.DEFAULT_ID, true);
    for (String id : List.of(HOME, OFFICE)) {
      deps.registry()
          .createBuilding(new Building(id, id, null, null, null, null, null, null, member));
    }
    deps.registry().putEntry(RegistryKey.market(MarketSpec.DEFAULT_ID), MarketSpec.defaults());
    ApiServer server =
        new ApiServer(
            deps.withQueryConfig(QueryConfig.defaults())
                .withInflux(new InfluxClient(URI.create(INFLUX.url()), db)::query)
                .withLiveFeed(KAFKA.bootstrapServers()));
    Javalin app = server.app().start("127.0.0.1", 0);
    try {
      String admin =
          deps.jwt().issue("dash-admin", Role.ADMIN, List.of(), Duration.ofHours(1)).token();
      String viewer =
          deps.jwt().issue("dash-viewer", Role.VIEWER, List.of(), Duration.ofHours(1)).token();
      assertThat(server.feed().orElseThrow().awaitAssigned(Duration.ofSeconds(15))).isTrue();
      String base = "http://127.0.0.1:" + app.port();
      try (KafkaProducer<String, String> producer = KAFKA.producer();
          HeadlessChromium browser = new HeadlessChromium(base + "/#token=" + admin, WAIT)) {
        browser.emulatePhone(390, 844);
        shouldShowMarketAndFinance(browser, producer, slot);
        assertFitsThePhone(browser, "market");
        assertFitsThePhone(browser, "finance");
      }
      try (HeadlessChromium browser = new HeadlessChromium(base + "/#token=" + viewer, WAIT)) {
        browser.emulatePhone(390, 844);
        shouldTellAViewerTheMarketNeedsAnAdminAndShowTheFinance(browser);
      }
    } finally {
      app.stop();
      server.close();
    }
  }

  private void shouldShowMarketAndFinance(
      HeadlessChromium browser, KafkaProducer<String, String> producer, Instant slot) {
    String price =
        "(document.querySelector('[data-market-field=\"last_price\"]') || {}).textContent";
    assertThat(Waits.until(() -> "0.210".equals(text(browser, price)), WAIT))
        .as("clearing price shown: %s, note: %s", text(browser, price), note(browser, "market"))
        .isTrue();
    assertThat(
            text(
                browser,
                "document.querySelector('[data-market-field=\"last_volume\"]').textContent"))
        .isEqualTo("1.75");
    String tradeRows =
        "String(document.querySelectorAll('#market-trades tr[data-trade-id]').length)";
    assertThat(Waits.until(() -> "2".equals(text(browser, tradeRows)), WAIT))
        .as("trades listed: %s", text(browser, tradeRows))
        .isTrue();

    // a trade pushed over the market stream is added (publish until the page shows it: it
    // subscribes once loaded)
    String live = "String(!!document.querySelector('#market-trades tr[data-trade-id=\"live-1\"]'))";
    assertThat(
            Waits.until(
                () -> {
                  publishTrade(producer, slot.plus(MarketSpec.SLOT));
                  return "true".equals(text(browser, live));
                },
                WAIT))
        .as("live trade row")
        .isTrue();

    String net =
        "(document.querySelector('[data-finance-building=\""
            + HOME
            + "\"]"
            + " [data-field=\"net_cost_eur\"]') || {}).textContent";
    assertThat(Waits.until(() -> "1.23 €".equals(text(browser, net)), WAIT))
        .as("finance net cost: %s, note: %s", text(browser, net), note(browser, "finance"))
        .isTrue();
    assertThat(
            text(
                browser,
                "document.querySelector('[data-finance-building=\""
                    + HOME
                    + "\"]"
                    + " [data-field=\"co2_without_p2p_kg\"]').textContent"))
        .isEqualTo("0.90 kg");
    assertThat(
            text(
                browser,
                "document.querySelector('[data-finance-building=\""
                    + HOME
                    + "\"]"
                    + " [data-field=\"self_sufficiency_percent\"]').textContent"))
        .isEqualTo("40 %");
  }

  /** Market data is admin only (403 for a viewer): the panel says so; the finance is readable. */
  private void shouldTellAViewerTheMarketNeedsAnAdminAndShowTheFinance(HeadlessChromium browser) {
    String marketNote = "document.getElementById('market-note').textContent";
    assertThat(Waits.until(() -> text(browser, marketNote).contains("admin token"), WAIT))
        .as("market note: %s", text(browser, marketNote))
        .isTrue();
    assertThat(text(browser, "document.getElementById('market-summary').dataset.unavailable"))
        .isEqualTo("403");
    String net =
        "(document.querySelector('[data-finance-building=\""
            + HOME
            + "\"]"
            + " [data-field=\"net_cost_eur\"]') || {}).textContent";
    assertThat(Waits.until(() -> "1.23 €".equals(text(browser, net)), WAIT))
        .as("viewer's finance net cost: %s", text(browser, net))
        .isTrue();
    assertThat(text(browser, "document.getElementById('status').textContent")).isEqualTo("live");
  }

  private static void assertFitsThePhone(HeadlessChromium browser, String section) {
    String geometry =
        text(
            browser,
            "JSON.stringify({w: window.innerWidth, r: document.getElementById('"
                + section
                + "').getBoundingClientRect().right, s: Array.from(document.querySelectorAll('#"
                + section
                + " .scroll')).map(e => [e.scrollWidth, e.clientWidth])})");
    assertThat(
            text(
                browser,
                "String(window.innerWidth <= 400 && document.getElementById('"
                    + section
                    + "').getBoundingClientRect().right <= window.innerWidth"
                    + " && Array.from(document.querySelectorAll('#"
                    + section
                    + " .scroll')).every(e => e.scrollWidth <= e.clientWidth))"))
        .as("%s on a phone: %s", section, geometry)
        .isEqualTo("true");
  }

  private static void publishTrade(KafkaProducer<String, String> producer, Instant slot) {
    try {
      MarketTrade trade =
          new MarketTrade(
              "live-1",
              MarketSpec.DEFAULT_ID,
              slot,
              "b-live",
              "s-live",
              OFFICE,
              HOME,
              0.4,
              0.2,
              MarketMode.PAY_AS_CLEAR,
              Instant.now());
      producer
          .send(
              new ProducerRecord<>(
                  Topics.MARKET_TRADES.name(),
                  MarketSpec.DEFAULT_ID,
                  Json.MAPPER.writeValueAsString(trade)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String note(HeadlessChromium browser, String section) {
    return text(browser, "document.getElementById('" + section + "-note').textContent");
  }

  private static String text(HeadlessChromium browser, String js) {
    try {
      return browser.evaluate(js).asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
