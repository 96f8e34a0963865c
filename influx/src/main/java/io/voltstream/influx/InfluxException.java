package io.voltstream.influx;

/** InfluxDB could not be reached or answered with an error (HTTP status or InfluxQL error). */
public final class InfluxException extends RuntimeException {
  public InfluxException(String message) {
    super(message);
  }

  public InfluxException(String message, Throwable cause) {
    super(message, cause);
  }
}
