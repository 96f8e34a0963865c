package io.voltstream.influx;

/**
 * A tag key of a {@link Measurement}. Tags are indexed strings: they form the series key, so a
 * point is identified by measurement, tags and timestamp.
 *
 * @param name the tag key, e.g. {@code room}
 * @param description what the value is, for the docs
 */
public record Tag(String name, String description) implements Column {
  public Tag {
    InfluxQuery.requireIdentifier("tag", name);
  }
}
