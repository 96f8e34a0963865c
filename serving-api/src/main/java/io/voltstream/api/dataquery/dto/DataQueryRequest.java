package io.voltstream.api.dataquery.dto;

import java.util.List;

/**
 * Body of {@code POST /api/v1/data/query}. {@code metrics}: field names of the {@code readings}
 * measurement ({@code energy_kwh}, {@code power_w}, {@code co2_ppm}, {@code temperature_c}, {@code
 * humidity_percent}, {@code voltage_v}, {@code generation_kwh}); {@code rooms} and/or {@code
 * sensors} filter (both empty: every sensor); {@code startTime}/{@code endTime} as in room data
 * (default the last hour); {@code resolution} (default {@code 5m}); {@code aggregate} {@code
 * mean|max|min|sum|count} (default {@code mean}); {@code groupBy} {@code room|sensor|none} (default
 * {@code room}).
 */
public record DataQueryRequest(
    List<String> metrics,
    List<String> rooms,
    List<String> sensors,
    String startTime,
    String endTime,
    String resolution,
    String aggregate,
    String groupBy) {}
