package io.voltstream.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandAck;
import io.voltstream.model.command.CommandStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import io.voltstream.model.market.MarketClearing;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.OrderUpdate;
import io.voltstream.model.market.Settlement;
import java.time.Duration;
import java.util.List;

/**
 * Every Kafka topic of Voltstream, declared once: the contract between ingest, the jobs, the
 * forecast service and the API. Adding a topic means adding one constant here (and to {@link
 * #all()}): the provisioner creates it, the README test checks its row, producers and consumers
 * take its name and codecs from the constant.
 */
public final class Topics {
  /** Valid, normalised {@link SensorReading}s keyed by sensor id. */
  public static final Topic<String, SensorReading> READINGS =
      Topic.json("readings", SensorReading.class)
          .partitions(4)
          .documented(
              "sensor id",
              "`SensorReading` JSON (normalised units, snake_case)",
              "ingest",
              "every job, API live feed");

  /** Rejected payloads ({@link DeadLetter}) keyed by MQTT topic. */
  public static final Topic<String, DeadLetter> READINGS_DLQ =
      Topic.json("readings.dlq", DeadLetter.class)
          .partitions(2)
          .documented(
              "MQTT topic",
              "`DeadLetter`: raw payload, MQTT topic, reason code and message, field, batch index",
              "ingest",
              "operators");

  /** Readings that arrived after their window closed, keyed by sensor id. */
  public static final Topic<String, SensorReading> READINGS_LATE =
      Topic.json("readings.late", SensorReading.class)
          .partitions(2)
          .documented(
              "sensor id",
              "`SensorReading` that arrived after its window closed",
              "room aggregation",
              "alert job");

  /**
   * Registry of buildings, rooms and sensors: {@link RegistryKey} keys, {@link Building}, {@link
   * Room} or {@link Sensor} values by the key's kind, tombstones delete.
   */
  public static final Topic<String, Object> REGISTRY =
      Topic.of("registry", new RegistryCodec())
          .compacted()
          .documented(
              "`building:<id>`, `room:<name>`, `sensor:<id>`, `battery:<id>`, `device:<id>`,"
                  + " `rule:<id>`",
              "`Building` / `Room` / `Sensor` / `BatterySpec` / `DeviceSpec` / `AutomationRule`"
                  + " JSON; null = delete",
              "API, simulators",
              "room aggregation, dispatch, flexibility, rules, DR and market agents jobs, API");

  /** {@link RoomMetrics} per room and window, keyed by room. */
  public static final Topic<String, RoomMetrics> ROOM_METRICS =
      Topic.json("room-metrics", RoomMetrics.class)
          .partitions(2)
          .documented("room", "`RoomMetrics` JSON", "room aggregation", "alert job, API live feed");

  /** Alerts and system events. */
  public static final Topic<String, SystemEvent> EVENTS =
      Topic.json("events", SystemEvent.class)
          .partitions(2)
          .documented(
              "subject",
              "`SystemEvent` JSON",
              "alert, command-status, rules and DR jobs",
              "API live feed");

  /**
   * Hourly forecast batches (one JSON object per building, target and run) keyed by building; live
   * copies of what the forecast service writes to InfluxDB {@code forecasts}, pushed by the API. A
   * JSON tree: the API passes it through, so the forecast service may add fields.
   */
  public static final Topic<String, JsonNode> FORECASTS =
      Topic.json("forecasts", JsonNode.class)
          .partitions(2)
          .documented(
              "building",
              "forecast batch JSON (`building`, `target`, `model_id`, `fallback`,"
                  + " `fallback_reason`, `issued_at`, `origin`, `guard{candidate_model_id, skill,"
                  + " scored_hours}`, `values[{hour, value_kwh, p10_kwh, p90_kwh}]`); building-wide"
                  + " batches only",
              "forecast service (when `VOLTSTREAM_KAFKA_BOOTSTRAP` is set)",
              "API live feed (`forecast` WS stream), dispatch job (planner), market agents job");

