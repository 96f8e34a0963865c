package io.voltstream.api.commands.dto;

import java.time.Instant;

/** The 202 answer to a command request: its id, {@code pending}, and until when it is valid. */
public record CommandAccepted(String commandId, String status, Instant validUntil) {}
