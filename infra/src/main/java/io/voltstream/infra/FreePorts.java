package io.voltstream.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Picks free TCP ports on 127.0.0.1 so that servers of parallel test runs do not collide.
 *
 * <p>The port is released before the caller binds it, so another process may take it in between;
 * the servers in this package retry with a fresh port when that race is lost.
 */
public final class FreePorts {
  // Ports handed out recently by this JVM: avoids giving the same port twice before it is bound.
  private static final Set<Integer> RECENT = new HashSet<>();

  private FreePorts() {}

  /** Returns a port that was free on 127.0.0.1 a moment ago. */
  public static synchronized int pick() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = socket.getLocalPort();
        if (RECENT.add(port)) {
          if (RECENT.size() > 1000) {
            RECENT.clear();
          }
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot bind an ephemeral port on 127.0.0.1", e);
      }
    }
    throw new IllegalStateException("no free port found on 127.0.0.1 after 50 attempts");
  }

  /** Whether something accepts TCP connections on {@code host:port} right now. */
  public static boolean isAccepting(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Polls until {@code host:port} accepts connections; returns false when the timeout expired. */
  public static boolean awaitAccepting(String host, int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (isAccepting(host, port)) {
        return true;
      }
      Waits.pause(Duration.ofMillis(20));
    }
    return isAccepting(host, port);
  }
}
