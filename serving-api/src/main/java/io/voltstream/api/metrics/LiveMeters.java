package io.voltstream.api.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.voltstream.api.live.LiveHub;

/**
 * The live WebSocket hub's figures, read at scrape time: {@code voltstream_live_sessions} (open
 * sessions), {@code voltstream_live_subscribed_sessions}, {@code
 * voltstream_live_messages_shed_total} (pushes dropped because a session's queue was full) and
 * {@code voltstream_live_broadcasts_total}.
 */
public final class LiveMeters implements MeterBinder {
  private final LiveHub hub;

  public LiveMeters(LiveHub hub) {
    this.hub = hub;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("voltstream.live.sessions", hub, LiveHub::sessionCount)
        .description("Open live WebSocket sessions")
        .register(registry);
    Gauge.builder("voltstream.live.subscribed.sessions", hub, LiveHub::subscriptionCount)
        .description("Live sessions with a subscription")
        .register(registry);
    FunctionCounter.builder("voltstream.live.messages.shed", hub, h -> (double) h.shedTotal())
        .description("Live pushes dropped because a session's queue was full (slow client)")
        .register(registry);
    FunctionCounter.builder("voltstream.live.broadcasts", hub, h -> (double) h.broadcastCount())
        .description("Messages offered to the live hub")
        .register(registry);
  }
}
