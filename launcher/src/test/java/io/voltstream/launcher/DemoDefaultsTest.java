package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.marketagents.MarketAgentsJobConfig;
import io.voltstream.jobs.marketagents.MarketAgentsOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoDefaultsTest {
  private static final String SELL = MarketAgentsOptions.SELL_STORED_ABOVE_SOC.name();

  @Test
  void theDemoAgentsOfferStoredEnergyAbove40PercentWhileProductionKeeps90() {
    Map<String, String> demo = DemoStack.withDemoDefaults(Map.of());
    assertThat(MarketAgentsJobConfig.from(JobsConfig.fromEnv(demo), demo).agent())
        .satisfies(a -> assertThat(a.sellStoredAboveSocPercent()).isEqualTo(40));
    assertThat(
            MarketAgentsJobConfig.from(JobsConfig.fromEnv(Map.of()), Map.of())
                .agent()
                .sellStoredAboveSocPercent())
        .isEqualTo(90);
  }

  @Test
  void anExplicitSettingWins() {
    assertThat(DemoStack.withDemoDefaults(Map.of(SELL, "75"))).containsEntry(SELL, "75");
  }
}
