package io.voltstream.api.influx;

/** InfluxDB could not be reached or answered with an error; the API maps it to 502/503. */
public final class InfluxException extends RuntimeException {
  public InfluxException(String message) {
    super(message);
  }

  public InfluxException(String message, Throwable cause) {
    super(message, cause);
  }
}
