package io.voltstream.launcher.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.launcher.cluster.ProjectLayout;
import io.voltstream.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The provisioned Grafana dashboards of {@code deploy/grafana/dashboards/}, read the way Grafana
 * reads them: each file's uid, time range, query variables and every panel's InfluxQL targets.
 * Shared by the unit check of their schema and the ITCase that runs their queries.
 */
final class GrafanaDashboards {
  private GrafanaDashboards() {}

  /** A query variable ({@code templating.list[]} of type {@code query}). */
  record Variable(String name, String query, boolean includeAll, boolean multi, String allValue) {}

  /** One target of a panel. */
  record Target(String panel, String refId, String query) {}

  /** A dashboard file: uid, title, time range and what it queries. */
  record Dashboard(
      Path file,
      String uid,
      String title,
      String from,
      String to,
      List<Variable> variables,
      List<Target> targets) {
    @Override
    public String toString() {
      return file.getFileName().toString();
    }
  }

  static Path directory() {
    return ProjectLayout.root().resolve("deploy/grafana/dashboards");
  }

  /** Every {@code *.json} of the dashboards directory, by file name. */
  static List<Dashboard> all() {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .map(GrafanaDashboards::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Dashboard read(Path file) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("dashboard " + file + " is not JSON", e);
    }
    List<Variable> variables = new ArrayList<>();
    for (JsonNode v : root.path("templating").path("list")) {
      if ("query".equals(v.path("type").asText())) {
        variables.add(
            new Variable(
                v.path("name").asText(),
                queryText(v.path("query")),
                v.path("includeAll").asBoolean(false),
                v.path("multi").asBoolean(false),
                v.hasNonNull("allValue") ? v.get("allValue").asText() : null));
      }
    }
    List<Target> targets = new ArrayList<>();
    collectTargets(root.path("panels"), targets);
    return new Dashboard(
        file,
        root.path("uid").asText(""),
        root.path("title").asText(""),
        root.path("time").path("from").asText("now-6h"),
        root.path("time").path("to").asText("now"),
        List.copyOf(variables),
        List.copyOf(targets));
  }

  /** Panels nest inside row panels ({@code panels[].panels[]}) when a row is collapsed. */
  private static void collectTargets(JsonNode panels, List<Target> into) {
    for (JsonNode panel : panels) {
      for (JsonNode t : panel.path("targets")) {
        into.add(
            new Target(
                panel.path("title").asText(),
                t.path("refId").asText(),
                t.path("query").asText("")));
      }
      collectTargets(panel.path("panels"), into);
    }
  }

  /** Grafana stores a variable's query as a string or (newer versions) as {@code {query: …}}. */
  private static String queryText(JsonNode query) {
    return query.isObject() ? query.path("query").asText("") : query.asText("");
  }
}
