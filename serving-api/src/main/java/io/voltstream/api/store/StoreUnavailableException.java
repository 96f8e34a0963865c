package io.voltstream.api.store;

/**
 * The log behind a {@link ReplicatedMap} did not accept or replay a write in time (answered 503).
 */
public final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreUnavailableException(String message) {
    super(message);
  }
}
