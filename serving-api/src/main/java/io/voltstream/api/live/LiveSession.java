package io.voltstream.api.live;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One authenticated WebSocket session: its subscription and its outgoing queue.
 *
 * <p>The queue holds at most {@code maxKeys} distinct conflation keys; a newer message for a key
 * already queued replaces the older one in place (newest wins), so a slow client receives the
 * latest value per sensor/room rather than a growing backlog. When a new key arrives at a full
 * queue, the message is shed and the client later gets one {@code error} message saying how many
 * were dropped. At most one message is in flight per session and the sink is asynchronous, so a
 * slow client never holds a thread and never delays other sessions. Sends run on the hub's sender
 * executor, not on the thread that broadcasts, so fan-out to many sessions uses every core.
 */
public final class LiveSession {

  private final String id;
  private final String subject;
  private final Instant expiresAt;
  private final LiveSink sink;
  private final Predicate<LiveMessage> permitted;
  private final int maxKeys;
  private final Runnable onFailure;
  private final java.util.concurrent.Executor sender;
  private final java.util.concurrent.atomic.LongAdder hubShed;

  private final Object lock = new Object();
  private final LinkedHashMap<String, String> pending = new LinkedHashMap<>();
  private final AtomicInteger wip = new AtomicInteger();
  private volatile Subscription subscription = Subscription.NONE;
  private boolean inFlight;
  private boolean closed;
  private long shedSinceNotice;
  private long shedTotal;
  private long sentTotal;

  LiveSession(
      String id,
      String subject,
      Instant expiresAt,
      LiveSink sink,
      Predicate<LiveMessage> permitted,
      int maxKeys,
      Runnable onFailure,
      java.util.concurrent.Executor sender,
      java.util.concurrent.atomic.LongAdder hubShed) {
    this.sender = sender;
    this.hubShed = hubShed;
    this.id = id;
    this.subject = subject;
    this.expiresAt = expiresAt;
    this.sink = sink;
    this.permitted = permitted;
    this.maxKeys = maxKeys;
    this.onFailure = onFailure;
  }

  public String id() {
    return id;
  }

  public String subject() {
    return subject;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Subscription subscription() {
    return subscription;
  }

  void subscription(Subscription s) {
    this.subscription = s;
  }

  boolean wants(LiveMessage m) {
    return subscription.matches(m) && permitted.test(m);
  }

  /** Queues a push (conflating by key) and starts sending if idle. */
  void offer(LiveMessage m) {
    enqueue(m.key(), m.json());
  }

  /** Queues a direct reply (welcome, subscription ack, protocol error) under its own key. */
  void reply(String key, String json) {
    enqueue(key, json);
  }

  private void enqueue(String key, String json) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (pending.containsKey(key) || pending.size() < maxKeys) {
        pending.put(key, json);
      } else {
        shedSinceNotice++;
        shedTotal++;
        hubShed.increment();
      }
    }
    schedule();
  }

  /** Makes sure a drain runs on the sender executor; at most one drain per session at a time. */
  private void schedule() {
    if (wip.getAndIncrement() == 0) {
      sender.execute(this::drain);
    }
  }

  private void drain() {
    do {
      String next = null;
      synchronized (lock) {
        if (!inFlight && !closed) {
          next = takeNext();
          inFlight = next != null;
        }
      }
      if (next != null) {
        sink.send(next, this::sent);
      }
    } while (wip.decrementAndGet() != 0);
  }

  private String takeNext() {
    if (shedSinceNotice > 0) {
      String notice =
          "{\"type\":\"error\",\"code\":\"overloaded\",\"message\":\"this session is too slow; the"
              + " server dropped messages\",\"dropped\":"
              + shedSinceNotice
              + "}";
      shedSinceNotice = 0;
      return notice;
    }
    Iterator<Map.Entry<String, String>> it = pending.entrySet().iterator();
    if (!it.hasNext()) {
      return null;
    }
    String text = it.next().getValue();
    it.remove();
    return text;
  }

  private void sent(Throwable failure) {
    synchronized (lock) {
      inFlight = false;
      if (failure == null) {
        sentTotal++;
      }
    }
    if (failure != null) {
      onFailure.run();
      return;
    }
    schedule();
  }

  /** Stops sending; pending messages are discarded. */
  void markClosed() {
    synchronized (lock) {
      closed = true;
      pending.clear();
    }
  }

  void close(int statusCode, String reason) {
    markClosed();
    sink.close(statusCode, reason);
  }

  public int pendingCount() {
    synchronized (lock) {
      return pending.size();
    }
  }

  public long shedTotal() {
    synchronized (lock) {
      return shedTotal;
    }
  }

  public long sentTotal() {
    synchronized (lock) {
      return sentTotal;
    }
  }
}
