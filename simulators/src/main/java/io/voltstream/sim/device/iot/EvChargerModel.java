package io.voltstream.sim.device.iot;

import io.voltstream.sim.device.Noise;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A home EV charger with two plug-in sessions a day: a midday top-up (10:00–15:00 local, 3–6 kWh)
 * and the overnight charge (from about 18:00 to 07:00, 8–16 kWh), the amounts seeded per day. While
 * a car is plugged in and still needs energy it charges at the setpoint (a power cap in W), at most
 * the rated power. Shiftable: switched off it pauses and the energy still needed is charged when it
 * is switched on again, until the car leaves.
 */
public final class EvChargerModel implements PowerModel {
  private final double ratedPowerW;
  private final ZoneId zone;
  private final long seed;
  private String sessionKey;
  private double remainingKwh;

  public EvChargerModel(double ratedPowerW, ZoneId zone, long seed) {
    this.ratedPowerW = ratedPowerW;
    this.zone = zone;
    this.seed = seed;
  }

  @Override
  public double stepW(Instant from, Duration step, boolean on, Double setpoint, Surroundings s) {
    double hours = step.toNanos() / 3.6e12;
    String session = sessionAt(from.plus(step.dividedBy(2)));
    if (session == null) {
      sessionKey = null;
      remainingKwh = 0;
      return 0.0;
    }
    if (!session.equals(sessionKey)) {
      sessionKey = session;
      remainingKwh = needKwh(session);
    }
    if (!on || hours <= 0 || remainingKwh <= 0) {
      return 0.0;
    }
    double capW = setpoint == null ? ratedPowerW : Math.min(ratedPowerW, setpoint);
    double energyKwh = Math.min(capW / 1000.0 * hours, remainingKwh);
    remainingKwh -= energyKwh;
    return energyKwh / hours * 1000.0;
  }

  /** Energy the plugged-in car still needs [kWh] (0 without a car). */
  public double remainingKwh() {
    return remainingKwh;
  }

  /** The session a car is plugged in for at {@code at}, or null when none. */
  String sessionAt(Instant at) {
    ZonedDateTime local = ZonedDateTime.ofInstant(at, zone);
    LocalTime t = local.toLocalTime();
    LocalDate day = local.toLocalDate();
    if (!t.isBefore(LocalTime.of(10, 0)) && t.isBefore(LocalTime.of(15, 0))) {
      return "midday:" + day;
    }
    LocalDate evening = t.isBefore(LocalTime.of(7, 0)) ? day.minusDays(1) : day;
    LocalTime arrival =
        LocalTime.of(18, 0)
            .plusMinutes((long) (60 * Noise.uniform(seed, "ev-arrive", evening.toEpochDay())));
    boolean plugged = t.isBefore(LocalTime.of(7, 0)) || !t.isBefore(arrival);
    return plugged ? "evening:" + evening : null;
  }

  private double needKwh(String session) {
    long day = LocalDate.parse(session.substring(session.indexOf(':') + 1)).toEpochDay();
    double u = Noise.uniform(seed, session.startsWith("midday") ? "ev-midday" : "ev-evening", day);
    return session.startsWith("midday") ? 3 + 3 * u : 8 + 8 * u;
  }
}
