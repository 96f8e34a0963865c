package io.voltstream.api.dataquery.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Answer of {@code POST /api/v1/data/query}: one series per group ({@code key} is the room or
 * sensor id, null with {@code group_by=none}); each point has {@code time} (bucket start, ISO-8601)
 * and one entry per requested metric (absent when no reading in the bucket carried it).
 */
public record DataQueryResponse(
    List<String> metrics,
    String aggregate,
    String resolution,
    String groupBy,
    Instant startTime,
    Instant endTime,
    int pointCount,
    List<GroupSeries> series) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GroupSeries(String key, List<Map<String, Object>> points) {}
}
