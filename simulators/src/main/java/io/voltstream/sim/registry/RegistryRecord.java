package io.voltstream.sim.registry;

import io.voltstream.model.RegistryKey;

/**
 * One entry for the compacted {@code registry} topic: its key and the entity (Building, Room or
 * Sensor).
 */
public record RegistryRecord(RegistryKey key, Object value) {}
