package io.voltstream.api.live;

import java.util.Set;

/** Names of the streams a WebSocket client can subscribe to, and of the message types pushed. */
public final class LiveStreams {
  public static final String READINGS = "readings";
  public static final String ROOM_METRICS = "room_metrics";
  public static final String EVENTS = "events";

  /**
   * Building forecasts from Kafka {@code forecasts}; only when asked for, not in the default
   * streams.
   */
  public static final String FORECAST = "forecast";

  /** Battery state from Kafka {@code battery-state} (type {@code battery}), newest per battery. */
  public static final String BATTERIES = "batteries";

  /**
   * Command statuses from Kafka {@code command-status} (type {@code command}), newest per command.
   */
  public static final String COMMANDS = "commands";

  /**
   * Demand response (type {@code dr}): invitation changes from Kafka {@code dr-invitations} ({@code
   * kind: invitation}) and the DR job's reports from {@code dr-status} ({@code kind: execution}),
   * newest per event and kind; building-wide.
   */
  public static final String DR = "dr";

  /**
   * Flexibility reports from Kafka {@code flexibility} (type {@code flexibility}), newest per
   * device, room and building; device and room reports carry their room.
   */
  public static final String FLEXIBILITY = "flexibility";

  /**
   * The P2P market (type {@code market}): {@code kind} {@code trade} (Kafka {@code market-trades}),
   * {@code clearing} ({@code market-clearing}), {@code order} (the job's order updates, {@code
   * market-order-status}) and {@code settlement} ({@code settlements}); admin sessions only.
   */
  public static final String MARKET = "market";

  /** Streams this API instance pushes; other names in a subscribe are answered with an error. */
  public static final Set<String> KNOWN =
      Set.of(
          READINGS, ROOM_METRICS, EVENTS, FORECAST, BATTERIES, COMMANDS, DR, FLEXIBILITY, MARKET);

  /** Streams of design §4's P2P column: admin sessions only. */
  public static final Set<String> ADMIN_ONLY = Set.of(MARKET);

  /** Streams of design §4's demand-response column: admin and operator sessions only. */
  public static final Set<String> DEMAND_RESPONSE = Set.of(DR, FLEXIBILITY);

  private LiveStreams() {}
}
