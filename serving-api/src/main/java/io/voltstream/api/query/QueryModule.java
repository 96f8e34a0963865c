package io.voltstream.api.query;

import io.voltstream.api.ApiModule;
import io.voltstream.api.CoreServices;
import io.voltstream.api.analytics.AnalyticsController;
import io.voltstream.api.analytics.DataQueryService;
import io.voltstream.api.analytics.SummaryService;
import io.voltstream.api.events.EventsController;
import io.voltstream.api.events.EventsService;
import io.voltstream.api.export.ExportController;
import io.voltstream.api.export.ExportService;
import io.voltstream.api.influx.CachingInfluxReader;
import io.voltstream.api.influx.GuardedInfluxReader;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.influx.InfluxClient;
import io.voltstream.api.live.LiveFeed;
import io.voltstream.api.live.LiveHub;
import io.voltstream.api.live.LiveMessages;
import io.voltstream.api.live.LiveSocket;
import io.voltstream.api.roomdata.RoomDataController;
import io.voltstream.api.roomdata.RoomDataService;
import io.voltstream.api.route.RouteTable;
import java.time.Clock;
import java.util.Optional;

/**
 * The data side of the API: room data, analytics summary, ad-hoc queries, export and events over
 * InfluxDB, and the live WebSocket fed from Kafka. The dashboard at {@code /} is a static page
 * ({@code src/main/resources/public}) served by the core.
 *
 * <pre>{@code
 * ApiModule.Factory f = core -> QueryModule.create(core, QueryConfig.fromEnv(env));
 * }</pre>
 */
public final class QueryModule implements ApiModule {

  private final LiveHub hub;
  private final LiveSocket socket;
  private final Optional<LiveFeed> feed;
  private final RoomDataController roomData;
  private final AnalyticsController analytics;
  private final ExportController export;
  private final EventsController events;

  /**
   * @param influx the raw InfluxQL reader (wrapped here with the cache and error mapping)
   * @param kafkaBootstrap where the live feed reads from; empty: no feed (only {@link #hub()} broadcasts)
   */
  public QueryModule(CoreServices core, QueryConfig config, InfluxReader influx, Optional<String> kafkaBootstrap) {
    Clock clock = core.clock();
    RegistryLookup registry = RegistryLookups.of(core.registry());
    InfluxReader cached = new GuardedInfluxReader(new CachingInfluxReader(influx, config.cacheTtl(), 10_000, clock));
    InfluxReader uncached = new GuardedInfluxReader(influx);
    this.hub = new LiveHub(config.liveQueueKeys(), clock);
    this.socket = new LiveSocket(hub, core.authenticator(), config.liveAuthTimeout());
    this.roomData = new RoomDataController(new RoomDataService(cached, registry, config), config, clock);
    this.analytics = new AnalyticsController(new SummaryService(cached, registry, hub::sessionCount, clock),
        new DataQueryService(cached, config, clock));
    this.export = new ExportController(new ExportService(uncached, config), config, clock);
    this.events = new EventsController(new EventsService(cached), clock);
    this.feed = kafkaBootstrap.map(b -> LiveFeed.start(b, hub, new LiveMessages(registry::roomOfSensor)));
  }

  /** Production wiring: InfluxDB and Kafka from the API configuration. */
  public static QueryModule create(CoreServices core, QueryConfig config) {
    InfluxClient influx = new InfluxClient(core.config().influxUrl(), core.config().influxDb());
    return new QueryModule(core, config, influx::query, Optional.of(core.config().kafkaBootstrap()));
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    roomData.registerRoutes(routes);
    analytics.registerRoutes(routes);
    export.registerRoutes(routes);
    events.registerRoutes(routes);
    socket.registerRoutes(routes);
  }

  /** The live fan-out; other modules may {@link LiveHub#broadcast} through it. */
  public LiveHub hub() {
    return hub;
  }

  public Optional<LiveFeed> feed() {
    return feed;
  }

  @Override
  public void close() {
    feed.ifPresent(LiveFeed::close);
    socket.close();
  }
}
