package io.voltstream.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InfluxQueryTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kitchen\" OR 1=1",
        "kitchen' OR '1'='1",
        "'; DROP DATABASE voltstream",
        "kitchen\\",
        "kit chen",
        "kitchen\nSELECT",
        "",
        "kitchen\u02bc",
        "kitchen\uff07",
        "k\u0131tchen",
        "kitchen\u202e",
        "kitchen\u0000",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void shouldRejectTagValuesThatCouldEscapeTheLiteral(String hostile) {
    assertThatThrownBy(() -> InfluxQuery.of("SELECT * FROM x WHERE room = ").tag("room", hostile))
        .isInstanceOf(InvalidQueryValueException.class)
        .satisfies(e -> assertThat(((InvalidQueryValueException) e).field()).isEqualTo("room"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"power_w\" FROM secrets --", "1abc", "a-b", "a b", "p\u00f6wer"})
  void shouldRejectIdentifiersOutsideTheWhitelist(String hostile) {
    assertThatThrownBy(() -> InfluxQuery.of("SELECT ").identifier("metrics", hostile))
        .isInstanceOf(InvalidQueryValueException.class);
  }

  @Test
  void shouldQuoteIdentifiersAndTagValues() {
    String q =
        InfluxQuery.of("SELECT ")
            .identifier("m", "power_w")
            .text(" FROM x WHERE room = ")
            .tag("room", "living-room.1")
            .render();
    assertThat(q).isEqualTo("SELECT \"power_w\" FROM x WHERE room = 'living-room.1'");
  }

  @Test
  void shouldEscapeQuotesAndBackslashesInFreeLiterals() {
    assertThat(InfluxQuery.of("").literal("it's a \\ test").render())
        .isEqualTo("'it\\'s a \\\\ test'");
  }

  @Test
  void shouldRenderTimesAsRfc3339AndDurationsInSeconds() {
    String q =
        InfluxQuery.of("time >= ")
            .time(Instant.parse("2026-11-27T10:00:00.123Z"))
            .text(" GROUP BY time(")
            .duration(Duration.ofMinutes(5))
            .text(")")
            .render();
    assertThat(q).isEqualTo("time >= '2026-11-27T10:00:00.123Z' GROUP BY time(300s)");
  }

  @Test
  void shouldNameSchemaColumnsAndCheckTagValues() {
    var m = Schema.ROOM_METRICS;
    String q =
        InfluxQuery.of("SELECT ")
            .aggregate("sum", m.energyKwh)
            .text(", ")
            .aggregate("mean", m.powerAvgW, "power_w")
            .text(" FROM ")
            .from(m)
            .text(" WHERE ")
            .eq(m.room, "name", "kitchen")
            .render();
    assertThat(q)
        .isEqualTo(
            "SELECT sum(\"energy_kwh\") AS \"energy_kwh\", mean(\"power_avg_w\") AS \"power_w\""
                + " FROM \"room_metrics\" WHERE \"room\" = 'kitchen'");
    assertThatThrownBy(() -> InfluxQuery.of("").eq(m.room, "name", "kitchen' OR '1'='1"))
        .isInstanceOf(InvalidQueryValueException.class)
        .hasMessageStartingWith("name must be 1-64 characters");
  }
}
