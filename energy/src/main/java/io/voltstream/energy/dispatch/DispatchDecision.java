package io.voltstream.energy.dispatch;

import io.voltstream.energy.battery.PowerRange;
import java.time.Instant;

/**
 * The result of a decision: the battery setpoint (positive = discharge), the strategy that settled
 * it and why, and the range that was left after all limits (what {@code battery_dispatch} records).
 */
public record DispatchDecision(
    Instant at, double setpointW, String strategy, String reason, PowerRange rangeW) {}
