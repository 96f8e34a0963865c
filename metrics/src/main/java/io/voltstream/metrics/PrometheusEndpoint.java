package io.voltstream.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component's Micrometer registry served as Prometheus text on {@code GET /metrics} by the JDK's
 * own HTTP server (one daemon thread; scrapes are rare and small). A port that is taken does not
 * stop the component: the endpoint is then absent and a warning says so, because metrics must never
 * take a data path down.
 *
 * <pre>{@code
 * PrometheusEndpoint metrics = PrometheusEndpoint.start("ingest", endpoint);
 * new IngestMeters(counters).bindTo(metrics.registry());
 * }</pre>
 */
public final class PrometheusEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PrometheusEndpoint.class);
  public static final String PATH = "/metrics";
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final HttpServer server;
  private final ExecutorService executor;

  private PrometheusEndpoint(
      PrometheusMeterRegistry registry, HttpServer server, ExecutorService executor) {
    this.registry = registry;
    this.server = server;
    this.executor = executor;
  }

  /**
   * A new registry whose series carry {@code component} as the {@code component} tag, served on
   * {@code endpoint} unless it is disabled or its port is taken.
   */
  public static PrometheusEndpoint start(String component, MetricsEndpoint endpoint) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("component", component);
    if (!endpoint.enabled()) {
      return new PrometheusEndpoint(registry, null, null);
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "metrics-http-" + component);
              t.setDaemon(true);
              return t;
            });
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(endpoint.bindAddress(), endpoint.port()), 16);
      server.createContext(PATH, exchange -> serve(registry, exchange));
      server.setExecutor(executor);
      server.start();
      LOG.info(
          "{} serves Prometheus metrics on http://{}:{}{}",
          component,
          endpoint.bindAddress(),
          server.getAddress().getPort(),
          PATH);
      return new PrometheusEndpoint(registry, server, executor);
    } catch (IOException e) {
      executor.shutdownNow();
      LOG.warn(
          "{}: cannot serve metrics on {}:{} ({}); running without a metrics endpoint",
          component,
          endpoint.bindAddress(),
          endpoint.port(),
          e.getMessage());
      return new PrometheusEndpoint(registry, null, null);
    }
  }

  private static void serve(PrometheusMeterRegistry registry, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "GET");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The port {@code /metrics} is served on; empty when there is no endpoint. */
  public Optional<Integer> port() {
    return Optional.ofNullable(server).map(s -> s.getAddress().getPort());
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
    registry.close();
  }
}
