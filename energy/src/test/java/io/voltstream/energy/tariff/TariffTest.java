package io.voltstream.energy.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.energy.EnergyValidationException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TariffTest {
  private final Tariff tariff = Tariffs.defaultTariff();

  @Test
  void importPriceFollowsTheLocalWallClockAndTheDayType() {
    // Monday 13 April 2026, Brussels is UTC+2.
    assertThat(tariff.importPriceEurPerKwh(Instant.parse("2026-04-13T04:30:00Z")))
        .isEqualTo(0.22); // 06:30
    assertThat(tariff.importPriceEurPerKwh(Instant.parse("2026-04-13T05:00:00Z")))
        .isEqualTo(0.31); // 07:00
    assertThat(tariff.importPriceEurPerKwh(Instant.parse("2026-04-13T16:00:00Z")))
        .isEqualTo(0.42); // 18:00
    assertThat(tariff.importPriceEurPerKwh(Instant.parse("2026-04-13T21:00:00Z")))
        .isEqualTo(0.22); // 23:00
    // Saturday 18 April, 18:00.
    assertThat(tariff.importPriceEurPerKwh(Instant.parse("2026-04-18T16:00:00Z"))).isEqualTo(0.34);
    assertThat(tariff.carbonGramsPerKwh(Instant.parse("2026-04-13T11:00:00Z")))
        .isEqualTo(110.0); // 13:00
  }

  @Test
  void defaultsAreDocumented() {
    assertThat(tariff.exportEurPerKwh()).isEqualTo(0.04);
    assertThat(tariff.demandChargeEurPerKwMonth()).isEqualTo(4.50);
    assertThat(tariff.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
  }

  @Test
  void validationNamesTheField() {
    List<Double> flat = Collections.nCopies(24, 0.3);
    assertThatThrownBy(
            () -> new Tariff("t", Tariffs.DEFAULT_ZONE, flat.subList(0, 23), flat, 0.04, 4, flat))
        .isInstanceOfSatisfying(
            EnergyValidationException.class,
            e -> assertThat(e.field()).isEqualTo("weekday_import_eur_per_kwh"));
    assertThatThrownBy(() -> new Tariff("t", Tariffs.DEFAULT_ZONE, flat, flat, 0.04, -1, flat))
        .isInstanceOfSatisfying(
            EnergyValidationException.class,
            e -> assertThat(e.field()).isEqualTo("demand_charge_eur_per_kw_month"));
    assertThatThrownBy(() -> new Tariff("t", null, flat, flat, 0.04, 1, flat))
        .isInstanceOfSatisfying(
            EnergyValidationException.class, e -> assertThat(e.field()).isEqualTo("zone"));
  }
}
