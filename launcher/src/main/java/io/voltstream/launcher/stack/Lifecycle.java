package io.voltstream.launcher.stack;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the running parts of a command and closes them in reverse start order, once, whether the
 * command ends normally, fails half-way through starting, or gets Ctrl-C (shutdown hook).
 */
public final class Lifecycle implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  private final Deque<Named> parts = new ArrayDeque<>();
  private boolean closed;

  private record Named(String name, AutoCloseable resource) {}

  /** Registers a started part; returns it for chaining. */
  public synchronized <T extends AutoCloseable> T add(String name, T resource) {
    if (closed) {
      closeQuietly(new Named(name, resource));
      throw new IllegalStateException("shutting down");
    }
    parts.push(new Named(name, resource));
    return resource;
  }

  /** Closes everything when the JVM is asked to stop (Ctrl-C, SIGTERM). */
  public Lifecycle closeOnShutdown() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "voltstream-shutdown"));
    return this;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    while (!parts.isEmpty()) {
      closeQuietly(parts.pop());
    }
  }

  private static void closeQuietly(Named part) {
    try {
      LOG.info("Stopping {}", part.name());
      part.resource().close();
    } catch (Exception e) {
      LOG.warn("Stopping {} failed", part.name(), e);
    }
  }
}
