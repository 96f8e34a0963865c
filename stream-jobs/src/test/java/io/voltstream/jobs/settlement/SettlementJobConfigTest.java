package io.voltstream.jobs.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.jobs.io.JobsConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettlementJobConfigTest {

  @Test
  void shouldUseTheDocumentedDefaults() {
    SettlementJobConfig c = SettlementJobConfig.from(JobsConfig.fromEnv(Map.of()), Map.of());
    assertThat(c.flushInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.staleAfter()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.correctionWindow()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void shouldNameTheVariableOfAFlushIntervalThatDoesNotDivideTheSlot() {
    Map<String, String> env = Map.of(SettlementOptions.FLUSH_INTERVAL.name(), "7m");
    assertThatThrownBy(() -> SettlementJobConfig.from(JobsConfig.fromEnv(env), env))
        .hasMessageContaining("VOLTSTREAM_SETTLEMENT_FLUSH_INTERVAL")
        .hasMessageContaining("divide 15 minutes");
  }

  @Test
  void shouldRejectACorrectionWindowShorterThanASlot() {
    Map<String, String> env = Map.of(SettlementOptions.CORRECTION_WINDOW.name(), "5m");
    assertThatThrownBy(() -> SettlementJobConfig.from(JobsConfig.fromEnv(env), env))
        .hasMessageContaining("VOLTSTREAM_SETTLEMENT_CORRECTION_WINDOW");
  }
}
