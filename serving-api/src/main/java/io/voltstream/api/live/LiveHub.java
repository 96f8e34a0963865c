package io.voltstream.api.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.model.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live fan-out: tracks authenticated WebSocket sessions and their subscriptions, answers their
 * subscribe/unsubscribe messages, and pushes each {@link LiveMessage} to every session that wants
 * it ({@link #broadcast}, called by the Kafka feed and by anything else with something live to
 * say). Sessions own no threads; see {@link LiveSession} for queueing and conflation.
 */
public final class LiveHub implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);

  /** WebSocket close code for policy violations (bad, expired or revoked token). */
  public static final int POLICY_VIOLATION = 1008;

  private final int maxKeysPerSession;
  private final Clock clock;
  private final ConcurrentHashMap<String, LiveSession> sessions = new ConcurrentHashMap<>();
  private final SessionIndex index = new SessionIndex();
  private final AtomicLong broadcasts = new AtomicLong();
  // sessions come and go; the hub's total of shed pushes must only grow (a Prometheus counter)
  private final java.util.concurrent.atomic.LongAdder shed =
      new java.util.concurrent.atomic.LongAdder();

  private final Executor sender;
  private final ExecutorService ownedSender;

  /** A hub with its own sender pool, one thread per core (at least two). */
  public LiveHub(int maxKeysPerSession, Clock clock) {
    this(maxKeysPerSession, clock, newSenderPool());
  }

  private LiveHub(int maxKeysPerSession, Clock clock, ExecutorService pool) {
    this.maxKeysPerSession = maxKeysPerSession;
    this.clock = clock;
    this.sender = pool;
    this.ownedSender = pool;
  }

  /** A hub sending on {@code sender} (tests pass {@code Runnable::run} to send synchronously). */
  public LiveHub(int maxKeysPerSession, Clock clock, Executor sender) {
    this.maxKeysPerSession = maxKeysPerSession;
    this.clock = clock;
    this.sender = sender;
    this.ownedSender = null;
  }

  private static ExecutorService newSenderPool() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        r -> {
          Thread t = new Thread(r, "voltstream-live-sender-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** Stops the sender pool (after {@link #closeAll}). */
  @Override
  public void close() {
    if (ownedSender != null) {
      ownedSender.shutdownNow();
    }
  }

  /**
   * Registers an authenticated session and sends it a {@code welcome}.
   *
   * @param tokenId the id ({@code jti}) of the token the session authenticated with: {@link
   *     #closeToken} closes it when that token is revoked
   * @param expiresAt when the token expires: {@link #closeExpired} closes the session from then on
   * @param permitted which messages the caller's token may see (resource permissions)
   */
  public LiveSession open(
      String sessionId,
      String subject,
      String tokenId,
      Instant expiresAt,
      LiveSink sink,
      Predicate<LiveMessage> permitted) {
    LiveSession session =
        new LiveSession(
            sessionId,
            subject,
            expiresAt,
            sink,
            permitted,
            maxKeysPerSession,
            () -> failed(sessionId),
            sender,
            shed);
    LiveSession previous = sessions.put(sessionId, session);
    if (previous != null) {
      previous.markClosed();
    }
    index.add(sessionId, tokenId, expiresAt);
    ObjectNode welcome =
        Json.MAPPER
            .createObjectNode()
            .put("type", "welcome")
            .put("session_id", sessionId)
            .put("subject", subject)
            .put("expires_at", expiresAt.toString());
    session.reply("control:welcome", welcome.toString());
    return session;
  }

  /** Forgets a session (on close or error); idempotent. */
  public void close(String sessionId) {
    index.remove(sessionId);
    LiveSession s = sessions.remove(sessionId);
    if (s != null) {
      s.markClosed();
    }
  }

  /** Handles a client message of an authenticated session. */
  public void handle(String sessionId, String text) {
    LiveSession s = sessions.get(sessionId);
    if (s == null) {
      return;
    }
    ClientCommand cmd = ClientCommand.parse(text);
    if (cmd instanceof ClientCommand.Subscribe sub) {
      s.subscription(s.subscription().plus(sub.subscription()));
      s.reply("control:subscription", subscriptionMessage(s.subscription()));
    } else if (cmd instanceof ClientCommand.Unsubscribe unsub) {
      s.subscription(s.subscription().minus(unsub.subscription()));
      s.reply("control:subscription", subscriptionMessage(s.subscription()));
    } else if (cmd instanceof ClientCommand.Ping) {
      s.reply("control:pong", "{\"type\":\"pong\"}");
    } else if (cmd instanceof ClientCommand.Auth) {
      s.reply("control:error", error("already_authenticated", "session is already authenticated"));
    } else if (cmd instanceof ClientCommand.Invalid inv) {
      s.reply("control:error", error(inv.code(), inv.reason()));
    }
  }

  /** Pushes one message to every session whose subscription and permissions match. */
  public void broadcast(LiveMessage message) {
    broadcasts.incrementAndGet();
    for (LiveSession s : sessions.values()) {
      if (s.wants(message)) {
        s.offer(message);
      }
    }
  }

  /**
   * Closes (1008) the sessions whose token expired; returns how many. Called several times a second
   * by the socket: costs O(log n) when nothing is due.
   */
  public int closeExpired() {
    return closeEach(index.removeExpired(clock.instant()), "token has expired");
  }

  /** Closes (1008) every session authenticated with token {@code tokenId}; returns how many. */
  public int closeToken(String tokenId, String reason) {
    return closeEach(index.removeToken(tokenId), reason);
  }

  private int closeEach(List<String> sessionIds, String reason) {
    int n = 0;
    for (String id : sessionIds) {
      LiveSession s = sessions.remove(id);
      if (s != null) {
        s.close(POLICY_VIOLATION, reason);
        n++;
      }
    }
    return n;
  }

  /** Closes every session (server shutdown). */
  public void closeAll(int statusCode, String reason) {
    index.clear();
    for (LiveSession s : List.copyOf(sessions.values())) {
      sessions.remove(s.id(), s);
      s.close(statusCode, reason);
    }
  }

  public int sessionCount() {
    return sessions.size();
  }

  /** Sessions with a non-empty subscription. */
  public int subscriptionCount() {
    return (int) sessions.values().stream().filter(s -> !s.subscription().isEmpty()).count();
  }

  public Collection<LiveSession> sessions() {
    return List.copyOf(sessions.values());
  }

  public long broadcastCount() {
    return broadcasts.get();
  }

  /** Pushes shed by every session since the hub started (closed sessions included). */
  public long shedTotal() {
    return shed.sum();
  }

  static String error(String code, String message) {
    return Json.MAPPER
        .createObjectNode()
        .put("type", "error")
        .put("code", code)
        .put("message", message)
        .toString();
  }

  private static String subscriptionMessage(Subscription s) {
    ObjectNode n = Json.MAPPER.createObjectNode().put("type", "subscribed");
    ArrayNode rooms = n.putArray("rooms");
    s.rooms().stream().sorted().forEach(rooms::add);
    ArrayNode sensors = n.putArray("sensors");
    s.sensors().stream().sorted().forEach(sensors::add);
    ArrayNode streams = n.putArray("streams");
    s.streams().stream().sorted().forEach(streams::add);
    return n.toString();
  }

  private void failed(String sessionId) {
    LOG.debug("send to live session {} failed; dropping it", sessionId);
    close(sessionId);
  }
}
