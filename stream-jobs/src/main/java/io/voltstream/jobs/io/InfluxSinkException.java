package io.voltstream.jobs.io;

/**
 * A write to InfluxDB failed in a way no retry can fix (credentials, missing database, too-large
 * batch).
 */
public class InfluxSinkException extends RuntimeException {
  public InfluxSinkException(String message) {
    super(message);
  }
}
