package io.voltstream.forecast.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the UCI "Appliances energy prediction" CSV (10-minute rows, {@code date} as {@code
 * dd/mm/yyyy H:MM} local time) into an {@link HourlySeries}: the target is the sum of the chosen
 * columns over each hour, covariates are hourly means. Local time is mapped to UTC instants one to
 * one (the file carries no zone; calendar features then see the house's wall clock).
 *
 * <p>Bad rows (unparseable date or number) are skipped and counted, never fatal; an hour with no
 * valid row is {@code NaN}.
 */
public final class UciCsvReader {
  private static final Logger LOG = LoggerFactory.getLogger(UciCsvReader.class);
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/yyyy H:mm");

  private UciCsvReader() {}

  /** Parses the file's {@code date} column value. */
  public static Instant parseDate(String value) {
    String v = value.trim();
    try {
      return LocalDateTime.parse(v, DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // The original UCI release uses ISO "yyyy-mm-dd HH:MM:SS": accept it as well.
      return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
  }

  public static HourlySeries read(Path csv, List<String> targetColumns, List<String> covariates)
      throws IOException {
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      return read(reader, targetColumns, covariates);
    }
  }

  public static HourlySeries read(
      Reader reader, List<String> targetColumns, List<String> covariates) throws IOException {
    if (targetColumns.isEmpty()) {
      throw new IllegalArgumentException("at least one target column is needed");
    }
    var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    var parser = format.parse(reader);
    var header = parser.getHeaderNames();
    for (String c : concat(targetColumns, covariates)) {
      if (!header.contains(c)) {
        throw new IllegalArgumentException("column '" + c + "' not in the CSV header " + header);
      }
    }
    // hour → [target sum, rows, covariate sums...]
    TreeMap<Instant, double[]> hours = new TreeMap<>();
    long skipped = 0;
    for (CSVRecord row : parser) {
      try {
        Instant t = parseDate(row.get("date"));
        double sum = 0;
        for (String c : targetColumns) {
          sum += finite(row.get(c), c);
        }
        double[] cov = new double[covariates.size()];
        for (int i = 0; i < cov.length; i++) {
          cov[i] = finite(row.get(covariates.get(i)), covariates.get(i));
        }
        double[] acc =
            hours.computeIfAbsent(t.truncatedTo(ChronoUnit.HOURS), k -> new double[2 + cov.length]);
        acc[0] += sum;
        acc[1] += 1;
        for (int i = 0; i < cov.length; i++) {
          acc[2 + i] += cov[i];
        }
      } catch (RuntimeException e) {
        skipped++;
        if (skipped <= 5) {
          LOG.warn("Skipping CSV line {}: {}", row.getRecordNumber() + 1, e.getMessage());
        }
      }
    }
    if (skipped > 0) {
      LOG.warn("Skipped {} bad rows in total", skipped);
    }
    if (hours.isEmpty()) {
      throw new IllegalArgumentException("no valid rows in the CSV");
    }
    Instant first = hours.firstKey();
    int n = (int) ChronoUnit.HOURS.between(first, hours.lastKey()) + 1;
    double[] target = nanArray(n);
    Map<String, double[]> cov = new LinkedHashMap<>();
    covariates.forEach(c -> cov.put(c, nanArray(n)));
    hours.forEach(
        (hour, acc) -> {
          int i = (int) ChronoUnit.HOURS.between(first, hour);
          target[i] = acc[0];
          for (int k = 0; k < covariates.size(); k++) {
            cov.get(covariates.get(k))[i] = acc[2 + k] / acc[1];
          }
        });
    return new HourlySeries(first, target, cov);
  }

  private static double finite(String raw, String column) {
    double v = Double.parseDouble(raw.trim());
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("non-finite " + column + ": " + raw);
    }
    return v;
  }

  private static double[] nanArray(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    var all = new ArrayList<String>(a);
    all.addAll(b);
    return all;
  }
}
