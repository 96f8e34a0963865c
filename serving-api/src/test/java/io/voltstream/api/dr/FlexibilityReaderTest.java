package io.voltstream.api.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlexibilityReaderTest {
  private static final Instant HOUR = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void shouldReadTheBuildingWideForecastNotTheRooms() {
    var sent = new ArrayList<String>();
    var reader =
        new FlexibilityReader(
            (InfluxQuery q) -> {
              sent.add(q.render());
              return List.of(
                  new Series(
                      "forecasts",
                      Map.of(),
                      List.of("time", "value_kwh", "issued_at"),
                      List.of(List.of(HOUR.toEpochMilli(), 2.0, HOUR.toEpochMilli()))));
            },
            Clock.fixed(HOUR, ZoneOffset.UTC));

    var kw = reader.consumptionForecastKw("hq", HOUR, HOUR.plus(Duration.ofHours(1)));

    assertThat(kw).hasValue(2.0);
    // per-room forecasts share the measurement: the building's rows are the ones without a room
    assertThat(sent).singleElement().asString().contains("\"room\" = ''");
  }
}
