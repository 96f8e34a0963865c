package io.voltstream.api.health;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of one component or of the whole platform, ordered from best to worst. */
public enum HealthStatus {
  UP,
  DEGRADED,
  DOWN;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The worse of the two. */
  public HealthStatus worst(HealthStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
