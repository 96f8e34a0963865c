package io.voltstream.jobs.dispatch.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForecastBatchTest {

  @Test
  void shouldTurnHourlyKwhIntoSlotAverageWattsUntilTheConsumptionForecastEnds() {
    Instant origin = Instant.parse("2026-04-15T10:00:00Z");
    ForecastBatch use =
        ForecastBatch.parse(DispatchTestData.forecastJson("demo", "consumption", origin, 1.0, 2.0))
            .orElseThrow();
    ForecastBatch pv =
        ForecastBatch.parse(DispatchTestData.forecastJson("demo", "generation", origin, 1.5))
            .orElseThrow();

    double[] w =
        ForecastBatch.netLoadW(
            origin.plus(Duration.ofMinutes(30)), Duration.ofMinutes(15), 96, use, pv);

    // 10:30, 10:45 from hour 10 (1.0 − 1.5 kWh); 11:00..11:45 from hour 11 (2.0, no PV forecast);
    // then none.
    assertThat(w).containsExactly(-500, -500, 2000, 2000, 2000, 2000);
  }

  @Test
  void shouldRejectWhatIsNotAForecastBatch() {
    assertThat(ForecastBatch.parse("{oops")).isEmpty();
    assertThat(ForecastBatch.parse("{\"building\":\"demo\",\"target\":\"co2\",\"values\":[]}"))
        .isEmpty();
    assertThat(ForecastBatch.parse("{\"target\":\"consumption\",\"values\":[]}")).isEmpty();
    assertThat(ForecastBatch.netLoadW(Instant.EPOCH, Duration.ofMinutes(15), 96, null, null))
        .isEmpty();
  }

  @Test
  void shouldKeepTheQuantilesOfTheHoursThatHaveThem() {
    Instant hour = Instant.parse("2026-04-15T10:00:00Z");
    String json =
        "{\"building\":\"demo\",\"target\":\"consumption\",\"values\":["
            + "{\"hour\":\"2026-04-15T10:00:00Z\",\"value_kwh\":1.0,\"p10_kwh\":0.6,\"p90_kwh\":1.7},"
            + "{\"hour\":\"2026-04-15T11:00:00Z\",\"value_kwh\":2.0}]}";

    ForecastBatch batch = ForecastBatch.parse(json).orElseThrow();

    assertThat(batch.kwhByHour()).hasSize(2);
    assertThat(batch.p10KwhByHour()).containsExactly(java.util.Map.entry(hour, 0.6));
    assertThat(batch.p90KwhByHour()).containsExactly(java.util.Map.entry(hour, 1.7));
  }
}
