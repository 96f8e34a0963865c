package io.voltstream.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.voltstream.api.auth.JwtService;
import io.voltstream.api.auth.TokenRecord;
import io.voltstream.api.auth.TokenService;
import io.voltstream.api.commands.CommandPublisher;
import io.voltstream.api.dr.DrStore;
import io.voltstream.api.health.HealthService;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.mqttauth.MqttAccounts;
import io.voltstream.api.p2p.OrderLog;
import io.voltstream.api.p2p.OrderStore;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.store.InMemoryReplicatedMap;
import io.voltstream.api.store.ReplicatedMap;
import io.voltstream.api.store.StoreUnavailableException;
import io.voltstream.api.store.TombstonePolicy;
import io.voltstream.influx.InfluxException;
import io.voltstream.model.Revocation;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@link ApiServer} wires the resources from: the settings, the clock, the token and registry
 * views, the health checks, the InfluxDB reader (raw: the server adds the caches and the 503
 * mapping) and where the live feed reads Kafka. Built by {@link ApiApp} from real Kafka-backed
 * stores, or by {@link #inMemory} for tests that exercise the real router without infrastructure.
 *
 * <pre>{@code
 * ApiDependencies deps = ApiDependencies.inMemory(config, clock).withInflux(fakeInflux);
 * Javalin app = ApiServer.create(deps);
 * String viewer = deps.jwt().issue("t", Role.VIEWER, List.of(), Duration.ofHours(1)).token();
 * }</pre>
 *
 * @param commands where manual commands go (Kafka {@code commands})
 * @param liveFeedBootstrap Kafka the live feed reads from; empty: no feed (only {@code
 *     hub().broadcast})
 * @param dr the views of Kafka {@code dr-invitations} and {@code dr-status}
 * @param orders the bounded view of Kafka {@code market-orders} and {@code market-order-status}
 * @param orderLog where P2P orders go (Kafka {@code market-orders})
 * @param mqttAccounts the broker's device accounts (dynamic security); empty: the device credential
 *     routes answer 503
 * @param meters where the API's metrics go (HTTP latency by route, live hub); {@link ApiApp} serves
 *     them on the metrics port
 */
public record ApiDependencies(
    ApiConfig config,
    QueryConfig queryConfig,
    Clock clock,
    JwtService jwt,
    TokenService tokens,
    RegistryService registry,
    HealthService health,
    InfluxReader influx,
    CommandPublisher commands,
    Optional<String> liveFeedBootstrap,
    DrStore dr,
    OrderStore orders,
    OrderLog orderLog,
    Optional<MqttAccounts> mqttAccounts,
    MeterRegistry meters) {

  public ApiDependencies withHealth(HealthService newHealth) {
    return edit(b -> b.health = newHealth);
  }

  public ApiDependencies withQueryConfig(QueryConfig newQueryConfig) {
    return edit(b -> b.queryConfig = newQueryConfig);
  }

  public ApiDependencies withInflux(InfluxReader newInflux) {
    return edit(b -> b.influx = newInflux);
  }

  public ApiDependencies withCommands(CommandPublisher newCommands) {
    return edit(b -> b.commands = newCommands);
  }

  public ApiDependencies withOrderLog(OrderLog newOrderLog) {
    return edit(b -> b.orderLog = newOrderLog);
  }

  public ApiDependencies withMqttAccounts(MqttAccounts accounts) {
    return edit(b -> b.mqttAccounts = Optional.of(accounts));
  }

  public ApiDependencies withLiveFeed(String kafkaBootstrap) {
    return edit(b -> b.liveFeedBootstrap = Optional.of(kafkaBootstrap));
  }

  public ApiDependencies withMeters(MeterRegistry newMeters) {
    return edit(b -> b.meters = newMeters);
  }

  public ApiDependencies withoutLiveFeed() {
    return edit(b -> b.liveFeedBootstrap = Optional.empty());
  }

  /**
   * A copy with {@code change} applied: the one place that lists every component for the {@code
   * with…} methods, so a new component is added here and in {@link Copy} only.
   */
  private ApiDependencies edit(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The components of an {@link ApiDependencies} being edited. */
  private static final class Copy {
    ApiConfig config;
    QueryConfig queryConfig;
    Clock clock;
    JwtService jwt;
    TokenService tokens;
    RegistryService registry;
    HealthService health;
    InfluxReader influx;
    CommandPublisher commands;
    Optional<String> liveFeedBootstrap;
    DrStore dr;
    OrderStore orders;
    OrderLog orderLog;
    Optional<MqttAccounts> mqttAccounts;
    MeterRegistry meters;

    Copy(ApiDependencies d) {
      config = d.config;
      queryConfig = d.queryConfig;
      clock = d.clock;
      jwt = d.jwt;
      tokens = d.tokens;
      registry = d.registry;
      health = d.health;
      influx = d.influx;
      commands = d.commands;
      liveFeedBootstrap = d.liveFeedBootstrap;
      dr = d.dr;
      orders = d.orders;
      orderLog = d.orderLog;
      mqttAccounts = d.mqttAccounts;
      meters = d.meters;
    }

    ApiDependencies build() {
      return new ApiDependencies(
          config,
          queryConfig,
          clock,
          jwt,
          tokens,
          registry,
          health,
          influx,
          commands,
          liveFeedBootstrap,
          dr,
          orders,
          orderLog,
          mqttAccounts,
          meters);
    }
  }

  /**
   * In-process stores, a random JWT secret, default query settings, health probes that report no
   * servers, no live feed, meters kept in memory only, no InfluxDB (its routes answer 503 until
   * {@link #withInflux} gives one) and no Kafka for commands and market orders (503 until {@link
   * #withCommands} / {@link #withOrderLog}).
   */
  public static ApiDependencies inMemory(ApiConfig config, Clock clock) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    ReplicatedMap<TokenRecord> tokens = new InMemoryReplicatedMap<>();
    ReplicatedMap<Revocation> revocations = new InMemoryReplicatedMap<>(TombstonePolicy.IGNORE);
    JwtService jwt = new JwtService(secret, clock, id -> revocations.get(id).isPresent());
    TokenService tokenService =
        new TokenService(jwt, tokens, revocations, clock, config.tokenTtl());
    RegistryService registry = new RegistryService(new InMemoryReplicatedMap<>());
    InfluxReader noInflux =
        q -> {
          throw new InfluxException("no InfluxDB configured");
        };
    CommandPublisher noKafka =
        c -> {
          throw new StoreUnavailableException("no Kafka configured for commands");
        };
    OrderLog noOrderLog =
        o -> {
          throw new StoreUnavailableException("no Kafka configured for market orders");
        };
    return new ApiDependencies(
        config,
        QueryConfig.defaults(),
        clock,
        jwt,
        tokenService,
        registry,
        new HealthService(
            io.voltstream.api.health.HealthProbes.none(),
            io.voltstream.api.health.HealthOptions.HealthConfig.fromEnv(java.util.Map.of()),
            clock),
        noInflux,
        noKafka,
        Optional.empty(),
        DrStore.inMemory(),
        OrderStore.withDefaults(clock),
        noOrderLog,
        Optional.empty(),
        new SimpleMeterRegistry());
  }
}
