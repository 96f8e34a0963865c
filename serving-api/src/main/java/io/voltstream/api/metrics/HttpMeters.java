package io.voltstream.api.metrics;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code voltstream_http_server_requests_seconds{method,route,status}}: the latency of every HTTP
 * request as Javalin measured it, tagged with the matched route's <em>template</em> ({@code
 * /api/v1/rooms/{roomId}/data}), never the raw path, so the number of series is bounded by the
 * route table. Requests no route matched (static dashboard files, 404s) share {@code
 * route="unmatched"}.
 */
public final class HttpMeters {
  /** The route tag of requests that matched no API route. */
  public static final String UNMATCHED = "unmatched";

  private final MeterRegistry registry;

  public HttpMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the request logger that records every request into the registry. */
  public void install(JavalinConfig cfg) {
    cfg.requestLogger.http(this::record);
  }

  private void record(Context ctx, Float executionMs) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    String route = endpoint == null ? UNMATCHED : endpoint.path;
    Timer.builder("voltstream.http.server.requests")
        .description("HTTP request latency by route template and status")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(ctx.statusCode()))
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(Duration.ofNanos((long) (executionMs * 1_000_000d)));
  }
}
