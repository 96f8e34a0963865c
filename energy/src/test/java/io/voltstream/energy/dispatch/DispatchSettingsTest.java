package io.voltstream.energy.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.energy.EnergyValidationException;
import io.voltstream.energy.battery.BatterySpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DispatchSettingsTest {
  private static final BatterySpec BATTERY =
      new BatterySpec("b1", "hq", 10, 5000, 5000, 0.9, 5, 95, 10);

  @Test
  void shouldBuildTheStackInTheListedOrder() {
    var settings =
        new DispatchSettings(List.of("reserve", "peak_shaving", "self_consumption"), 4.0, null);
    assertThat(settings.toStack(BATTERY, Optional.empty()).strategies())
        .extracting(DispatchStrategy::name)
        .containsExactly("reserve", "peak_shaving", "self_consumption");
    assertThat(settings.toStack(BATTERY, Optional.empty()).strategies().get(1))
        .isEqualTo(PeakShaving.limit(4000.0));
  }

  @Test
  void shouldIncludeDemandResponseOnlyWhileAnEventIsActive() {
    var settings = DispatchSettings.defaults();
    var event =
        new DemandResponseOverride(
            "dr-1",
            Instant.parse("2026-11-30T10:00:00Z"),
            Instant.parse("2026-11-30T11:00:00Z"),
            1000);
    assertThat(settings.toStack(BATTERY, Optional.empty()).strategies())
        .extracting(DispatchStrategy::name)
        .containsExactly("reserve", "plan", "self_consumption");
    assertThat(settings.toStack(BATTERY, Optional.of(event)).strategies())
        .extracting(DispatchStrategy::name)
        .containsExactly("reserve", "demand_response", "plan", "self_consumption");
    assertThat(settings.needsPlan()).isTrue();
  }

  @Test
  void shouldNameTheFieldOfInvalidSettings() {
    assertThatThrownBy(() -> new DispatchSettings(List.of("reserve", "turbo"), null, null))
        .isInstanceOfSatisfying(
            EnergyValidationException.class, e -> assertThat(e.field()).isEqualTo("strategies"))
        .hasMessageContaining("unknown strategy 'turbo'");
    assertThatThrownBy(() -> new DispatchSettings(List.of("reserve", "reserve"), null, null))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> new DispatchSettings(List.of("peak_shaving"), null, null))
        .isInstanceOfSatisfying(
            EnergyValidationException.class,
            e -> assertThat(e.field()).isEqualTo("peak_shaving_threshold_kw"));
    assertThatThrownBy(() -> new DispatchSettings(List.of("peak_shaving"), -1.0, null))
        .isInstanceOfSatisfying(
            EnergyValidationException.class,
            e -> assertThat(e.field()).isEqualTo("peak_shaving_threshold_kw"));
  }
}
