package io.voltstream.energy.finance;

import io.voltstream.energy.tariff.Tariffs;
import java.time.Duration;
import java.time.Instant;

/** Instants and prices the finance tests share. */
final class FinanceTestData {
  /** Wednesday 14 January 2026, 12:00 in Brussels (UTC+1): default tariff day rate, solar hours. */
  static final Instant NOON_SLOT = Instant.parse("2026-01-14T11:00:00Z");

  static final Duration SLOT = Duration.ofMinutes(15);

  /** The default tariff at {@link #NOON_SLOT}: 0.31 €/kWh import, 0.04 feed-in, 110 g/kWh. */
  static final GridPrices NOON = GridPrices.of(Tariffs.defaultTariff(), NOON_SLOT);

  static final double EPS = 1e-9;

  private FinanceTestData() {}
}
