package io.voltstream.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.auth.Role;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.influx.InfluxClient;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.Json;
import io.voltstream.model.Room;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.Topics;
import io.voltstream.model.command.Command;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrEventStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard end to end: real Kafka and influxd, the API, and the page in headless Chromium.
 * Readings published to Kafka must show up as live values in the page's DOM, and the room's last
 * hour (from InfluxDB) must be charted; the batteries panel lists the registered battery and shows
 * its state pushed over the {@code batteries} stream; the demand-response panel lists an invitation
 * for admins (not viewers) and shows the DR job's report pushed over the {@code dr} stream.
 */
class DashboardE2EITCase {

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  @Test
  void shouldShowLiveRoomValuesAndChartTheLastHour() throws Exception {
    KAFKA.createStandardTopics(2);
    String db = INFLUX.freshDatabase();
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    StringBuilder lp = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      lp.append("room_metrics,room=kitchen,building=default energy_kwh=0.01,power_avg_w=")
          .append(500 + 10 * i)
          .append(",sample_count=4i ")
          .append(minute.minus(i, ChronoUnit.MINUTES).toEpochMilli())
          .append('\n');
    }
    INFLUX.write(db, lp.toString());
    // one stored event for the events panel's REST half (the live half is published below)
    var ev = io.voltstream.influx.Schema.EVENTS;
    INFLUX.write(
        db,
        io.voltstream.influx.LinePoint.of(ev)
            .tag(ev.kind, "rule_fired")
            .tag(ev.severity, "warning")
            .tag(ev.building, "default")
            .tag(ev.room, "kitchen")
            .field(ev.message, "rule co2-kitchen fired")
            .field(ev.value, 1100.0)
            .field(ev.threshold, 1000.0)
            .field(ev.eventId, "rule_fired:co2-kitchen:1")
            .time(Instant.now().minusSeconds(600))
            .toLine());

