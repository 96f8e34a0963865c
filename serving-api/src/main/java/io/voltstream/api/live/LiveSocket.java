package io.voltstream.api.live;

import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsErrorContext;
import io.javalin.websocket.WsMessageContext;
import io.voltstream.api.auth.AuthException;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.auth.TokenAuthenticator;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /ws} endpoint: authenticates each connection with the API's token authenticator,
 * either from the {@code token} query parameter at connect or from a first message {@code
 * {"action":"auth","token":"…"}} within the auth timeout, and then hands the session to the {@link
 * LiveHub}. Bad, expired and revoked tokens are closed with 1008 and the reason. Authorization
 * holds while connected: an open session is closed with 1008 when its token expires (a sweep every
 * {@link #EXPIRY_SWEEP} over the hub's expiry index) or is revoked on any instance ({@link
 * #revoked}, called by the revocation reader). A scoped token gets only the messages its grant
 * covers ({@link ResourceScope}: readings and events of covered sensors and rooms, room metrics of
 * covered rooms, forecasts of covered buildings), checked per message against the current registry.
 * Uses one timer thread for all sessions.
 */
public final class LiveSocket implements ResourceRoutes, AutoCloseable {
  /** Server ping period: well inside Jetty's 30 s WebSocket idle timeout. */
  static final Duration PING_INTERVAL = Duration.ofSeconds(10);

  /**
   * How often sessions whose token expired are looked for: a session outlives its token by at most
   * this (plus the close handshake). Cheap: the hub looks at the earliest expiry only.
   */
  static final Duration EXPIRY_SWEEP = Duration.ofMillis(100);

  static final String REVOKED = "token has been revoked";

  private static final Logger LOG = LoggerFactory.getLogger(LiveSocket.class);

  private final LiveHub hub;
  private final TokenAuthenticator authenticator;
  private final ResourceScope scope;
  private final Duration authTimeout;
  private final ConcurrentHashMap<String, WsContext> awaitingAuth = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;

  public LiveSocket(
      LiveHub hub, TokenAuthenticator authenticator, ResourceScope scope, Duration authTimeout) {
    this.hub = hub;
    this.authenticator = authenticator;
    this.scope = scope;
    this.authTimeout = authTimeout;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "voltstream-live-timer");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::sweepExpired,
        EXPIRY_SWEEP.toMillis(),
        EXPIRY_SWEEP.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .ws(
            "/ws",
            ws -> {
              ws.onConnect(this::connected);
              ws.onMessage(this::message);
              ws.onClose(this::closed);
              ws.onError(this::failed);
            })
        .authenticatedByHandler()
        .tag("Live")
        .summary(
            "Live readings, room metrics, events, forecasts, batteries and commands over WebSocket")
        .description(
            "Authenticate with ?token=<jwt> or a first message"
                + " {\"action\":\"auth\",\"token\":\"…\"}; then"
                + " {\"action\":\"subscribe\",\"rooms\":[…],\"sensors\":[…],\"streams\":[\"readings\",\"room_metrics\",\"events\"]}"
                + " and {\"action\":\"unsubscribe\",…}. Server messages have a type: welcome,"
                + " subscribed, reading, room_metrics, event, forecast, battery, command, dr,"
                + " flexibility, market (admin: kind trade, clearing, order, settlement), pong,"
                + " error {type, code, message}: code bad_request for a message that is not a valid"
                + " command, unknown_stream for a subscribe naming a stream this server does not"
                + " push (nothing of that subscribe is applied; the session stays open), overloaded"
                + " (with dropped) when a slow session's messages are shed: it then gets the newest"
                + " value per sensor/room.")
        .queryParam("token", String.class, false, "JWT (or send it in the first message)");
  }

  void connected(WsConnectContext ctx) {
    // Jetty closes a WebSocket idle for 30 s (1001 "Connection Idle Timeout"); sparse streams
    // (market, dr, events) are often silent longer, so the server pings every PING_INTERVAL
    ctx.enableAutomaticPings(PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    String token = ctx.queryParam("token");
    if (token != null && !token.isBlank()) {
      authenticate(ctx, token);
      return;
    }
    awaitingAuth.put(ctx.sessionId(), ctx);
    timer.schedule(
        () -> {
          WsContext pending = awaitingAuth.remove(ctx.sessionId());
          if (pending != null) {
            pending.closeSession(
                LiveHub.POLICY_VIOLATION,
                "no auth message within " + authTimeout.toMillis() + " ms");
          }
        },
        authTimeout.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  void message(WsMessageContext ctx) {
    WsContext pending = awaitingAuth.remove(ctx.sessionId());
    if (pending == null) {
      hub.handle(ctx.sessionId(), ctx.message());
      return;
    }
    ClientCommand cmd = ClientCommand.parse(ctx.message());
    if (cmd instanceof ClientCommand.Auth auth) {
      authenticate(ctx, auth.token());
    } else {
      ctx.closeSession(
          LiveHub.POLICY_VIOLATION,
          "the first message must be {\"action\":\"auth\",\"token\":\"…\"}");
    }
  }

  void closed(WsCloseContext ctx) {
    ctx.disableAutomaticPings();
    awaitingAuth.remove(ctx.sessionId());
    hub.close(ctx.sessionId());
  }

  void failed(WsErrorContext ctx) {
    ctx.disableAutomaticPings();
    awaitingAuth.remove(ctx.sessionId());
    hub.close(ctx.sessionId());
  }

  private void authenticate(WsContext ctx, String token) {
    Principal p;
    try {
      p = authenticator.authenticate(token);
    } catch (AuthException e) {
      ctx.closeSession(LiveHub.POLICY_VIOLATION, e.reason().text());
      return;
    }
    hub.open(
        ctx.sessionId(),
        p.subject(),
        p.tokenId(),
        p.expiresAt(),
        new JettySink(ctx),
        permitted(scope, p));
    // A revocation applied between the check above and the registration found no session of this
    // token to close: checking again now that the session is registered closes that window.
    try {
      authenticator.authenticate(token);
    } catch (AuthException e) {
      hub.closeToken(p.tokenId(), e.reason().text());
    }
  }

  /**
   * Closes (1008) every session of the revoked token {@code tokenId}; called on the revocation
   * reader's thread, so the closing runs on this socket's timer thread.
   */
  public void revoked(String tokenId) {
    try {
      timer.execute(
          () -> {
            int n = hub.closeToken(tokenId, REVOKED);
            if (n > 0) {
              LOG.info("closed {} live sessions of revoked token {}", n, tokenId);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("socket closed; not closing sessions of revoked token {}", tokenId);
    }
  }

  /**
   * Which messages a session of {@code p} may receive: those whose resource the token's scope
   * covers, demand response ({@code dr}, {@code flexibility}) only for admin and operator tokens
   * (design §4: viewers have no DR access), the P2P market ({@code market}) only for admin tokens.
   */
  static Predicate<LiveMessage> permitted(ResourceScope scope, Principal p) {
    boolean admin = p.hasRole(Role.ADMIN);
    boolean seesDr = admin || p.hasRole(Role.OPERATOR);
    Predicate<LiveMessage> byRole =
        m ->
            (seesDr || !LiveStreams.DEMAND_RESPONSE.contains(m.stream()))
                && (admin || !LiveStreams.ADMIN_ONLY.contains(m.stream()));
    return byRole.and(covered(scope, p));
  }

  private static Predicate<LiveMessage> covered(ResourceScope scope, Principal p) {
    if (ResourceScope.unscoped(p)) {
      return m -> true;
    }
    return m ->
        !m.buildings().isEmpty()
            ? m.buildings().stream().anyMatch(b -> scope.coversBuilding(p, b))
            : m.building() != null
                ? scope.coversBuilding(p, m.building())
                : m.sensorId() != null
                    ? scope.coversSensor(p, m.sensorId(), m.room())
                    : m.room() != null && scope.coversRoom(p, m.room());
  }

  private void sweepExpired() {
    try {
      int n = hub.closeExpired();
      if (n > 0) {
        LOG.info("closed {} live sessions whose token expired", n);
      }
    } catch (RuntimeException e) {
      LOG.warn("expiry sweep failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    hub.closeAll(1001, "server shutting down");
    hub.close();
  }

  /** Sends through Jetty's asynchronous API, so no thread waits for a slow client. */
  private record JettySink(WsContext ctx) implements LiveSink {
    @Override
    public void send(String text, Consumer<Throwable> done) {
      try {
        ctx.session.sendText(text, Callback.from(() -> done.accept(null), done::accept));
      } catch (RuntimeException e) {
        done.accept(e);
      }
    }

    @Override
    public void close(int statusCode, String reason) {
      try {
        ctx.closeSession(statusCode, reason);
      } catch (RuntimeException e) {
        LOG.debug("closing live session failed: {}", e.toString());
      }
    }
  }
}
