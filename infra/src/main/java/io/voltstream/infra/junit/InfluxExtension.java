package io.voltstream.infra.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxException;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import io.voltstream.infra.InfluxServer;
import io.voltstream.infra.InfraException;
import io.voltstream.model.Json;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts an {@link InfluxServer} on free ports over a scratch dir under {@code target/} before the
 * test class and stops it after. Each test takes its own database from {@link #freshDatabase()};
 * reads and writes go through the influx module's {@link InfluxClient} ({@link #client}).
 *
 * <pre>{@code
 * @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();
 *
 * String db = INFLUX.freshDatabase();
 * runSinkAgainst(INFLUX.url(), db);
 * List<Series> answer = INFLUX.awaitQuery(db, "SELECT count(*) FROM readings",
 *     a -> InfluxExtension.firstValue(a, 1) >= 100, Duration.ofSeconds(20));
 * }</pre>
 */
public final class InfluxExtension implements BeforeAllCallback, AfterAllCallback {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Path dir;
  private InfluxServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    dir = TestDirs.create("influx");
    server = InfluxServer.start(dir, 0);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
    TestDirs.deleteQuietly(dir);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return running().url();
  }

  /** Creates a database with a name no other test of this JVM uses and returns the name. */
  public String freshDatabase() {
    String name =
        "test_" + COUNTER.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
    client(name).createDatabase();
    return name;
  }

  /** A client of this server for {@code db} (null for server-wide statements). */
  public InfluxClient client(String db) {
    return new InfluxClient(URI.create(running().url()), db);
  }

  /** Writes line protocol with millisecond timestamps. */
  public void write(String db, String lineProtocol) {
    client(db).write(lineProtocol);
  }

  /** The series of an InfluxQL query written in the test (trusted text); time in epoch ms. */
  public List<Series> query(String db, String influxql) {
    return client(db).query(InfluxQuery.of(influxql));
  }

  /**
   * Repeats the query every 100 ms until {@code condition} accepts the answer or {@code timeout}
   * passed; returns the last answer either way, so the caller's assertion shows what was there.
   */
  public List<Series> awaitQuery(
      String db, String influxql, Predicate<List<Series>> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Series> answer = null;
    while (true) {
      try {
        answer = query(db, influxql);
        if (condition.test(answer)) {
          return answer;
        }
      } catch (InfluxException unreachable) {
        // influxd may be stopped on purpose by the test; keep polling until the deadline
      }
      if (System.nanoTime() >= deadline) {
        return answer;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return answer;
      }
    }
  }

  /**
   * The {@code column}-th value of the first row of the first series, as a double; NaN when there
   * is no such value. E.g. {@code firstValue(query(db, "SELECT count(v) FROM m"), 1)}.
   */
  public static double firstValue(List<Series> answer, int column) {
    if (answer == null || answer.isEmpty() || answer.get(0).values().isEmpty()) {
      return Double.NaN;
    }
    Double value = Series.number(answer.get(0).values().get(0), column);
    return value == null ? Double.NaN : value;
  }

  /**
   * Every row of every series as column → JSON value, for assertions; {@code time} is RFC 3339 text
   * (e.g. {@code 2026-11-27T00:00:00Z}), the other values as InfluxDB answered them.
   */
  public static List<Map<String, JsonNode>> rows(List<Series> answer) {
    List<Map<String, JsonNode>> rows = new ArrayList<>();
    if (answer == null) {
      return rows;
    }
    for (Series series : answer) {
      for (List<Object> values : series.values()) {
        Map<String, JsonNode> row = new LinkedHashMap<>();
        for (int i = 0; i < series.columns().size(); i++) {
          row.put(series.columns().get(i), Json.MAPPER.valueToTree(values.get(i)));
        }
        row.put(Series.TIME, TextNode.valueOf(series.time(values).toString()));
        rows.add(row);
      }
    }
    return rows;
  }

  /** Stops influxd (same ports and data are used by {@link #start()}). */
  public void stop() {
    running().stop();
  }

  /** Starts influxd again and waits for {@code /ping}. */
  public void start() {
    running().start();
  }

  /** The server itself, e.g. for its pid. */
  public InfluxServer server() {
    return running();
  }

  private InfluxServer running() {
    if (server == null) {
      throw new InfraException(
          "InfluxExtension is not running: register it as a static field with @RegisterExtension");
    }
    return server;
  }
}
