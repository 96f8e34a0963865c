package io.voltstream.jobs.settlement.logic;

import io.voltstream.jobs.dispatch.logic.SensorPower;

/**
 * The latest power of one meter (the dispatch job's {@link SensorPower} rule) and the room it is
 * counted in.
 */
public record MeterSensor(String room, SensorPower power) {}
