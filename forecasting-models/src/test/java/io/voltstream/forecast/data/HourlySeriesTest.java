package io.voltstream.forecast.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.forecast.ForecastTestData;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HourlySeriesTest {
  @Test
  void shouldConcatenateWithAGapAsMissingHours() {
    var a = HourlySeries.of(ForecastTestData.START, new double[] {1, 2});
    var b = HourlySeries.of(ForecastTestData.START.plus(Duration.ofHours(3)), new double[] {4});

    var c = a.concat(b);

    assertThat(c.size()).isEqualTo(4);
    assertThat(c.targetAt(1)).isEqualTo(2);
    assertThat(c.targetAt(2)).isNaN();
    assertThat(c.targetAt(3)).isEqualTo(4);
  }

  @Test
  void shouldSliceAndAnswerNaNOutsideTheSeries() {
    var s = ForecastTestData.indexSeries(2);
    Instant from = ForecastTestData.START.plus(Duration.ofHours(5));

    var slice = s.slice(from, from.plus(Duration.ofHours(3)));

    assertThat(slice.start()).isEqualTo(from);
    assertThat(slice.size()).isEqualTo(3);
    assertThat(slice.target(from)).isEqualTo(5);
    assertThat(slice.target(from.minus(Duration.ofHours(1)))).isNaN();
  }
}
