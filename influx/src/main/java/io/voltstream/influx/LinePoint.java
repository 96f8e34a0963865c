package io.voltstream.influx;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import java.time.Instant;

/**
 * Builds one line of InfluxDB line protocol (millisecond precision) for a {@link Schema}
 * measurement, with keys taken from its {@link Tag} and {@link Field} declarations. Escaping is
 * influxdb-client-java's {@link Point}: the one line-protocol encoder of the code base. Null tag
 * values and null or non-finite field values are left out; a point without any field renders as the
 * empty string (InfluxDB would reject it), which the stream-jobs sink counts as rejected.
 *
 * <pre>{@code
 * var r = Schema.READINGS;
 * String line = LinePoint.of(r).tag(r.sensorId, "s1").field(r.powerW, 120.5).time(at).toLine();
 * }</pre>
 */
public final class LinePoint {
  private final Measurement measurement;
  private final Point point;

  private LinePoint(Measurement measurement) {
    this.measurement = measurement;
    this.point = Point.measurement(measurement.name());
  }

  public static LinePoint of(Measurement measurement) {
    return new LinePoint(measurement);
  }

  /** Adds a tag; null or empty values are left out. */
  public LinePoint tag(Tag tag, String value) {
    check(tag);
    point.addTag(tag.name(), value);
    return this;
  }

  /** Adds a float field; null, NaN and infinite values are left out. */
  public LinePoint field(Field field, Double value) {
    check(field);
    if (value != null && Double.isFinite(value)) {
      point.addField(field.name(), value.doubleValue());
    }
    return this;
  }

  /** Adds an integer field ({@code 42i}). */
  public LinePoint field(Field field, long value) {
    check(field);
    point.addField(field.name(), value);
    return this;
  }

  /** Adds an integer field ({@code 42i}); null is left out. */
  public LinePoint field(Field field, Long value) {
    return value == null ? this : field(field, value.longValue());
  }

  /** Adds a string field; null is left out. */
  public LinePoint field(Field field, String value) {
    check(field);
    if (value != null) {
      point.addField(field.name(), value);
    }
    return this;
  }

  /** The point's timestamp (stored with millisecond precision). */
  public LinePoint time(Instant time) {
    point.time(time.toEpochMilli(), WritePrecision.MS);
    return this;
  }

  /** The line, or the empty string when no field was set. */
  public String toLine() {
    return point.hasFields() ? point.toLineProtocol() : "";
  }

  private void check(Column column) {
    boolean declared =
        column instanceof Tag t
            ? measurement.tags().contains(t)
            : measurement.fields().contains(column);
    if (!declared) {
      throw new IllegalArgumentException(
          column.name() + " is not declared on measurement " + measurement.name());
    }
  }
}
