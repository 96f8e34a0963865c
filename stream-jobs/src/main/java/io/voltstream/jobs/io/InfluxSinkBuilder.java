package io.voltstream.jobs.io;

import io.voltstream.model.EntityId;
import java.net.URI;
import java.time.Duration;

/**
 * Builds an {@link InfluxSink}. {@link #build()} checks every setting and names the one to fix.
 * Required: {@link #url}, {@link #database}, {@link #converter}. Defaults: batches of up to 5,000
 * points / 4 MiB flushed at least every second, 4 requests in flight, 20,000 buffered points, 30 s
 * request timeout, retry backoff 200 ms doubling up to 10 s, no database creation.
 */
public class InfluxSinkBuilder<T> {
  /** Batching and buffering limits handed to {@code AsyncSinkBase}. */
  record Limits(
      int maxBatchSize,
      int maxInFlightRequests,
      int maxBufferedRequests,
      long maxBatchSizeInBytes,
      long maxTimeInBufferMs,
      long maxRecordSizeInBytes) {}

  private String url;
  private String database;
  private String retentionPolicy;
  private String username;
  private String password;
  private String token;
  private boolean createDatabase;
  private InfluxLineConverter<T> converter;
  private int maxBatchSize = 5_000;
  private int maxInFlightRequests = 4;
  private int maxBufferedRequests = 20_000;
  private long maxBatchSizeInBytes = 4L * 1024 * 1024;
  // Short enough that a point is visible within ~0.3 s at low rates; at high rates batches fill
  // first.
  private Duration maxTimeInBuffer = Duration.ofMillis(250);
  private long maxRecordSizeInBytes = 64L * 1024;
  private Duration requestTimeout = Duration.ofSeconds(30);
  private Duration initialBackoff = Duration.ofMillis(200);
  private Duration maxBackoff = Duration.ofSeconds(10);

  InfluxSinkBuilder() {}

  /** Base URL of the server, e.g. {@code http://localhost:8086}. */
  public InfluxSinkBuilder<T> url(String url) {
    this.url = url;
    return this;
  }

  public InfluxSinkBuilder<T> database(String database) {
    this.database = database;
    return this;
  }

  /** Optional retention policy ({@code rp} parameter). */
  public InfluxSinkBuilder<T> retentionPolicy(String retentionPolicy) {
    this.retentionPolicy = retentionPolicy;
    return this;
  }

  /** HTTP basic credentials (InfluxDB 1.x with auth, 2.x compatibility API). */
  public InfluxSinkBuilder<T> credentials(String username, String password) {
    this.username = username;
    this.password = password;
    return this;
  }

  /** API token sent as {@code Authorization: Token ...} (InfluxDB 2.x/3.x). */
  public InfluxSinkBuilder<T> token(String token) {
    this.token = token;
    return this;
  }

  /**
   * Issue {@code CREATE DATABASE} (idempotent on 1.x) when a writer opens and when a write answers
   * 404.
   */
  public InfluxSinkBuilder<T> createDatabase(boolean createDatabase) {
    this.createDatabase = createDatabase;
    return this;
  }

  public InfluxSinkBuilder<T> converter(InfluxLineConverter<T> converter) {
    this.converter = converter;
    return this;
  }

  public InfluxSinkBuilder<T> maxBatchSize(int points) {
    this.maxBatchSize = points;
    return this;
  }

  public InfluxSinkBuilder<T> maxInFlightRequests(int requests) {
    this.maxInFlightRequests = requests;
    return this;
  }

  public InfluxSinkBuilder<T> maxBufferedRequests(int points) {
    this.maxBufferedRequests = points;
    return this;
  }

  public InfluxSinkBuilder<T> maxBatchSizeInBytes(long bytes) {
    this.maxBatchSizeInBytes = bytes;
    return this;
  }

  public InfluxSinkBuilder<T> maxTimeInBuffer(Duration maxTimeInBuffer) {
    this.maxTimeInBuffer = maxTimeInBuffer;
    return this;
  }

  public InfluxSinkBuilder<T> maxRecordSizeInBytes(long bytes) {
    this.maxRecordSizeInBytes = bytes;
    return this;
  }

  public InfluxSinkBuilder<T> requestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
    return this;
  }

  /**
   * Exponential retry backoff: {@code initial}, doubling per consecutive failure, capped at {@code
   * max}.
   */
  public InfluxSinkBuilder<T> retryBackoff(Duration initial, Duration max) {
    this.initialBackoff = initial;
    this.maxBackoff = max;
    return this;
  }

  /**
   * @throws IllegalArgumentException naming the missing or invalid setting
   */
  public InfluxSink<T> build() {
    check(
        url != null && !url.isBlank(),
        "InfluxSink: url is required, e.g. url(\"http://localhost:8086\")");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("InfluxSink: url '" + url + "' is not a valid URL", e);
    }
    check(
        ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            && uri.getHost() != null,
        "InfluxSink: url '" + url + "' must be http(s)://host[:port]");
    check(
        database != null && !database.isBlank(),
        "InfluxSink: database is required, e.g. database(\"voltstream\")");
    check(
        !createDatabase || EntityId.isValid(database),
        "InfluxSink: createDatabase(true) needs a database name that "
            + EntityId.RULE
            + ", was '"
            + database
            + "'");
    check(
        converter != null,
        "InfluxSink: converter is required, e.g. converter(InfluxPoints::reading)");
    check(
        token == null || username == null,
        "InfluxSink: set either token(..) or credentials(..), not both");
    check(username == null || password != null, "InfluxSink: credentials(..) needs a password");
    check(maxBatchSize > 0, "InfluxSink: maxBatchSize must be positive, was " + maxBatchSize);
    check(
        maxInFlightRequests > 0,
        "InfluxSink: maxInFlightRequests must be positive, was " + maxInFlightRequests);
    check(
        maxBufferedRequests > maxBatchSize,
        "InfluxSink: maxBufferedRequests ("
            + maxBufferedRequests
            + ") must be greater than maxBatchSize ("
            + maxBatchSize
            + ")");
    check(
        maxRecordSizeInBytes > 0 && maxRecordSizeInBytes <= maxBatchSizeInBytes,
        "InfluxSink: maxRecordSizeInBytes ("
            + maxRecordSizeInBytes
            + ") must be positive and at most maxBatchSizeInBytes ("
            + maxBatchSizeInBytes
            + ")");
    check(positive(maxTimeInBuffer), "InfluxSink: maxTimeInBuffer must be positive");
    check(positive(requestTimeout), "InfluxSink: requestTimeout must be positive");
    check(
        positive(initialBackoff)
            && positive(maxBackoff)
            && initialBackoff.compareTo(maxBackoff) <= 0,
        "InfluxSink: retryBackoff needs 0 < initial <= max");
    Limits limits =
        new Limits(
            maxBatchSize,
            maxInFlightRequests,
            maxBufferedRequests,
            maxBatchSizeInBytes,
            maxTimeInBuffer.toMillis(),
            maxRecordSizeInBytes);
    InfluxWriteSettings settings =
        new InfluxWriteSettings(
            url,
            database,
            retentionPolicy,
            username,
            password,
            token,
            createDatabase,
            requestTimeout,
            initialBackoff,
            maxBackoff);
    return new InfluxSink<>(converter, limits, settings);
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
