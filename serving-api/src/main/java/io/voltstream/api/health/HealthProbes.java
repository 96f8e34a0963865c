package io.voltstream.api.health;

import java.util.Optional;

/** Reads the raw figures from the servers; each call returns within a few seconds, never throws. */
public interface HealthProbes {
  Observations.Kafka kafka();

  /** Empty when Flink is not checked (no REST address configured). */
  Optional<Observations.Flink> flink();

  Observations.Influx influx();

  /** Probes of an API without servers (in-memory tests): every server reported unreachable. */
  static HealthProbes none() {
    return new HealthProbes() {
      @Override
      public Observations.Kafka kafka() {
        return Observations.Kafka.unreachable("not configured");
      }

      @Override
      public Optional<Observations.Flink> flink() {
        return Optional.empty();
      }

      @Override
      public Observations.Influx influx() {
        return Observations.Influx.unreachable("not configured");
      }
    };
  }
}
