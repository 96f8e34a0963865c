package io.voltstream.forecast.features;

import java.time.Instant;

/** Thrown when forecasting code asks for a value at or after its forecast origin: a leak. */
public final class FutureAccessException extends IllegalStateException {
  public FutureAccessException(Instant requested, Instant origin) {
    super("value at " + requested + " requested, but the forecast origin is " + origin);
  }
}
