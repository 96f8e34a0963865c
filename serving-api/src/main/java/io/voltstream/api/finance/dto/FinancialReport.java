package io.voltstream.api.finance.dto;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/analytics/financial}: a building's (or one of its rooms') money, energy and
 * CO2 per local hour, day or month of its tariff zone over [{@code from}, {@code to}), and the
 * totals over the range. Periods without rows are left out.
 */
public record FinancialReport(
    String building,
    String room,
    String resolution,
    String zone,
    String currency,
    Instant from,
    Instant to,
    List<FinancialFigures> periods,
    FinancialFigures totals) {}
