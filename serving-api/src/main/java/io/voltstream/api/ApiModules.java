package io.voltstream.api;

import java.util.List;

/**
 * The feature modules {@link ApiApp} wires into the running API, beyond the core (health, docs,
 * tokens, registry). Each engineer appends their factory here; order only affects the order of
 * {@code /openapi.json}.
 */
public final class ApiModules {
  private ApiModules() {}

  /** Factories of the production modules. */
  public static List<ApiModule.Factory> production() {
    return List.of(
        // E2: queries, export, events, WebSocket (settings: QueryConfig, VOLTSTREAM_API_* keys)
        core -> io.voltstream.api.forecast.ForecastModule.create(core),
        // F: forecasts — add e.g. `core -> new io.voltstream.api.forecast.ForecastModule(core),` above this line
        core -> io.voltstream.api.query.QueryModule.create(core, io.voltstream.api.query.QueryConfig.fromEnv(core.env())));
  }
}
