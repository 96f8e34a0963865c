package io.voltstream.api.influx;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.influx.InfluxException;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.InvalidQueryValueException;
import io.voltstream.influx.Series;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns InfluxDB failures into API answers: an unreachable or failing InfluxDB is 503 (logged), a
 * value rejected by {@link InfluxQuery} is 400 naming the field. Services stay free of both
 * concerns.
 */
public final class GuardedInfluxReader implements InfluxReader {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedInfluxReader.class);

  private final InfluxReader delegate;

  public GuardedInfluxReader(InfluxReader delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<Series> query(InfluxQuery query) {
    try {
      return delegate.query(query);
    } catch (InfluxException e) {
      LOG.warn("InfluxDB query failed: {}", e.getMessage());
      throw new ApiException(
          ApiException.Kind.UNAVAILABLE,
          "InfluxDB is unavailable or failed the query; retry later");
    }
  }

  /** Builds a query, mapping rejected values to 400. */
  public static InfluxQuery checked(Supplier<InfluxQuery> build) {
    try {
      return build.get();
    } catch (InvalidQueryValueException e) {
      throw ApiException.badRequest("invalid " + e.field(), new FieldError(e.field(), e.reason()));
    }
  }
}
