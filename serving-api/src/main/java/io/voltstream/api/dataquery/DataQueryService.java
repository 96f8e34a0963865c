package io.voltstream.api.dataquery;

import io.voltstream.api.dataquery.dto.DataQueryRequest;
import io.voltstream.api.dataquery.dto.DataQueryResponse;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.api.query.Resolution;
import io.voltstream.api.query.TimeRange;
import io.voltstream.influx.Field;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.influx.Tag;
import io.voltstream.model.EntityId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ad-hoc analytics over the raw {@code readings} measurement: metrics × rooms/sensors × range ×
 * resolution × aggregate. Malformed input is 400 with every bad field named; a well-formed request
 * whose range or number of points exceeds the limits is 422.
 */
public final class DataQueryService {
  private static final Schema.Readings R = Schema.READINGS;

  /** Fields of the {@code readings} measurement that may be queried. */
  public static final Set<String> METRICS =
      Schema.READINGS.metrics().stream().map(Field::name).collect(Collectors.toUnmodifiableSet());

  /** InfluxQL aggregate functions on offer. */
  public enum Aggregate {
    MEAN,
    MAX,
    MIN,
    SUM,
    COUNT
  }

  /** Grouping of the answer. */
  public enum GroupBy {
    ROOM,
    SENSOR,
    NONE
  }

  static final int MAX_FILTER_VALUES = 100;

  private final InfluxReader influx;
  private final QueryConfig config;
  private final Clock clock;

  public DataQueryService(InfluxReader influx, QueryConfig config, Clock clock) {
    this.influx = influx;
    this.config = config;
    this.clock = clock;
  }

  public DataQueryResponse query(DataQueryRequest request) {
    if (request == null) {
      throw ApiException.badRequest(
          "a JSON body is required", new FieldError("body", "must be a JSON object"));
    }
    List<FieldError> errors = new ArrayList<>();
    List<String> metrics = request.metrics() == null ? List.of() : request.metrics();
    if (metrics.isEmpty()) {
      errors.add(
          new FieldError(
              "metrics", "must name at least one of " + new java.util.TreeSet<>(METRICS)));
    }
    for (int i = 0; i < metrics.size(); i++) {
      if (!METRICS.contains(metrics.get(i))) {
        errors.add(
            new FieldError(
                "metrics[" + i + "]",
                "unknown metric; allowed: " + new java.util.TreeSet<>(METRICS)));
      }
    }
    List<String> rooms = checkTags("rooms", request.rooms(), errors);
    List<String> sensors = checkTags("sensors", request.sensors(), errors);
    Aggregate aggregate =
        parseEnum(Aggregate.class, "aggregate", request.aggregate(), Aggregate.MEAN, errors);
    GroupBy groupBy = parseEnum(GroupBy.class, "group_by", request.groupBy(), GroupBy.ROOM, errors);
    Resolution resolution = null;
    try {
      resolution = Resolution.parse("resolution", request.resolution(), Resolution.FIVE_MINUTES);
    } catch (ApiException e) {
      errors.addAll(e.errors());
    }
    TimeRange range = null;
    try {
      range =
          TimeRange.parse(
              request.startTime(),
              request.endTime(),
              Duration.ofHours(1),
              config.maxRoomDataRange(),
              clock.instant());
    } catch (ApiException e) {
      if (e.kind() == ApiException.Kind.BAD_REQUEST) {
        errors.addAll(e.errors());
      } else if (errors.isEmpty()) {
        throw e;
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(ApiException.Kind.BAD_REQUEST, "invalid query", errors);
    }

    long buckets = range.length().toSeconds() / resolution.bucket().toSeconds() + 1;
    long groups =
        groupBy == GroupBy.NONE
            ? 1
            : Math.max(
                1,
                groupBy == GroupBy.ROOM && !rooms.isEmpty()
                    ? rooms.size()
                    : groupBy == GroupBy.SENSOR && !sensors.isEmpty() ? sensors.size() : 1);
    if (buckets * groups > config.maxPoints()) {
      throw ApiException.invalid(
          new FieldError(
              "resolution",
              "the query would return at least "
                  + buckets * groups
                  + " points, more than the maximum of "
                  + config.maxPoints()
                  + "; narrow the range or coarsen the resolution"));
    }

    InfluxQuery q = InfluxQuery.of("SELECT ");
    String fn = aggregate.name().toLowerCase(Locale.ROOT);
    for (int i = 0; i < metrics.size(); i++) {
      q.text(i == 0 ? "" : ", ")
          .text(fn)
          .text("(")
          .identifier("metrics", metrics.get(i))
          .text(") AS ")
          .identifier("metrics", metrics.get(i));
    }
    q.text(" FROM ")
        .from(R)
        .text(" WHERE time >= ")
        .time(range.start())
        .text(" AND time < ")
        .time(range.end());
    orFilter(q, R.room, "rooms", rooms);
    orFilter(q, R.sensorId, "sensors", sensors);
    q.text(" GROUP BY time(").duration(resolution.bucket()).text(")");
    if (groupBy == GroupBy.ROOM) {
      q.text(", ").column(R.room);
    } else if (groupBy == GroupBy.SENSOR) {
      q.text(", ").column(R.sensorId);
    }
    q.text(" fill(none)");

    List<DataQueryResponse.GroupSeries> out = new ArrayList<>();
    int points = 0;
    for (Series s : influx.query(q)) {
      String key =
          switch (groupBy) {
            case ROOM -> s.tag(R.room);
            case SENSOR -> s.tag(R.sensorId);
            case NONE -> null;
          };
      List<Map<String, Object>> rows = new ArrayList<>(s.values().size());
      int t = s.column(Series.TIME);
      for (List<Object> row : s.values()) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put(Series.TIME, Instant.ofEpochMilli(Series.number(row, t).longValue()));
        for (String m : metrics) {
          Double v = Series.number(row, s.column(m));
          if (v != null) {
            point.put(m, v);
          }
        }
        rows.add(point);
      }
      points += rows.size();
      if (points > config.maxPoints()) {
        throw ApiException.invalid(
            new FieldError(
                "resolution",
                "the query returns more than the maximum of "
                    + config.maxPoints()
                    + " points; narrow the range, the rooms/sensors or coarsen the resolution"));
      }
      out.add(new DataQueryResponse.GroupSeries(key, rows));
    }
    return new DataQueryResponse(
        List.copyOf(metrics),
        fn,
        resolution.wireName(),
        groupBy.name().toLowerCase(Locale.ROOT),
        range.start(),
        range.end(),
        points,
        out);
  }

  private static void orFilter(InfluxQuery q, Tag tag, String field, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    q.text(" AND (");
    for (int i = 0; i < values.size(); i++) {
      q.text(i == 0 ? "" : " OR ").eq(tag, field, values.get(i));
    }
    q.text(")");
  }

  private static List<String> checkTags(
      String field, List<String> values, List<FieldError> errors) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_FILTER_VALUES) {
      errors.add(new FieldError(field, "at most " + MAX_FILTER_VALUES + " values"));
      return List.of();
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (!EntityId.isValid(v)) {
        errors.add(new FieldError(field + "[" + i + "]", EntityId.RULE));
      }
    }
    return values;
  }

  private static <E extends Enum<E>> E parseEnum(
      Class<E> type, String field, String raw, E fallback, List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(raw.trim())) {
        return e;
      }
    }
    errors.add(
        new FieldError(
            field,
            "must be one of "
                + java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT))
                    .toList()));
    return fallback;
  }
}
