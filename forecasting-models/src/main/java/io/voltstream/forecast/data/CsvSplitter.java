package io.voltstream.forecast.data;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Splits a UCI-format CSV at an instant into two files with the same header: rows before {@code
 * splitAt} go to {@code before}, the others to {@code after}. Lines are copied verbatim; lines
 * whose date cannot be parsed are dropped and counted in the result.
 */
public final class CsvSplitter {
  private CsvSplitter() {}

  /** Rows written to each file and rows dropped. */
  public record SplitResult(long before, long after, long unparseable) {}

  public static SplitResult split(Path input, Instant splitAt, Path before, Path after)
      throws IOException {
    long nBefore = 0;
    long nAfter = 0;
    long bad = 0;
    for (Path out : new Path[] {before, after}) {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    }
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        BufferedWriter a = Files.newBufferedWriter(before, StandardCharsets.UTF_8);
        BufferedWriter b = Files.newBufferedWriter(after, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new IllegalArgumentException("empty CSV: " + input);
      }
      a.write(header);
      a.newLine();
      b.write(header);
      b.newLine();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        Instant t;
        try {
          String date = line.substring(0, line.indexOf(',')).replace("\"", "");
          t = UciCsvReader.parseDate(date);
        } catch (RuntimeException e) {
          bad++;
          continue;
        }
        BufferedWriter target = t.isBefore(splitAt) ? a : b;
        target.write(line);
        target.newLine();
        if (t.isBefore(splitAt)) {
          nBefore++;
        } else {
          nAfter++;
        }
      }
    }
    return new SplitResult(nBefore, nAfter, bad);
  }
}
