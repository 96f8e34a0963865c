package io.voltstream.metrics;

import io.voltstream.config.ConfigReader;
import io.voltstream.config.Option;
import java.util.Map;

/**
 * Where one component serves {@code GET /metrics}: {@code port} 0 = any free port, -1 = none.
 *
 * @param bindAddress {@link MetricsOptions#BIND_ADDRESS}
 * @param port the component's port option, e.g. {@link MetricsOptions#INGEST_PORT}
 */
public record MetricsEndpoint(String bindAddress, int port) {

  /** No endpoint: the component keeps its meters in memory only. */
  public static final MetricsEndpoint NONE = new MetricsEndpoint("127.0.0.1", -1);

  public MetricsEndpoint {
    if (port < -1 || port > 65535) {
      throw new IllegalArgumentException("metrics port must be -1..65535, got " + port);
    }
  }

  /**
   * The endpoint {@code portOption} and {@link MetricsOptions#BIND_ADDRESS} name in {@code env}.
   */
  public static MetricsEndpoint fromEnv(Map<String, String> env, Option<Integer> portOption) {
    ConfigReader r = new ConfigReader(env);
    return new MetricsEndpoint(r.get(MetricsOptions.BIND_ADDRESS), r.get(portOption));
  }

  public boolean enabled() {
    return port >= 0;
  }
}
