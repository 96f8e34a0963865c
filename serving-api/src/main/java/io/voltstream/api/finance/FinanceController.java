package io.voltstream.api.finance;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.error.Problem;
import io.voltstream.api.finance.dto.FinancialFigures;
import io.voltstream.api.finance.dto.FinancialReport;
import io.voltstream.api.query.Inputs;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.api.query.TimeRange;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteBuilder;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.Room;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/analytics/financial} and its export: a building's or room's money, energy and
 * CO2 per local hour, day or month (design §8, issue 10). Analytics roles (admin, operator, viewer
 * read). Scope: the building's figures need a grant covering the building, a room's a grant
 * covering the room (403 otherwise). Every parameter is checked here and named when invalid.
 */
public final class FinanceController implements ResourceRoutes {
  private static final String TAG = "Analytics";
  private static final String PATH = "/api/v1/analytics/financial";
  static final Duration DEFAULT_SPAN = Duration.ofDays(30);
  private static final Pattern SPAN = Pattern.compile("(\\d{1,5})([hd])");

  private final FinanceService finance;
  private final RegistryService registry;
  private final ResourceScope scope;
  private final QueryConfig config;
  private final Clock clock;

  public FinanceController(
      FinanceService finance,
      RegistryService registry,
      ResourceScope scope,
      QueryConfig config,
      Clock clock) {
    this.finance = finance;
    this.registry = registry;
    this.scope = scope;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    documented(
            routes
                .get(PATH, this::report)
                .summary("Money, energy and CO2 per hour, day or month, with totals"))
        .response(200, FinancialReport.class, "periods (local to the tariff zone) and totals");
    documented(
            routes
                .get(PATH + "/export", this::export)
                .summary("The periods of GET /analytics/financial as CSV or JSON"))
        .queryParam("format", String.class, false, "csv (default) or json")
        .produces("text/csv")
        .response(200, "CSV with a header row (one row per period), or a JSON array of periods");
  }

  private static RouteBuilder documented(RouteBuilder b) {
    return b.roles(Role.ADMIN, Role.OPERATOR, Role.VIEWER)
        .tag(TAG)
        .description(
            "Sums the settlement job's 15-minute building_finance rows into local periods of the"
                + " building's tariff zone; percentages come from the summed kWh. Range: from/to"
                + " (ISO-8601 or epoch ms) or range (e.g. 24h, 7d) ending at to (default now);"
                + " default 30 days; at most VOLTSTREAM_API_MAX_RANGE for hour resolution,"
                + " VOLTSTREAM_API_EXPORT_MAX_RANGE otherwise.")
        .queryParam("building", String.class, true, "building id")
        .queryParam("room", String.class, false, "one of its rooms (room rows) instead")
        .queryParam("resolution", String.class, false, "hour, day (default) or month")
        .queryParam("from", String.class, false, "start (ISO-8601 or epoch ms)")
        .queryParam("to", String.class, false, "end, exclusive (default now)")
        .queryParam("range", String.class, false, "length ending at to, e.g. 24h or 7d")
        .response(400, Problem.class, "an invalid parameter (named)")
        .response(403, Problem.class, "building or room outside the token's scope")
        .response(404, Problem.class, "no such building or room (named)")
        .response(422, Problem.class, "room of another building, or range too long (named)");
  }

  void report(Context ctx) {
    ctx.json(finance.report(query(ctx)));
  }