  /**
   * How long the log cleaner must leave every record of {@link #TOKEN_REVOCATIONS} alone: longer
   * than the longest lifetime the API gives a token (3650 days, {@code TokenService.MAX_TTL}).
   */
  public static final Duration REVOCATION_COMPACTION_LAG = Duration.ofDays(3651);

  /**
   * Revoked API token ids, read by every API instance. Revocations are permanent until the token
   * expires: readers ignore tombstones, and compaction may not touch a record younger than {@link
   * #REVOCATION_COMPACTION_LAG} (by broker append time, so a producer cannot back-date a record),
   * so neither a tombstone nor compaction can drop a revocation of a token that is still valid.
   */
  public static final Topic<String, Revocation> TOKEN_REVOCATIONS =
      Topic.json("token-revocations", Revocation.class)
          .compacted()
          .config("min.compaction.lag.ms", Long.toString(REVOCATION_COMPACTION_LAG.toMillis()))
          .config("message.timestamp.type", "LogAppendTime")
          .documented("token id", "`Revocation` JSON", "API", "every API instance");

  /**
   * Commands to batteries and devices, the log of record (design §8), keyed by target id so a
   * target's commands stay ordered. Written by the API (manual), the dispatch job, DR and rules;
   * read by the command bridge (→ MQTT) and the command-status job.
   */
  public static final Topic<String, Command> COMMANDS =
      Topic.json("commands", Command.class)
          .partitions(2)
          .documented(
              "target id",
              "`Command` JSON (`command_id`, `target_kind`, `target`, `kind`, payload, `issued_at`,"
                  + " `valid_until`, `source`)",
              "API, dispatch, rules and DR jobs",
              "command bridge, command-status job, dispatch job, DR job");

  /** Acknowledgements from batteries and devices, keyed by target id. */
  public static final Topic<String, CommandAck> COMMAND_ACKS =
      Topic.json("command-acks", CommandAck.class)
          .partitions(2)
          .documented(
              "target id",
              "`CommandAck` JSON (`command_id`, `status` applied|rejected, `reason`)",
              "ingest",
              "command-status job");

  /** Each status a command goes through, keyed by command id. */
  public static final Topic<String, CommandStatus> COMMAND_STATUS =
      Topic.json("command-status", CommandStatus.class)
          .partitions(2)
          .documented(
              "command id",
              "`CommandStatus` JSON (pending, applied, rejected, expired, timeout)",
              "command-status job",
              "API live feed (`commands` WS stream), DR job (re-dispatch)");

  /** Battery telemetry, keyed by battery id. */
  public static final Topic<String, BatteryTelemetry> BATTERY_STATE =
      Topic.json("battery-state", BatteryTelemetry.class)
          .partitions(2)
          .documented(
              "battery id",
              "`BatteryTelemetry` JSON (`soc_percent`, `power_w` + charging, …)",
              "ingest",
              "battery state job, dispatch job, DR job, API (`batteries` WS stream)");

  /**
   * Flexibility of devices, rooms and buildings (every evaluation of the flexibility job), keyed by
   * building.
   */
  public static final Topic<String, FlexibilityReport> FLEXIBILITY =
      Topic.json("flexibility", FlexibilityReport.class)
          .partitions(2)
          .documented(
              "building id",
              "`FlexibilityReport` JSON (`scope` device|room|building, `up_now_kw`, `down_now_kw`,"
                  + " `up_hour_kw`, `down_hour_kw`)",
              "flexibility job",
              "DR job, API (`flexibility` WS stream, auto-answer)");

  /**
   * DR invitations with their answer and cancellation, the log of record (compacted: the latest
   * state of each invitation), keyed by invitation id.
   */
  public static final Topic<String, DrInvitation> DR_INVITATIONS =
      Topic.json("dr-invitations", DrInvitation.class)
          .partitions(1)
          .compacted()
          .documented(
              "invitation id",
              "`DrInvitation` JSON (`building`, `start`, `duration_minutes`, `requested_kw`,"
                  + " `answer`, `cancelled_at`)",
              "API",
              "DR job, API (every instance)");

