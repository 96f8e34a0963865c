package io.voltstream.jobs.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an InfluxDB {@code /write} answer means for the batch that was sent. Pure, so the policy is
 * unit-tested without a server.
 *
 * <ul>
 *   <li>{@code WRITTEN}: 2xx.
 *   <li>{@code RETRY}: 408, 429, 5xx or no answer at all (connection refused, timeout): the server
 *       is unavailable or overloaded, the same batch will be accepted later.
 *   <li>{@code REJECTED}: any other 4xx, i.e. bad data (1.x answers 400 "partial write" / "unable
 *       to parse"; 3.x answers 400 with the bad lines). The server already stored the good points
 *       of the batch; resending would fail the same way, so the bad ones are counted and dropped.
 *   <li>{@code FATAL}: 401/403 (credentials), 404 (database or endpoint missing), 413 (batch too
 *       large for the server), 1xx/3xx (wrong URL): no retry can help, the job must stop with a
 *       clear message.
 * </ul>
 */
public record InfluxWriteOutcome(Kind kind, int status, int rejectedPoints, String detail) {

  /** Status used when no HTTP answer arrived (connection refused, timeout). */
  public static final int NO_ANSWER = -1;

  public enum Kind {
    WRITTEN,
    RETRY,
    REJECTED,
    FATAL
  }

  private static final Pattern DROPPED = Pattern.compile("dropped=(\\d+)");

  /** The outcome of a request that got no HTTP answer: always retried. */
  public static InfluxWriteOutcome noAnswer(String why) {
    return new InfluxWriteOutcome(Kind.RETRY, NO_ANSWER, 0, why);
  }

  /** Classifies an HTTP answer to a batch of {@code batchSize} points. */
  public static InfluxWriteOutcome classify(int status, String body, int batchSize) {
    String b = body == null ? "" : body;
    if (status >= 200 && status < 300) {
      return new InfluxWriteOutcome(Kind.WRITTEN, status, 0, "");
    }
    if (status < 400) {
      return new InfluxWriteOutcome(
          Kind.FATAL,
          status,
          0,
          "InfluxDB answered HTTP "
              + status
              + " to /write: check VOLTSTREAM_INFLUX_URL (redirects are not followed). "
              + abbreviate(b));
    }
    if (status == 408 || status == 429 || status >= 500) {
      return new InfluxWriteOutcome(Kind.RETRY, status, 0, "HTTP " + status + " " + abbreviate(b));
    }
    return switch (status) {
      case 401, 403 ->
          new InfluxWriteOutcome(
              Kind.FATAL,
              status,
              0,
              "InfluxDB refused the credentials (HTTP "
                  + status
                  + "): set VOLTSTREAM_INFLUX_USER/VOLTSTREAM_INFLUX_PASSWORD "
                  + "or VOLTSTREAM_INFLUX_TOKEN (builder: credentials(..)/token(..)). "
                  + abbreviate(b));
      case 404 ->
          new InfluxWriteOutcome(
              Kind.FATAL,
              status,
              0,
              "InfluxDB answered 404 to /write: the database does not exist (create it or set"
                  + " VOLTSTREAM_INFLUX_CREATE_DB=true) or the URL is not an InfluxDB with the v1"
                  + " /write API. "
                  + abbreviate(b));
      case 413 ->
          new InfluxWriteOutcome(
              Kind.FATAL,
              status,
              0,
              "InfluxDB answered 413 (request too large): lower the sink's maxBatchSizeInBytes or"
                  + " raise the server's max-body-size. "
                  + abbreviate(b));
      default ->
          new InfluxWriteOutcome(
              Kind.REJECTED,
              status,
              rejectedCount(b, batchSize),
              "HTTP " + status + " " + abbreviate(b));
    };
  }

  /**
   * Best estimate of the points the server dropped, from its error text; the whole batch when it
   * says nothing countable.
   */
  static int rejectedCount(String body, int batchSize) {
    int n = 0;
    Matcher m = DROPPED.matcher(body);
    boolean found = false;
    while (m.find()) {
      found = true;
      n += Integer.parseInt(m.group(1));
    }
    if (!found) {
      n = Math.max(count(body, "unable to parse"), count(body, "\"line_number\""));
    }
    if (n <= 0 || n > batchSize) {
      n = batchSize;
    }
    return n;
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() <= 500 ? t : t.substring(0, 500) + "…";
  }
}