  void export(Context ctx) throws IOException {
    String format = ctx.queryParam("format");
    boolean csv = format == null || format.isBlank() || format.trim().equalsIgnoreCase("csv");
    if (!csv && !format.trim().equalsIgnoreCase("json")) {
      throw ApiException.badRequest(
          "invalid format", new FieldError("format", "must be csv or json"));
    }
    FinanceService.Query q = query(ctx);
    List<FinancialFigures> periods = finance.report(q).periods();
    ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/json");
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"voltstream-financial-"
            + q.building()
            + (q.room() == null ? "" : "-" + q.room())
            + "-"
            + q.from().getEpochSecond()
            + "-"
            + q.to().getEpochSecond()
            + (csv ? ".csv" : ".json")
            + "\"");
    OutputStream out = ctx.res().getOutputStream();
    if (csv) {
      writeCsv(periods, out);
    } else {
      try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        Json.MAPPER.writeValue(g, periods);
      }
    }
    out.flush();
  }

  /** RFC 4180 CSV, header first: the period fields in their JSON names and order. */
  static void writeCsv(List<FinancialFigures> periods, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    List<String> columns = new ArrayList<>();
    Json.MAPPER
        .valueToTree(FinanceAggregation.figures(Instant.EPOCH, Instant.EPOCH, FinanceSums.ZERO))
        .fieldNames()
        .forEachRemaining(columns::add);
    w.write(String.join(",", columns));
    w.write("\r\n");
    for (FinancialFigures p : periods) {
      ObjectNode row = Json.MAPPER.valueToTree(p);
      Iterator<String> names = columns.iterator();
      while (names.hasNext()) {
        JsonNode v = row.get(names.next());
        w.write(v == null || v.isNull() ? "" : v.asText());
        if (names.hasNext()) {
          w.write(',');
        }
      }
      w.write("\r\n");
    }
    w.flush();
  }

  /** Checks every parameter and the caller's scope. */
  private FinanceService.Query query(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    String id = Inputs.tagValue("building", required(ctx, "building"));
    Building building =
        registry
            .building(id)
            .orElseThrow(
                () ->
                    new ApiException(
                        ApiException.Kind.NOT_FOUND,
                        "no building '" + id + "'",
                        List.of(new FieldError("building", "unknown building '" + id + "'"))));
    String room = ctx.queryParam("room");
    if (room != null) {
      Room r = room(Inputs.tagValue("room", room), building);
      scope.requireRoom(p, r);
    } else {
      scope.requireBuilding(p, building.id());
    }
    FinanceResolution resolution =
        ctx.queryParam("resolution") == null
            ? FinanceResolution.DAY
            : Inputs.choice("resolution", ctx.queryParam("resolution"), FinanceResolution.class);
    Duration max =
        resolution == FinanceResolution.HOUR ? config.maxRoomDataRange() : config.maxExportRange();
    TimeRange range =
        TimeRange.parse(
            "from",
            ctx.queryParam("from"),
            "to",
            ctx.queryParam("to"),
            span(ctx),
            max,
            clock.instant());
    return new FinanceService.Query(
        building.id(),
        room,
        building.tariffOrDefault().zone(),
        resolution,
        range.start(),
        range.end());
  }

  private Room room(String name, Building building) {
    Room r =
        registry
            .room(name)
            .orElseThrow(
                () ->
                    new ApiException(
                        ApiException.Kind.NOT_FOUND,
                        "no room '" + name + "'",
                        List.of(new FieldError("room", "unknown room '" + name + "'"))));
    if (!RegistryService.buildingOf(r).equals(building.id())) {
      throw ApiException.invalid(
          new FieldError(
              "room",
              "room '"
                  + name
                  + "' is in building '"
                  + RegistryService.buildingOf(r)
                  + "', not '"
                  + building.id()
                  + "'"));
    }
    return r;
  }

  /** {@code range} (e.g. {@code 24h}, {@code 7d}), which excludes {@code from}; default 30 d. */
  private static Duration span(Context ctx) {
    String raw = ctx.queryParam("range");
    if (raw == null || raw.isBlank()) {
      return DEFAULT_SPAN;
    }
    if (ctx.queryParam("from") != null) {
      throw ApiException.badRequest(
          "invalid range", new FieldError("range", "give either range or from, not both"));
    }
    Matcher m = SPAN.matcher(raw.trim().toLowerCase(Locale.ROOT));
    long n = m.matches() ? Long.parseLong(m.group(1)) : 0;
    if (n <= 0) {
      throw ApiException.badRequest(
          "invalid range",
          new FieldError("range", "must be a number of hours or days, e.g. 24h or 7d"));
    }
    return m.group(2).equals("h") ? Duration.ofHours(n) : Duration.ofDays(n);
  }

  private static String required(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw ApiException.badRequest(name + " is required", new FieldError(name, "required"));
    }
    return v;
  }
}
