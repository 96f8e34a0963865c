package io.voltstream.sim.replay;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams rows of the UCI "Appliances energy prediction" CSV (header {@code date,Appliances,lights,
 * T1,RH_1,…}) lazily, so the whole file is never held in memory. A malformed row is logged and
 * skipped, never fatal.
 *
 * <pre>{@code
 * try (UciCsvReader rows = UciCsvReader.open(Files.newBufferedReader(path))) {
 *   rows.forEachRemaining(row -> ...);
 * }
 * }</pre>
 */
public final class UciCsvReader implements Iterator<UciRow>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UciCsvReader.class);
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/yyyy H:mm");

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private UciRow next;
  private long skipped;

  private UciCsvReader(CSVParser parser) {
    this.parser = parser;
    this.records = parser.iterator();
  }

  public static UciCsvReader open(Reader reader) {
    try {
      CSVFormat format =
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
      return new UciCsvReader(CSVParser.parse(reader, format));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the UCI CSV header", e);
    }
  }

  /** Parses one record, or empty when a field is missing or not a number. */
  static Optional<UciRow> parse(CSVRecord r) {
    try {
      LocalDateTime start = LocalDateTime.parse(r.get("date"), DATE);
      List<Double> t = new ArrayList<>(UciRow.AREAS);
      List<Double> rh = new ArrayList<>(UciRow.AREAS);
      for (int area = 1; area <= UciRow.AREAS; area++) {
        t.add(number(r, "T" + area));
        rh.add(number(r, "RH_" + area));
      }
      return Optional.of(new UciRow(start, number(r, "Appliances"), number(r, "lights"), t, rh));
    } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
      LOG.warn("skipping UCI row {}: {}", r.getRecordNumber(), e.getMessage());
      return Optional.empty();
    }
  }

  private static double number(CSVRecord r, String column) {
    double v = Double.parseDouble(r.get(column));
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(column + " is not a finite number");
    }
    return v;
  }

  /** Rows skipped so far because they were malformed. */
  public long skippedRows() {
    return skipped;
  }

  @Override
  public boolean hasNext() {
    while (next == null && records.hasNext()) {
      Optional<UciRow> row = parse(records.next());
      if (row.isPresent()) {
        next = row.get();
      } else {
        skipped++;
      }
    }
    return next != null;
  }

  @Override
  public UciRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    UciRow row = next;
    next = null;
    return row;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      LOG.debug("closing the UCI CSV failed", e);
    }
  }
}
