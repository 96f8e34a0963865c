package io.voltstream.api.events;

import io.voltstream.model.SystemEvent;
import java.time.Instant;
import java.util.Optional;

/** Filters of {@code GET /api/v1/events}; absent filters match everything. */
public record EventsQuery(
    Optional<String> room,
    Optional<String> kind,
    Optional<SystemEvent.Severity> severity,
    Instant since,
    int limit) {}
