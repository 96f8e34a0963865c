package io.voltstream.energy.market.agent;

import java.time.Instant;

/**
 * What the agent expects of one slot before its batteries act.
 *
 * @param slot the slot's start
 * @param netLoadKwh expected consumption − generation over the slot [kWh]
 * @param basis where the figure comes from, for the order's note (e.g. {@code forecast consumption
 *     0.800 − generation 0.200 kWh}, or the persistence fallback)
 * @param positionKwh what the building already traded for the slot: bought − sold [kWh]
 */
public record SlotOutlook(Instant slot, double netLoadKwh, String basis, double positionKwh) {}
