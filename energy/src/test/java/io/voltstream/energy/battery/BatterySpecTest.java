package io.voltstream.energy.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.energy.EnergyValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatterySpecTest {
  static BatterySpec spec(
      double capacityKwh,
      double maxChargeW,
      double maxDischargeW,
      double rte,
      double min,
      double max,
      double reserve) {
    return new BatterySpec(
        "b1", "demo", capacityKwh, maxChargeW, maxDischargeW, rte, min, max, reserve);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "capacity_kwh,           0, 5000, 5000, 0.9,  5, 95, 10",
    "max_charge_w,          10,    0, 5000, 0.9,  5, 95, 10",
    "max_discharge_w,       10, 5000,   -1, 0.9,  5, 95, 10",
    "round_trip_efficiency, 10, 5000, 5000, 1.2,  5, 95, 10",
    "min_soc_percent,       10, 5000, 5000, 0.9, -1, 95, 10",
    "max_soc_percent,       10, 5000, 5000, 0.9,  5, 101, 10",
    "max_soc_percent,       10, 5000, 5000, 0.9, 50, 40, 45",
    "reserve_percent,       10, 5000, 5000, 0.9, 20, 95, 10",
    "reserve_percent,       10, 5000, 5000, 0.9,  5, 95, 96",
  })
  void rejectsOutOfRangeValuesNamingTheField(
      String field,
      double capacity,
      double charge,
      double discharge,
      double rte,
      double min,
      double max,
      double reserve) {
    assertThatThrownBy(() -> spec(capacity, charge, discharge, rte, min, max, reserve))
        .isInstanceOfSatisfying(
            EnergyValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void rejectsNaNAndBlankIds() {
    assertThatThrownBy(() -> spec(Double.NaN, 1, 1, 0.9, 5, 95, 10))
        .isInstanceOfSatisfying(
            EnergyValidationException.class, e -> assertThat(e.field()).isEqualTo("capacity_kwh"));
    assertThatThrownBy(() -> new BatterySpec(" ", "demo", 10, 1, 1, 0.9, 5, 95, 10))
        .isInstanceOfSatisfying(
            EnergyValidationException.class, e -> assertThat(e.field()).isEqualTo("id"));
  }

  @Test
  void chargeAndDischargeEfficienciesMultiplyToTheRoundTrip() {
    BatterySpec b = spec(10, 5000, 5000, 0.81, 5, 95, 10);
    assertThat(b.chargeEfficiency()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(b.chargeEfficiency() * b.dischargeEfficiency())
        .isCloseTo(0.81, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aggregateAddsCapacityAndPowerAndWeighsPercentagesByCapacity() {
    BatterySpec big = spec(10, 5000, 4000, 0.90, 5, 95, 10);
    BatterySpec small = new BatterySpec("b2", "demo", 5, 2500, 2000, 0.81, 20, 80, 20);
    BatterySpec fleet = BatterySpec.aggregate("fleet", List.of(big, small));
    assertThat(fleet.capacityKwh()).isEqualTo(15);
    assertThat(fleet.maxChargeW()).isEqualTo(7500);
    assertThat(fleet.maxDischargeW()).isEqualTo(6000);
    assertThat(fleet.minSocPercent()).isCloseTo(10, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(fleet.maxSocPercent()).isCloseTo(90, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(fleet.reservePercent())
        .isCloseTo(40.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(fleet.roundTripEfficiency())
        .isCloseTo(0.87, org.assertj.core.data.Offset.offset(1e-9));
  }
}
