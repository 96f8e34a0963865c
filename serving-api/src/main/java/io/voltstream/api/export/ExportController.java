package io.voltstream.api.export;

import io.javalin.http.Context;
import io.voltstream.api.auth.Role;
import io.voltstream.api.query.Inputs;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.api.query.TimeRange;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/export}: streams raw readings as CSV or JSON, chunked, straight to the
 * response output stream page by page. Validation happens before the first byte, so errors are
 * still problem JSON; a failure mid-stream can only cut the response short (logged). A scoped token
 * must name the rooms or sensors it exports, each covered by its grant (403 otherwise).
 */
public final class ExportController implements ResourceRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(ExportController.class);

  private final ExportService service;
  private final ResourceScope scope;
  private final QueryConfig config;
  private final Clock clock;

  public ExportController(
      ExportService service, ResourceScope scope, QueryConfig config, Clock clock) {
    this.service = service;
    this.scope = scope;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get("/api/v1/export", this::export)
        .roles(Role.ADMIN, Role.OPERATOR, Role.VIEWER)
        .tag("Export")
        .summary("Stream raw readings as CSV or JSON")
        .description(
            "Columns: time (ISO-8601), sensor_id, room, sensor_type, energy_kwh, power_w, co2_ppm,"
                + " temperature_c, humidity_percent, voltage_v, generation_kwh. Streamed in pages"
                + " of VOLTSTREAM_API_EXPORT_PAGE_ROWS rows; never held in memory as a whole.")
        .queryParam(
            "start_time", String.class, false, "ISO-8601 or epoch ms (default: end_time - 1 h)")
        .queryParam("end_time", String.class, false, "ISO-8601 or epoch ms (default: now)")
        .queryParam("format", String.class, false, "csv (default) or json")
        .queryParam("room", String.class, false, "only these rooms (repeatable)")
        .queryParam("sensor", String.class, false, "only these sensors (repeatable)")
        .produces("text/csv")
        .response(200, "CSV with a header row, or a JSON array of objects")
        .response(400, "invalid parameter")
        .response(422, "range longer than VOLTSTREAM_API_EXPORT_MAX_RANGE");
  }

  void export(Context ctx) throws IOException {
    TimeRange range =
        TimeRange.parse(
            ctx.queryParam("start_time"),
            ctx.queryParam("end_time"),
            Duration.ofHours(1),
            config.maxExportRange(),
            clock.instant());
    ExportFormat format = ExportFormat.parse(ctx.queryParam("format"));
    List<String> rooms = tags(ctx, "room");
    List<String> sensors = tags(ctx, "sensor");
    scope.requireFilters(AccessControl.principal(ctx), rooms, sensors);
    ExportRequest request = new ExportRequest(range, rooms, sensors, format);

    ctx.contentType(format.contentType());
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"voltstream-readings-"
            + range.start().getEpochSecond()
            + "-"
            + range.end().getEpochSecond()
            + "."
            + format.extension()
            + "\"");
    OutputStream out = ctx.res().getOutputStream();
    long rows;
    try {
      rows = service.export(request, out);
    } catch (RuntimeException e) {
      LOG.warn("export of {} cut short: {}", range, e.getMessage());
      throw e;
    }
    out.flush();
    LOG.debug("export streamed {} rows", rows);
  }

  private static List<String> tags(Context ctx, String name) {
    List<String> out = new ArrayList<>();
    for (String v : ctx.queryParams(name)) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          out.add(Inputs.tagValue(name, part.trim()));
        }
      }
    }
    return out;
  }
}
