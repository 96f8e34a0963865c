package io.voltstream.launcher.dr;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.voltstream.energy.dr.baseline.Baselines;
import io.voltstream.energy.dr.baseline.PlaceboResult;
import io.voltstream.energy.dr.baseline.PlaceboStats;
import io.voltstream.energy.dr.baseline.PlaceboWindow;
import io.voltstream.model.Json;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Formats placebo results: one fixed-width table over all datasets, and a JSON object keyed by
 * dataset and method label ({@code 10of10}, {@code 10of10+adj}, …). Percentages are rounded to 0.1;
 * a method without windows reports null.
 */
final class PlaceboReport {
  private PlaceboReport() {}

  static void printTable(
      PrintStream out,
      List<PlaceboWindow> windows,
      Map<PlaceboDataset, List<PlaceboResult>> results,
      double goalPercent) {
    out.printf(
        Locale.ROOT,
        "DR baseline placebo: pretend events %s (local) on every day after the first, no real"
            + " events; %d-minute load; goal |bias| ≤ %.0f %%%n",
        windows.stream().map(PlaceboWindow::label).collect(Collectors.joining(" and ")),
        PlaceboDataset.INTERVAL.toMinutes(),
        goalPercent);
    for (PlaceboDataset d : results.keySet()) {
      out.printf(
          Locale.ROOT,
          "  %s: %s, %s .. %s (%s)%n",
          d.name(),
          d.source(),
          d.firstDay(),
          d.lastDay(),
          d.zone());
    }
    StringBuilder header =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-10s %-13s %7s %7s %9s %9s %11s",
                "dataset",
                "method",
                "windows",
                "bias_%",
                "cv_rmse_%",
                "full_hist",
                "full_bias_%"));
    for (PlaceboWindow w : windows) {
      header.append(String.format(Locale.ROOT, " %" + width(w) + "s", biasColumn(w)));
    }
    header.append(String.format(Locale.ROOT, " %-5s %s", "goal", "fallbacks"));
    out.println(header);
    results.forEach(
        (d, rows) -> {
          for (PlaceboResult r : rows) {
            StringBuilder line =
                new StringBuilder(
                    String.format(
                        Locale.ROOT,
                        "%-10s %-13s %7d %7s %9s %9d %11s",
                        d.name(),
                        r.label(),
                        r.all().windows(),
                        pct(r.all().biasPercent()),
                        pct(r.all().cvRmsePercent()),
                        r.fullHistory().windows(),
                        pct(r.fullHistory().biasPercent())));
            for (PlaceboWindow w : windows) {
              line.append(
                  String.format(
                      Locale.ROOT,
                      " %" + width(w) + "s",
                      pct(r.byWindow().get(w.label()).biasPercent())));
            }
            line.append(
                String.format(
                    Locale.ROOT,
                    " %-5s %s",
                    r.all().biasWithin(goalPercent) ? "met" : "MISS",
                    fallbacks(r)));
            out.println(line);
          }
        });
    out.printf(
        Locale.ROOT,
        "bias = mean(baseline − actual) / mean(actual) over event windows (+ = baseline too high);"
            + " full_hist = windows whose baseline had all its days (no fallback); +adj = same-day"
            + " adjustment over the %d h ending %d h before the start, capped ±%.0f %%%n",
        Baselines.ADJUSTMENT_WINDOW.toHours(),
        Baselines.ADJUSTMENT_GAP.toHours(),
        Baselines.ADJUSTMENT_CAP * 100);
  }

  static String json(
      List<PlaceboWindow> windows,
      Map<PlaceboDataset, List<PlaceboResult>> results,
      double goalPercent)
      throws JsonProcessingException {
    Map<String, Object> datasets = new LinkedHashMap<>();
    results.forEach(
        (d, rows) -> {
          Map<String, Object> methods = new LinkedHashMap<>();
          for (PlaceboResult r : rows) {
            Map<String, Object> row = stats(r.all());
            row.put("meets_goal", r.all().biasWithin(goalPercent));
            row.put("full_history", stats(r.fullHistory()));
            Map<String, Object> byWindow = new LinkedHashMap<>();
            r.byWindow().forEach((label, s) -> byWindow.put(label, stats(s)));
            row.put("by_window", byWindow);
            row.put("fallbacks", r.fallbacks());
            row.put("skipped_windows", r.skippedWindows());
            methods.put(r.label(), row);
          }
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("source", d.source());
          one.put("zone", d.zone().getId());
          one.put("first_day", d.firstDay().toString());
          one.put("last_day", d.lastDay().toString());
          one.put("methods", methods);
          datasets.put(d.name(), one);
        });
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("goal_abs_bias_percent", goalPercent);
    root.put("interval_minutes", PlaceboDataset.INTERVAL.toMinutes());
    root.put("windows", windows.stream().map(PlaceboWindow::label).toList());
    root.put("datasets", datasets);
    return Json.MAPPER.writeValueAsString(root);
  }

  private static String biasColumn(PlaceboWindow w) {
    return "bias_" + w.label() + "_%";
  }

  private static int width(PlaceboWindow w) {
    return biasColumn(w).length();
  }

  private static Map<String, Object> stats(PlaceboStats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("windows", s.windows());
    m.put("bias_percent", round(s.biasPercent()));
    m.put("cv_rmse_percent", round(s.cvRmsePercent()));
    return m;
  }

  private static Double round(double v) {
    // + 0.0 turns a rounded −0.0 into 0.0
    return Double.isFinite(v) ? Math.round(v * 10) / 10.0 + 0.0 : null;
  }

  private static String pct(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", round(v)) : "-";
  }

  private static String fallbacks(PlaceboResult r) {
    if (r.fallbacks().isEmpty()) {
      return "none";
    }
    return r.fallbacks().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
