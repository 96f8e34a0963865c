package io.voltstream.api.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /openapi.json} (generated once from the complete route table) and {@code GET /docs}
 * (Swagger UI, vendored from the npm package {@code swagger-ui-dist} under {@code
 * src/main/resources/docs-assets}: this network has no CDN). Both public.
 */
public final class DocsController implements ResourceRoutes {
  /** Path under which the vendored UI assets are served. */
  public static final String ASSETS_PATH = "/docs/assets";

  /** Classpath folder of the vendored UI assets. */
  public static final String ASSETS_RESOURCES = "/docs-assets";

  private final RouteTable table;
  private volatile String openApiJson;

  public DocsController(RouteTable table) {
    this.table = table;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get("/openapi.json", this::openApi)
        .publicAccess()
        .tag("Health/docs")
        .summary("This OpenAPI 3.1 document, generated from the route table");
    routes
        .get("/docs", this::docs)
        .publicAccess()
        .tag("Health/docs")
        .produces("text/html")
        .summary("Interactive API documentation (Swagger UI)");
  }

  /** The OpenAPI document of every route in the table. */
  public String openApiJson() {
    String json = openApiJson;
    if (json == null) {
      try {
        String version = DocsController.class.getPackage().getImplementationVersion();
        json =
            Json.MAPPER
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(
                    OpenApiGenerator.generate(table.specs(), version == null ? "dev" : version));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot render the OpenAPI document", e);
      }
      openApiJson = json;
    }
    return json;
  }

  void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApiJson());
  }

  void docs(Context ctx) {
    ctx.contentType("text/html; charset=utf-8").result(page());
  }

  private static String page() {
    try (InputStream in =
        DocsController.class.getResourceAsStream(ASSETS_RESOURCES + "/index.html")) {
      if (in == null) {
        return "<!doctype html><title>Voltstream API</title><p>UI assets missing; see <a"
            + " href=\"/openapi.json\">/openapi.json</a>.";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
