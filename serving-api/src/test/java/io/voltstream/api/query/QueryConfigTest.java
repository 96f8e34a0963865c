package io.voltstream.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryConfigTest {

  @Test
  void shouldUseDocumentedDefaults() {
    QueryConfig c = QueryConfig.defaults();
    assertThat(c.cacheTtl()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.maxPoints()).isEqualTo(50_000);
    assertThat(c.exportPageSize()).isEqualTo(5000);
    assertThat(c.pricePerKwh()).isEmpty();
    assertThat(c.liveQueueKeys()).isEqualTo(1000);
  }

  @Test
  void shouldReadOverridesFromTheEnvironment() {
    QueryConfig c = QueryConfig.fromEnv(Map.of(QueryConfig.PRICE_PER_KWH, "0.31", QueryConfig.EXPORT_PAGE_ROWS, "100"));
    assertThat(c.pricePerKwh()).contains(0.31);
    assertThat(c.exportPageSize()).isEqualTo(100);
  }

  @Test
  void shouldNameTheKeyOfAnInvalidValue() {
    assertThatThrownBy(() -> QueryConfig.fromEnv(Map.of(QueryConfig.MAX_POINTS, "lots")))
        .hasMessageContaining(QueryConfig.MAX_POINTS);
    assertThatThrownBy(() -> QueryConfig.fromEnv(Map.of(QueryConfig.CURRENCY, "euro")))
        .hasMessageContaining(QueryConfig.CURRENCY);
  }
}