    ApiConfig config = DashboardData.apiConfig(KAFKA.bootstrapServers(), INFLUX.url(), db);
    ApiDependencies deps = ApiDependencies.inMemory(config, Clock.systemUTC());
    List<Command> published = new CopyOnWriteArrayList<>();
    deps.registry().createRoom(new Room("kitchen", null, 12.0));
    deps.registry()
        .createBattery(new BatterySpec("home-battery", "default", 10, 5000, 5000, 0.9, 5, 95, 10));
    ApiServer server =
        new ApiServer(
            deps.withQueryConfig(QueryConfig.defaults())
                .withInflux(new InfluxClient(URI.create(INFLUX.url()), db)::query)
                .withLiveFeed(KAFKA.bootstrapServers())
                .withCommands(published::add));
    Javalin app = server.app().start("127.0.0.1", 0);
    try {
      String token = deps.jwt().issue("dash", Role.VIEWER, List.of(), Duration.ofHours(1)).token();
      assertThat(server.feed().orElseThrow().awaitAssigned(Duration.ofSeconds(15))).isTrue();

      try (KafkaProducer<String, String> producer = KAFKA.producer();
          HeadlessChromium browser =
              new HeadlessChromium(
                  "http://127.0.0.1:" + app.port() + "/#token=" + token, Duration.ofSeconds(20))) {
        String liveCell =
            "(document.querySelector('td[data-room=\"kitchen\"][data-metric=\"power_w\"]') ||"
                + " {}).textContent";
        JsonNode shown = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // The page subscribes once it has loaded; keep publishing until a pushed value is in the
        // DOM.
        while (System.nanoTime() < deadline) {
          SensorReading r =
              new SensorReading(
                  "kitchen-meter",
                  Instant.now(),
                  "kitchen",
                  SensorType.MULTI,
                  null,
                  750.0,
                  640.0,
                  21.4,
                  41.0,
                  null,
                  null,
                  Instant.now());
          producer
              .send(
                  new ProducerRecord<>(
                      Topics.READINGS.name(), r.sensorId(), Json.MAPPER.writeValueAsString(r)))
              .get();
          shown = browser.evaluate(liveCell);
          if ("750".equals(shown.asText())) {
            break;
          }
          TimeUnit.MILLISECONDS.sleep(200); // poll interval
        }
        assertThat(shown.asText()).as("live power cell of kitchen").isEqualTo("750");
        assertThat(browser.evaluate("document.getElementById('status').textContent").asText())
            .isEqualTo("live");
        assertThat(
                browser
                    .evaluate(
                        "(document.querySelector('td[data-room=\"kitchen\"][data-metric=\"co2_ppm\"]')"
                            + " || {}).textContent")
                    .asText())
            .isEqualTo("640");

        JsonNode points = null;
        long chartDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < chartDeadline) {
          points =
              browser.evaluate(
                  "(document.querySelector('#chart polyline') || {getAttribute: () => null})"
                      + ".getAttribute('data-points')");
          if (points.isTextual()) {
            break;
          }
          TimeUnit.MILLISECONDS.sleep(200); // poll interval
        }
        assertThat(points.asText()).as("points charted from /rooms/kitchen/data").isEqualTo("30");

        // the batteries panel: the registered battery is listed, and its pushed state shows
        String socCell =
            "(document.querySelector('td[data-battery=\"home-battery\"]"
                + " [data-field=\"soc_percent\"]') || {}).textContent";
        JsonNode soc = null;
        long batteryDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < batteryDeadline) {
          BatteryTelemetry t =
              new BatteryTelemetry(
                  "home-battery",
                  Instant.now(),
                  63.5,
                  -1200,
                  10.0,
                  5000.0,
                  5000.0,
                  99.0,
                  "discharge",
                  null,
                  Instant.now());
          producer
              .send(
                  new ProducerRecord<>(
                      Topics.BATTERY_STATE.name(),
                      t.batteryId(),
                      Json.MAPPER.writeValueAsString(t)))
              .get();
          soc = browser.evaluate(socCell);
          if ("63.5 %".equals(soc.asText())) {
            break;
          }
          TimeUnit.MILLISECONDS.sleep(200); // poll interval
        }
        assertThat(soc.asText()).as("live SoC of home-battery").isEqualTo("63.5 %");
        assertThat(
                browser
                    .evaluate(
                        "document.querySelector('td[data-battery=\"home-battery\"][data-field=\"power_w\"]')"
                            + ".textContent")
                    .asText())
            .isEqualTo("-1200");
        assertThat(
                browser
                    .evaluate(
                        "document.querySelector('td[data-battery=\"home-battery\"][data-field=\"mode\"]')"
                            + ".textContent")
                    .asText())
            .isEqualTo("discharge");
        // the events panel: the stored event from /api/v1/events, then a live one on top
        String firstEvent =
            "(document.querySelector('#events li') || {getAttribute: () => null})"
                + ".getAttribute('data-kind')";
        assertThat(
                Waits.until(
                    () -> "rule_fired".equals(evaluate(browser, firstEvent).asText()),
                    Duration.ofSeconds(15)))
            .as("stored event listed: %s", evaluate(browser, firstEvent))
            .isTrue();
        SystemEvent live =
            new SystemEvent(
                "rule_cleared:co2-kitchen:2",
                Instant.now(),
                "rule_cleared",
                SystemEvent.Severity.INFO,
                "kitchen",
                null,
                "rule co2-kitchen cleared",
                700.0,
                800.0,
                "default");
        boolean liveShown = false;
        long eventDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!liveShown && System.nanoTime() < eventDeadline) {
          producer
              .send(
                  new ProducerRecord<>(
                      Topics.EVENTS.name(), "kitchen", Json.MAPPER.writeValueAsString(live)))
              .get();
          liveShown = "rule_cleared".equals(evaluate(browser, firstEvent).asText());
          if (!liveShown) {
            TimeUnit.MILLISECONDS.sleep(200); // poll interval
          }
        }
        assertThat(liveShown).as("live event on top").isTrue();
        assertThat(browser.evaluate("document.querySelectorAll('#events li').length").asInt())
            .as("each event once, although published repeatedly")
            .isEqualTo(2);
        assertThat(
                browser
                    .evaluate(
                        "document.querySelector('#events li:last-child .severity').textContent")
                    .asText())
            .isEqualTo("warning");
        // a viewer token gets no command buttons (the API would refuse them anyway)
        assertThat(
                browser
                    .evaluate("document.querySelectorAll('button[data-command]').length")
                    .asInt())
            .isZero();
        // viewers have no demand-response access: the panel says so
        assertThat(
                Waits.until(
                    () ->
                        evaluate(browser, "document.getElementById('dr-note').textContent")
                            .asText()
                            .contains("operator or admin"),
                    Duration.ofSeconds(15)))
            .isTrue();
      }

      // an admin's page also lists DR invitations and shows the DR job's pushed report
      Instant drStart = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
      deps.dr()
          .put(
              new DrInvitation(
                  "dash-event",
                  null,
                  "default",
                  drStart,
                  30,
                  2.0,
                  0.2,
                  DrAnswer.OPT_IN,
                  "covered",
                  DrInvitation.AUTO_ANSWER,
                  Instant.now(),
                  null,
                  Instant.now(),
                  "dash-admin"));

      // an admin's page: the charge button issues a command and shows its returned status
      String admin =
          deps.jwt().issue("dash-admin", Role.ADMIN, List.of(), Duration.ofHours(1)).token();
      try (HeadlessChromium browser =
          new HeadlessChromium(
              "http://127.0.0.1:" + app.port() + "/#token=" + admin, Duration.ofSeconds(20))) {
        String button =
            "document.querySelector('tr[data-battery=\"home-battery\"]"
                + " button[data-command=\"charge\"]')";
        assertThat(
                Waits.until(
                    () -> evaluate(browser, button + " !== null").asBoolean(),
                    Duration.ofSeconds(15)))
            .isTrue();
        browser.evaluate(
            "document.querySelector('tr[data-battery=\"home-battery\"]"
                + " input[data-input=\"power_w\"]').value = '1500'; "
                + button
                + ".click(); true");
        String status =
            "document.querySelector('td[data-battery=\"home-battery\"][data-field=\"last_command\"]')"
                + ".getAttribute('data-status')";
        assertThat(
                Waits.until(
                    () -> "pending".equals(evaluate(browser, status).asText()),
                    Duration.ofSeconds(15)))
            .as("status cell: %s", evaluate(browser, status))
            .isTrue();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).battery().powerW()).isEqualTo(1500.0);
        assertThat(published.get(0).issuedBy()).isEqualTo("dash-admin");

        String answer =
            "(document.querySelector('td[data-dr=\"dash-event\"][data-field=\"answer\"]') || {})"
                + ".textContent";
        assertThat(
                Waits.until(
                    () -> "opt_in".equals(evaluate(browser, answer).asText()),
                    Duration.ofSeconds(15)))
            .as("DR answer cell: %s", evaluate(browser, answer))
            .isTrue();
        assertThat(
                browser
                    .evaluate(
                        "document.querySelectorAll('tr[data-dr=\"dash-event\"]"
                            + " button[data-dr-action]').length")
                    .asInt())
            .isEqualTo(3);
        String delivered =
            "document.querySelector('td[data-dr=\"dash-event\"][data-field=\"delivered_kw\"]')"
                + ".textContent";
        try (KafkaProducer<String, String> producer = KAFKA.producer()) {
          DrExecution report =
              new DrExecution(
                  "dash-event",
                  "default",
                  DrEventStatus.ACTIVE,
                  drStart.plusSeconds(60),
                  2.0,
                  5.0,
                  "10of10",
                  null,
                  2.6,
                  2.4,
                  1.2,
                  0.04,
                  0.01,
                  List.of(),
                  null);
          assertThat(
                  Waits.until(
                      () -> {
                        send(producer, Topics.DR_STATUS.name(), report.eventId(), report);
                        return "2.40".equals(evaluate(browser, delivered).asText());
                      },
                      Duration.ofSeconds(30)))
              .as("DR delivered cell: %s", evaluate(browser, delivered))
              .isTrue();
        }
        assertThat(
                browser
                    .evaluate(
                        "document.querySelector('td[data-dr=\"dash-event\"][data-field=\"status\"]')"
                            + ".textContent")
                    .asText())
            .isEqualTo("active");
      }
    } finally {
      app.stop();
      server.close();
    }
  }

  private static void send(
      KafkaProducer<String, String> producer, String topic, String key, Object v) {
    try {
      producer.send(new ProducerRecord<>(topic, key, Json.MAPPER.writeValueAsString(v))).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode evaluate(HeadlessChromium browser, String js) {
    try {
      return browser.evaluate(js);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
