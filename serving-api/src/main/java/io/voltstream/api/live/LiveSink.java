package io.voltstream.api.live;

import java.util.function.Consumer;

/**
 * Where a session's messages go: the WebSocket adapter wraps the Jetty session; tests use fakes.
 * {@link #send} must not block: it calls {@code done} (with null, or the failure) once the text is
 * written, possibly on another thread and possibly before returning.
 */
public interface LiveSink {
  void send(String text, Consumer<Throwable> done);

  void close(int statusCode, String reason);
}
