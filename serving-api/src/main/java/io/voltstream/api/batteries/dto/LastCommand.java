package io.voltstream.api.batteries.dto;

import java.time.Instant;

/**
 * A battery's most recent command: its id, status (pending, applied, …) and when that status was
 * reached.
 */
public record LastCommand(String id, String status, Instant at) {}
