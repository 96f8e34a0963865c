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
    assertThat(c.liveQueueKeys()).isEqualTo(1000);
  }

  @Test
  void shouldReadOverridesFromTheEnvironment() {
    QueryConfig c = QueryConfig.fromEnv(Map.of(QueryOptions.EXPORT_PAGE_ROWS.name(), "100"));
    assertThat(c.exportPageSize()).isEqualTo(100);
  }

  @Test
  void shouldNameTheKeyOfAnInvalidValue() {
    assertThatThrownBy(() -> QueryConfig.fromEnv(Map.of(QueryOptions.MAX_POINTS.name(), "lots")))
        .hasMessageContaining(QueryOptions.MAX_POINTS.name());
    assertThatThrownBy(() -> QueryConfig.fromEnv(Map.of(QueryOptions.CURRENCY.name(), "euro")))
        .hasMessageContaining(QueryOptions.CURRENCY.name());
  }

  @Test
  void shouldReadDurationsUnderTheirNewNamesAndTheOldUnitSuffixedOnes() {
    QueryConfig c =
        QueryConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_API_QUERY_CACHE_TTL",
                "500ms",
                "VOLTSTREAM_API_MAX_RANGE",
                "7d",
                "VOLTSTREAM_API_EXPORT_SLICE",
                "30m",
                "VOLTSTREAM_API_WS_AUTH_TIMEOUT",
                "2s"));
    assertThat(c.cacheTtl()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.maxRoomDataRange()).isEqualTo(Duration.ofDays(7));
    assertThat(c.exportSlice()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.liveAuthTimeout()).isEqualTo(Duration.ofSeconds(2));

    QueryConfig old =
        QueryConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_API_QUERY_CACHE_TTL_MS",
                "0",
                "VOLTSTREAM_API_MAX_RANGE_DAYS",
                "3",
                "VOLTSTREAM_API_EXPORT_SLICE_MIN",
                "15",
                "VOLTSTREAM_API_EXPORT_MAX_DAYS",
                "30",
                "VOLTSTREAM_API_WS_AUTH_TIMEOUT_MS",
                "250"));
    assertThat(old.cacheTtl()).isZero();
    assertThat(old.maxRoomDataRange()).isEqualTo(Duration.ofDays(3));
    assertThat(old.exportSlice()).isEqualTo(Duration.ofMinutes(15));
    assertThat(old.maxExportRange()).isEqualTo(Duration.ofDays(30));
    assertThat(old.liveAuthTimeout()).isEqualTo(Duration.ofMillis(250));
  }
}
