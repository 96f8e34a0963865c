package io.voltstream.api.forecast;

import io.voltstream.api.ApiModule;
import io.voltstream.api.CoreServices;
import io.voltstream.api.influx.CachingInfluxReader;
import io.voltstream.api.influx.GuardedInfluxReader;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.influx.InfluxClient;
import io.voltstream.api.route.RouteTable;
import java.time.Duration;

/**
 * Forecast endpoints over what the forecast service (forecasting-models, {@code
 * io.voltstream.forecast.streaming.ForecastService}) writes to InfluxDB. Reads only; forecasts change
 * hourly, so answers are cached for 30 s.
 */
public final class ForecastModule implements ApiModule {
  private final ForecastController controller;

  public ForecastModule(CoreServices core, InfluxReader influx) {
    InfluxReader guarded = new GuardedInfluxReader(new CachingInfluxReader(influx, Duration.ofSeconds(30), 1_000, core.clock()));
    this.controller = new ForecastController(new ForecastQueryService(guarded, core.clock()));
  }

  /** Production wiring: InfluxDB from the API configuration. */
  public static ForecastModule create(CoreServices core) {
    return new ForecastModule(core, new InfluxClient(core.config().influxUrl(), core.config().influxDb())::query);
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    controller.registerRoutes(routes);
  }
}
