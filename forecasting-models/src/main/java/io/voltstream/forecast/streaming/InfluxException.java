package io.voltstream.forecast.streaming;

import java.io.IOException;

/** InfluxDB answered with an error, or could not be reached. */
public final class InfluxException extends IOException {
  public InfluxException(String message) {
    super(message);
  }

  public InfluxException(String message, Throwable cause) {
    super(message, cause);
  }
}
