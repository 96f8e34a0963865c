package io.voltstream.launcher.bench;

import java.util.List;
import java.util.stream.Collectors;

/** The benchmark's printed tables (Markdown, so they can be pasted into a README as they are). */
final class ReportTable {
  private ReportTable() {}

  static String header() {
    return "| step | target dp/s (readings/s) | published dp/s | in Kafka dp/s | stored dp/s"
        + " (readings/s) | broker queue end / max, trend | slowest job's Kafka lag max | lag end /"
        + " max, trend (readings) | MQTT → InfluxDB p50 / p99 / max | MQTT → WebSocket p50 / p99"
        + " / max | CPU % / RSS per process | total RSS | load avg | box CPU | result |\n"
        + "|---|---:|---:|---:|---:|---|---|---|---|---|---|---:|---:|---:|---|";
  }

  static String row(int index, StepResult s) {
    LagTrend lag = s.lag();
    LagTrend queue = s.brokerQueue();
    String processes =
        s.processes().stream()
            .map(
                p ->
                    String.format(
                        "%s %.0f%% / %s",
                        shortName(p.name()), p.cpuPercent(), Format.megabytes(p.maxRssBytes())))
            .collect(Collectors.joining("; "));
    String result =
        s.sustained() ? "sustained" : "NOT sustained: " + String.join("; ", s.verdict().reasons());
    return String.format(
        "| %d (%s) | %,d (%s) | %s | %s | %s (%s) | %,d / %,d, %s %+,.0f/s | %,d (%s) | %,d / %,d,"
            + " %s %+,.0f/s | %s | %s | %s | %s | %.1f | %.0f%% | %s |",
        index,
        Format.duration(s.duration()),
        s.targetDpS(),
        Format.rate((double) s.targetDpS() / s.metricsPerReading()),
        Format.rate(s.publishedDpS()),
        Format.rate(s.kafkaDpS()),
        Format.rate(s.storedDpS()),
        Format.rate(s.storedReadingsPerS()),
        queue.lastRecords(),
        queue.maxRecords(),
        queue.bounded() ? "flat" : "GROWING",
        queue.slopeRecordsPerS(),
        s.maxGroupLagRecords(),
        s.slowestGroup(),
        lag.lastRecords(),
        lag.maxRecords(),
        lag.bounded() ? "flat" : "GROWING",
        lag.slopeRecordsPerS(),
        s.latency().describe(),
        s.webSocketLatency().map(Percentiles::describe).orElse("n/a"),
        processes,
        Format.megabytes(s.maxTotalRssBytes()),
        s.maxLoadAverage(),
        s.boxCpuPercent(),
        result);
  }

  static String table(List<StepResult> steps) {
    StringBuilder b = new StringBuilder(header());
    for (int i = 0; i < steps.size(); i++) {
      b.append('\n').append(row(i + 1, steps.get(i)));
    }
    return b.toString();
  }

  private static String shortName(String name) {
    return name.equals(BenchStack.JVM) ? "JVM" : name;
  }
}
