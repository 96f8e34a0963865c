package io.voltstream.api.live;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link LiveSink} that records texts; when {@code stalled}, sends never complete (a slow
 * client).
 */
final class FakeSink implements LiveSink {
  final List<String> sent = new ArrayList<>();
  final List<Consumer<Throwable>> unfinished = new ArrayList<>();
  boolean stalled;
  Integer closedWith;
  String closedBecause;

  @Override
  public synchronized void send(String text, Consumer<Throwable> done) {
    sent.add(text);
    if (stalled) {
      unfinished.add(done);
    } else {
      done.accept(null);
    }
  }

  @Override
  public synchronized void close(int statusCode, String reason) {
    closedWith = statusCode;
    closedBecause = reason;
  }

  synchronized List<String> texts() {
    return List.copyOf(sent);
  }

  /** Completes every pending send (the client caught up once). */
  void completeOne() {
    Consumer<Throwable> done;
    synchronized (this) {
      if (unfinished.isEmpty()) {
        return;
      }
      done = unfinished.remove(0);
    }
    done.accept(null);
  }
}
