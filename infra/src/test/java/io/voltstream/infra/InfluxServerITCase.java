package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxException;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import io.voltstream.infra.junit.InfluxExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class InfluxServerITCase {
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  @TempDir Path tempDir;

  @Test
  void shouldQueryWhatWasWritten() {
    String db = INFLUX.freshDatabase();
    INFLUX.write(
        db,
        "readings,sensor_id=s1,room=kitchen power_w=120.5 1700000000000\n"
            + "readings,sensor_id=s2,room=kitchen power_w=80 1700000060000");

    List<Series> answer =
        INFLUX.awaitQuery(
            db,
            "SELECT sum(power_w) FROM readings WHERE room = 'kitchen'",
            a -> InfluxExtension.firstValue(a, 1) == 200.5,
            Duration.ofSeconds(10));

    assertThat(InfluxExtension.firstValue(answer, 1)).isEqualTo(200.5);
  }

  @Test
  void shouldEncodeQueriesWithSpecialCharacters() {
    String db = INFLUX.freshDatabase();
    INFLUX.write(db, "m,room=a\\ b&c v=1 1700000000000");

    List<Series> answer = INFLUX.query(db, "SELECT count(v) FROM m WHERE room = 'a b&c'");

    assertThat(InfluxExtension.firstValue(answer, 1)).isEqualTo(1.0);
  }

  @Test
  void shouldRaiseRejectedStatementsAsInfluxExceptions() {
    String db = INFLUX.freshDatabase();
    INFLUX.write(db, "m v=1 1700000000000");

    assertThatThrownBy(() -> INFLUX.query(db, "SELECT FROM m"))
        .isInstanceOf(InfluxException.class)
        .hasMessageContaining("HTTP 400");
    assertThatThrownBy(() -> INFLUX.query(db, "SELECT v FROM m GROUP BY time(1m)"))
        .isInstanceOf(InfluxException.class)
        .hasMessageContaining("aggregate");
  }

  @Test
  void shouldKeepDataAcrossStopAndStart() {
    String db = INFLUX.freshDatabase();
    INFLUX.write(db, "m v=42 1700000000000");
    long pidBefore = INFLUX.server().pid().orElseThrow();

    INFLUX.stop();
    assertThat(ProcessStats.isAlive(pidBefore)).isFalse();
    assertThat(INFLUX.server().ping()).isFalse();
    INFLUX.start();

    assertThat(InfluxExtension.firstValue(INFLUX.query(db, "SELECT last(v) FROM m"), 1))
        .isEqualTo(42.0);
  }

  @Test
  void shouldLeaveNoProcessBehindAfterClose() {
    InfluxServer server = InfluxServer.start(tempDir.resolve("influx"), 0);
    long pid = server.pid().orElseThrow();
    new InfluxClient(URI.create(server.url()), "closing").createDatabase();
    List<Series> databases =
        new InfluxClient(URI.create(server.url()), null).query(InfluxQuery.of("SHOW DATABASES"));
    assertThat(databases.get(0).values()).contains(List.of("closing"));

    server.close();

    assertThat(ProcessStats.isAlive(pid)).isFalse();
    assertThat(server.ping()).isFalse();
  }
}
