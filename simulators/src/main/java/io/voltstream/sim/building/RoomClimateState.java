package io.voltstream.sim.building;

import java.time.Instant;

/** The evolving indoor climate of one room at one simulated moment. */
record RoomClimateState(Instant at, double co2Ppm, double temperatureC, double humidityPercent) {}
