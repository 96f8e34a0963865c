package io.voltstream.jobs.settlement;

import io.voltstream.energy.finance.MeteredEnergy;
import java.time.Instant;

/** A room's metered energy in one slot, as keyed state (key = slot epoch ms + "/" + room). */
public record RoomSlot(Instant slot, String room, MeteredEnergy energy) {
  static String key(Instant slot, String room) {
    return slot.toEpochMilli() + "/" + room;
  }
}
