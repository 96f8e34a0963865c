package io.voltstream.jobs.io;

import io.voltstream.influx.InfluxQuery;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Where and how {@link InfluxSink} writes: endpoint, credentials, timeouts and retry backoff. */
record InfluxWriteSettings(
    String url,
    String database,
    String retentionPolicy,
    String username,
    String password,
    String token,
    boolean createDatabase,
    Duration requestTimeout,
    Duration initialBackoff,
    Duration maxBackoff)
    implements Serializable {

  URI writeUri() {
    String rp = retentionPolicy == null ? "" : "&rp=" + enc(retentionPolicy);
    return URI.create(base() + "/write?db=" + enc(database) + rp + "&precision=ms");
  }

  URI createDatabaseUri() {
    return URI.create(base() + "/query?q=" + enc(InfluxQuery.createDatabase(database).render()));
  }

  /** The value of the Authorization header, or null when no credentials are configured. */
  String authorization() {
    return JobsConfig.influxAuthorization(token, username, password);
  }

  /**
   * Backoff before the {@code attempt}-th consecutive retry (1-based): initial × 2^(attempt-1),
   * capped.
   */
  Duration backoff(int attempt) {
    int shift = Math.min(Math.max(attempt - 1, 0), 20);
    long ms = initialBackoff.toMillis() << shift;
    return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
  }

  /** Never prints the password or the token (a record's default toString would). */
  @Override
  public String toString() {
    return "InfluxWriteSettings[url="
        + url
        + ", database="
        + database
        + ", retentionPolicy="
        + retentionPolicy
        + ", username="
        + username
        + ", password="
        + (password == null ? null : "***")
        + ", token="
        + (token == null ? null : "***")
        + ", createDatabase="
        + createDatabase
        + ", requestTimeout="
        + requestTimeout
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + "]";
  }

  private String base() {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
