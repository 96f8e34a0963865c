package io.voltstream.sim.device.iot;

import java.time.Duration;
import java.time.Instant;

/**
 * How much a kind of device draws, free of commands: the mean power over a short simulated step
 * given whether it is switched on and its setpoint. Models of shiftable loads carry state (a water
 * heater's heat deficit, an EV's energy still to charge) and advance it with each step, so energy
 * deferred while off is consumed later. Steps arrive in time order; not thread-safe (the owning
 * {@link SimulatedDevice} serialises calls).
 */
public interface PowerModel {
  /**
   * Mean electrical power over {@code [from, from + step)} [W], ≥ 0; 0 when {@code on} is false.
   *
   * @param setpoint the device's setpoint in its unit (°C, W), or null without one
   */
  double stepW(Instant from, Duration step, boolean on, Double setpoint, Surroundings around);
}
