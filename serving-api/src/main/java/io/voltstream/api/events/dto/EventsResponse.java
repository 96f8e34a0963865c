package io.voltstream.api.events.dto;

import io.voltstream.model.SystemEvent;
import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code GET /api/v1/events}: newest first, at most {@code limit} events since {@code
 * since}.
 */
public record EventsResponse(Instant since, int limit, List<SystemEvent> events) {}
