package io.voltstream.api;

import io.voltstream.api.auth.TokenAuthenticator;
import io.voltstream.api.registry.RegistryService;
import java.time.Clock;
import java.util.Map;

/**
 * What the core gives every {@link ApiModule.Factory}: configuration, the clock, the token
 * authenticator (for WebSocket auth), the registry view (rooms, sensors, buildings) and the
 * process environment, from which a module reads its own {@code XxxConfig.fromEnv(env)}.
 */
public record CoreServices(
    ApiConfig config, Clock clock, TokenAuthenticator authenticator, RegistryService registry, Map<String, String> env) {

  public CoreServices {
    env = Map.copyOf(env);
  }
}