  /** The DR job's reports on each event (compacted: the latest per event), keyed by event id. */
  public static final Topic<String, DrExecution> DR_STATUS =
      Topic.json("dr-status", DrExecution.class)
          .partitions(1)
          .compacted()
          .documented(
              "invitation id",
              "`DrExecution` JSON (`status`, `baseline_kw`, `metered_kw`, `delivered_kw`,"
                  + " `benefit_eur`)",
              "DR job",
              "API (`dr` WS stream, invitation reads)");

  /**
   * Every market order and cancellation, the log of record (key = market id: one market's orders
   * stay in order on one partition).
   */
  public static final Topic<String, MarketOrder> MARKET_ORDERS =
      Topic.json("market-orders", MarketOrder.class)
          .partitions(2)
          .documented(
              "market id",
              "`MarketOrder` JSON (`action` submit|cancel, `id`, `building`, `side`, `energy_kwh`,"
                  + " `price_eur_per_kwh`, `delivery_start`, `origin` api|agent)",
              "API, market agents job",
              "market job, API (order reads)");

  /** The market job's latest view of each order (compacted), keyed by order id. */
  public static final Topic<String, OrderUpdate> MARKET_ORDER_STATUS =
      Topic.json("market-order-status", OrderUpdate.class)
          .partitions(2)
          .compacted()
          .documented(
              "order id",
              "`OrderUpdate` JSON (`state` open|partially_filled|filled|cancelled|expired|rejected,"
                  + " `filled_kwh`, `remaining_kwh`, `reason`)",
              "market job",
              "API (`GET /p2p/orders`), market agents job");

  /** Trades, keyed by market id. */
  public static final Topic<String, MarketTrade> MARKET_TRADES =
      Topic.json("market-trades", MarketTrade.class)
          .partitions(2)
          .documented(
              "market id",
              "`MarketTrade` JSON (`id`, `slot`, `buy_order_id`, `sell_order_id`, `buyer`,"
                  + " `seller`, `energy_kwh`, `price_eur_per_kwh`)",
              "market job",
              "settlement job, API (`market` WS stream)");

  /** One summary per market and slot at its gate closure, keyed by market id. */
  public static final Topic<String, MarketClearing> MARKET_CLEARING =
      Topic.json("market-clearing", MarketClearing.class)
          .partitions(2)
          .documented(
              "market id",
              "`MarketClearing` JSON (`slot`, `price_eur_per_kwh`, `volume_kwh`, `orders`,"
                  + " `participants`)",
              "market job",
              "API (`market` WS stream, market status)");

  /** Settlements per participant and slot after metering, keyed by building. */
  public static final Topic<String, Settlement> SETTLEMENTS =
      Topic.json("settlements", Settlement.class)
          .partitions(2)
          .documented(
              "building id",
              "`Settlement` JSON (`bought_kwh`, `sold_kwh`, `metered_net_kwh`, `deviation_kwh`,"
                  + " `net_cost_eur`, `savings_eur`)",
              "settlement job",
              "API (`market` WS stream)");

  private Topics() {}

  /**
   * Every topic above, in README order (the API's own {@code tokens} topic is declared in
   * serving-api).
   */
  public static List<Topic<String, ?>> all() {
    return List.of(
        READINGS,
        READINGS_DLQ,
        READINGS_LATE,
        REGISTRY,
        ROOM_METRICS,
        EVENTS,
        FORECASTS,
        TOKEN_REVOCATIONS,
        COMMANDS,
        COMMAND_ACKS,
        COMMAND_STATUS,
        BATTERY_STATE,
        FLEXIBILITY,
        DR_INVITATIONS,
        DR_STATUS,
        MARKET_ORDERS,
        MARKET_ORDER_STATUS,
        MARKET_TRADES,
        MARKET_CLEARING,
        SETTLEMENTS);
  }
}
