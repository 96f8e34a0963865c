package io.voltstream.api;

import io.voltstream.api.auth.JwtService;
import io.voltstream.api.auth.Revocation;
import io.voltstream.api.auth.TokenRecord;
import io.voltstream.api.auth.TokenService;
import io.voltstream.api.health.HealthService;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.store.InMemoryReplicatedMap;
import io.voltstream.api.store.ReplicatedMap;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link ApiServer#create} needs, built by {@link ApiApp} from real Kafka-backed stores,
 * or by {@link #inMemory} for handler tests that exercise the real router without infrastructure.
 *
 * <pre>{@code
 * ApiDependencies deps = ApiDependencies.inMemory(ApiConfig.defaults().withPort(0), clock);
 * Javalin app = ApiServer.create(deps.withModules(List.of(new MyModule(deps.core()))));
 * String viewer = deps.jwt().issue("t", Role.VIEWER, List.of(), Duration.ofHours(1)).token();
 * }</pre>
 */
public record ApiDependencies(
    ApiConfig config,
    Clock clock,
    JwtService jwt,
    TokenService tokens,
    RegistryService registry,
    HealthService health,
    List<ApiModule> modules) {

  public ApiDependencies {
    modules = List.copyOf(modules);
  }

  /** The services handed to module factories, with an empty environment. */
  public CoreServices core() {
    return core(Map.of());
  }

  /** The services handed to module factories, with the process environment {@code env}. */
  public CoreServices core(Map<String, String> env) {
    return new CoreServices(config, clock, jwt, registry, env);
  }

  public ApiDependencies withModules(List<ApiModule> newModules) {
    return new ApiDependencies(config, clock, jwt, tokens, registry, health, newModules);
  }

  public ApiDependencies withHealth(HealthService newHealth) {
    return new ApiDependencies(config, clock, jwt, tokens, registry, newHealth, modules);
  }

  /** In-process stores, a random JWT secret, no health checks and no modules. */
  public static ApiDependencies inMemory(ApiConfig config, Clock clock) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    ReplicatedMap<TokenRecord> tokens = new InMemoryReplicatedMap<>();
    ReplicatedMap<Revocation> revocations = new InMemoryReplicatedMap<>();
    JwtService jwt = new JwtService(secret, clock, id -> revocations.get(id).isPresent());
    TokenService tokenService = new TokenService(jwt, tokens, revocations, clock, config.tokenTtl());
    RegistryService registry = new RegistryService(new InMemoryReplicatedMap<>());
    return new ApiDependencies(
        config, clock, jwt, tokenService, registry, new HealthService(List.of(), clock), List.of());
  }
}
