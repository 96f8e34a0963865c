package io.voltstream.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinePointTest {
  private static final Instant T = Instant.ofEpochMilli(1_764_201_600_123L);

  @Test
  void shouldWriteSortedTagsTypedFieldsAndMillis() {
    var e = Schema.EVENTS;
    String line =
        LinePoint.of(e)
            .tag(e.room, "living room, east")
            .tag(e.kind, "a=b")
            .tag(e.sensorId, null)
            .field(e.value, 1.5)
            .field(e.threshold, Double.NaN)
            .field(e.message, "say \"hi\"")
            .time(T)
            .toLine();

    assertThat(line)
        .isEqualTo(
            "events,kind=a\\=b,room=living\\ room\\,\\ east message=\"say \\\"hi\\\"\",value=1.5"
                + " 1764201600123");
  }

  @Test
  void shouldWriteIntegersWithTheirSuffixAndNothingWithoutFields() {
    var m = Schema.ROOM_METRICS;
    assertThat(LinePoint.of(m).tag(m.room, "k").field(m.sampleCount, 12).time(T).toLine())
        .isEqualTo("room_metrics,room=k sample_count=12i 1764201600123");
    assertThat(LinePoint.of(m).tag(m.room, "k").field(m.energyKwh, (Double) null).time(T).toLine())
        .isEmpty();
  }

  @Test
  void shouldRefuseColumnsOfAnotherMeasurement() {
    assertThatThrownBy(() -> LinePoint.of(Schema.READINGS).field(Schema.FORECASTS.valueKwh, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value_kwh is not declared on measurement readings");
  }
}
