package io.voltstream.forecast.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InfluxQlTest {
  @Test
  void shouldQuoteValidNames() {
    assertThat(InfluxQl.literal("demo-1")).isEqualTo("'demo-1'");
    assertThat(InfluxQl.identifier("energy_kwh")).isEqualTo("\"energy_kwh\"");
  }

  @Test
  void shouldRejectAnythingThatCouldExtendAQuery() {
    for (String bad : new String[] {"demo' OR '1'='1", "a\"b", "x;DROP DATABASE y", "", " demo", "a".repeat(65)}) {
      assertThatThrownBy(() -> InfluxQl.literal(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
