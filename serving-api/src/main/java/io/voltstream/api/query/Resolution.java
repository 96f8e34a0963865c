package io.voltstream.api.query;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The bucket sizes the query endpoints accept. The finest is one minute because {@code
 * room_metrics} holds one-minute windows; coarser ones aggregate those windows in InfluxDB.
 */
public enum Resolution {
  ONE_MINUTE("1m", Duration.ofMinutes(1)),
  FIVE_MINUTES("5m", Duration.ofMinutes(5)),
  FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
  THIRTY_MINUTES("30m", Duration.ofMinutes(30)),
  ONE_HOUR("1h", Duration.ofHours(1)),
  SIX_HOURS("6h", Duration.ofHours(6)),
  ONE_DAY("1d", Duration.ofDays(1));

  private final String wireName;
  private final Duration bucket;

  Resolution(String wireName, Duration bucket) {
    this.wireName = wireName;
    this.bucket = bucket;
  }

  public String wireName() {
    return wireName;
  }

  public Duration bucket() {
    return bucket;
  }

  /**
   * Parses {@code raw} (null: {@code fallback}); 400 naming {@code field} when not in the allowed
   * set.
   */
  public static Resolution parse(String field, String raw, Resolution fallback) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    return Arrays.stream(values())
        .filter(r -> r.wireName.equals(raw.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "invalid " + field, new FieldError(field, "must be one of " + allowed())));
  }

  public static String allowed() {
    return Arrays.stream(values()).map(Resolution::wireName).collect(Collectors.joining(", "));
  }
}
