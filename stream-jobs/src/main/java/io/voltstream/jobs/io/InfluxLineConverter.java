package io.voltstream.jobs.io;

import java.io.Serializable;

/**
 * Turns one element into one InfluxDB line-protocol line (see {@link InfluxPoints}). An empty
 * result, or an exception, means the element cannot be stored: {@link InfluxSink} counts it as
 * rejected and carries on.
 */
@FunctionalInterface
public interface InfluxLineConverter<T> extends Serializable {
  String toLine(T element);
}
