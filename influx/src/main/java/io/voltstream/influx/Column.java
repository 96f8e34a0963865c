package io.voltstream.influx;

/** A tag or a field of a {@link Measurement}: something a query can name. */
public sealed interface Column permits Tag, Field {
  /** The key as stored in InfluxDB, e.g. {@code power_w}. */
  String name();

  /** What the column holds, for the docs. */
  String description();
}
