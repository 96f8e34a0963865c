package io.voltstream.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.auth.Role;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.FlexibilityReport;
import io.voltstream.model.Json;
import io.voltstream.model.Topics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's flexibility panel end to end on an emulated phone screen (390 × 844): real Kafka
 * and influxd, the API, headless Chromium. An operator's page shows the building's and rooms'
 * current flexibility from InfluxDB, follows a report pushed over the {@code flexibility} stream,
 * and the panel fits the screen without horizontal scrolling.
 */
class FlexibilityPanelE2EITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void shouldShowCurrentFlexibilityAndFollowTheLiveStreamOnAPhone() throws Exception {
    KAFKA.createStandardTopics(2);
    String db = INFLUX.freshDatabase();
    Instant at = Instant.now().minusSeconds(5);
    var m = Schema.FLEXIBILITY;
    INFLUX.write(
        db,
        LinePoint.of(m)
                .tag(m.building, "hq")
                .tag(m.scope, "building")
                .tag(m.id, "hq")
                .tag(m.room, Schema.Flexibility.NO_ROOM)
                .field(m.upNowKw, 12.4)
                .field(m.downNowKw, 6.5)
                .field(m.upHourKw, 12.4)
                .field(m.downHourKw, 4.35)
                .time(at)
                .toLine()
            + "\n"
            + LinePoint.of(m)
                .tag(m.building, "hq")
                .tag(m.scope, "room")
                .tag(m.id, "kitchen")
                .tag(m.room, "kitchen")
                .field(m.upNowKw, 0.0)
                .field(m.downNowKw, 1.5)
                .field(m.upHourKw, 0.0)
                .field(m.downHourKw, 0.75)
                .time(at)
                .toLine());

    ApiConfig config = DashboardData.apiConfig(KAFKA.bootstrapServers(), INFLUX.url(), db);
    ApiDependencies deps = ApiDependencies.inMemory(config, Clock.systemUTC());
    ApiServer server =
        new ApiServer(
            deps.withQueryConfig(QueryConfig.defaults())
                .withInflux(new InfluxClient(URI.create(INFLUX.url()), db)::query)
                .withLiveFeed(KAFKA.bootstrapServers()));
    Javalin app = server.app().start("127.0.0.1", 0);
    try {
      String token =
          deps.jwt().issue("dash-op", Role.OPERATOR, List.of(), Duration.ofHours(1)).token();
      assertThat(server.feed().orElseThrow().awaitAssigned(Duration.ofSeconds(15))).isTrue();
      try (KafkaProducer<String, String> producer = KAFKA.producer();
          HeadlessChromium browser =
              new HeadlessChromium("http://127.0.0.1:" + app.port() + "/#token=" + token, WAIT)) {
        browser.emulatePhone(390, 844);
        String buildingDown =
            "(document.querySelector('[data-flex-building=\"hq\"] [data-field=\"down_now_kw\"]')"
                + " || {}).textContent";
        assertThat(Waits.until(() -> "6.50".equals(text(browser, buildingDown)), WAIT))
            .as("building card: %s", text(browser, buildingDown))
            .isTrue();
        assertThat(
                text(
                    browser,
                    "document.querySelector('[data-flex-building=\"hq\"]"
                        + " [data-field=\"down_hour_kw\"]').textContent"))
            .isEqualTo("4.35");
        assertThat(
                text(
                    browser,
                    "document.querySelector('tr[data-flex-room=\"kitchen\"]"
                        + " td[data-field=\"down_now_kw\"]').textContent"))
            .isEqualTo("1.50");

        // a newer report over the stream replaces the figures (publish until the page shows it:
        // it subscribes once loaded)
        assertThat(
                Waits.until(
                    () -> {
                      publish(producer, 3.25);
                      return "3.25".equals(text(browser, buildingDown));
                    },
                    WAIT))
            .as("live building card: %s", text(browser, buildingDown))
            .isTrue();

        // phone-sized: the panel is within the 390 px screen and needs no horizontal scrolling
        String geometry =
            text(
                browser,
                "JSON.stringify({w: window.innerWidth, r: document.getElementById('flexibility')"
                    + ".getBoundingClientRect().right, s: document.querySelector('#flexibility"
                    + " .scroll').scrollWidth, c: document.querySelector('#flexibility"
                    + " .scroll').clientWidth})");
        assertThat(
                evaluateBoolean(
                    browser,
                    "window.innerWidth <= 400 && document.getElementById('flexibility')"
                        + ".getBoundingClientRect().right <= window.innerWidth"))
            .as(geometry)
            .isTrue();
        assertThat(
                evaluateBoolean(
                    browser,
                    "(() => { const s = document.querySelector('#flexibility .scroll');"
                        + " return s.scrollWidth <= s.clientWidth; })()"))
            .as(geometry)
            .isTrue();
      }
    } finally {
      app.stop();
      server.close();
    }
  }

  private static void publish(KafkaProducer<String, String> producer, double downNowKw) {
    try {
      FlexibilityReport r =
          new FlexibilityReport(
              FlexibilityReport.Scope.BUILDING,
              "hq",
              "hq",
              null,
              Instant.now(),
              12.4,
              downNowKw,
              12.4,
              2.0,
              null,
              null);
      producer
          .send(
              new ProducerRecord<>(
                  Topics.FLEXIBILITY.name(), "hq", Json.MAPPER.writeValueAsString(r)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(HeadlessChromium browser, String js) {
    try {
      return browser.evaluate(js).asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean evaluateBoolean(HeadlessChromium browser, String js) throws Exception {
    return browser.evaluate(js).asBoolean();
  }
}
