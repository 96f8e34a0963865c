package io.voltstream.infra;

/**
 * A local server could not be started, stopped or queried. The message says what to do (install a
 * package, free a port) and, for child processes, ends with the last lines of the server's log.
 */
public class InfraException extends RuntimeException {
  public InfraException(String message) {
    super(message);
  }

  public InfraException(String message, Throwable cause) {
    super(message, cause);
  }
}
