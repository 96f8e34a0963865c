package io.voltstream.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.api.commands.dto.CommandResponse;
import io.voltstream.api.dr.dto.InvitationResponse;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.FlexibilityReport;
import io.voltstream.model.Json;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.Topics;
import io.voltstream.model.command.CommandStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import io.voltstream.model.market.MarketClearing;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.OrderUpdate;
import io.voltstream.model.market.Settlement;
import java.io.IOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns Kafka record values (JSON of {@link SensorReading}, {@link RoomMetrics}, {@link
 * SystemEvent}, forecast batches) into {@link LiveMessage}s: the record's fields plus a {@code
 * type}, serialised once. A reading's room is the registry's assignment when the sensor is
 * registered (as in the jobs), else the room the device claimed. Unreadable values give empty,
 * never an exception.
 */
public final class LiveMessages {

  private final Function<String, Optional<String>> roomOfSensor;
  private final Function<String, Optional<String>> buildingOfBattery;
  private final Function<String, Set<String>> membersOfMarket;
  private final Clock clock;

  /**
   * Without battery lookups: battery messages then carry no building (only unscoped tokens get
   * them).
   */
  public LiveMessages(Function<String, Optional<String>> roomOfSensor) {
    this(roomOfSensor, battery -> Optional.empty());
  }

  public LiveMessages(
      Function<String, Optional<String>> roomOfSensor,
      Function<String, Optional<String>> buildingOfBattery) {
    this(roomOfSensor, buildingOfBattery, Clock.systemUTC());
  }

  /** With the clock that dates a DR invitation's status. */
  public LiveMessages(
      Function<String, Optional<String>> roomOfSensor,
      Function<String, Optional<String>> buildingOfBattery,
      Clock clock) {
    this(roomOfSensor, buildingOfBattery, market -> Set.of(), clock);
  }

  /**
   * With the lookup of a market's member buildings, which scopes its clearings (without it,
   * clearings reach unscoped tokens only).
   */
  public LiveMessages(
      Function<String, Optional<String>> roomOfSensor,
      Function<String, Optional<String>> buildingOfBattery,
      Function<String, Set<String>> membersOfMarket,
      Clock clock) {
    this.roomOfSensor = roomOfSensor;
    this.buildingOfBattery = buildingOfBattery;
    this.membersOfMarket = membersOfMarket;
    this.clock = clock;
  }

  /** Maps a value of {@code topic}; empty for unknown topics and unreadable values. */
  public Optional<LiveMessage> fromKafka(String topic, byte[] value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      // Each topic's own codec decodes its values (JSON codecs ignore the key).
      if (topic.equals(Topics.READINGS.name())) {
        return Optional.of(reading(Topics.READINGS.decodeValue(null, value)));
      } else if (topic.equals(Topics.ROOM_METRICS.name())) {
        return Optional.of(roomMetrics(Topics.ROOM_METRICS.decodeValue(null, value)));
      } else if (topic.equals(Topics.EVENTS.name())) {
        return Optional.of(event(Topics.EVENTS.decodeValue(null, value)));
      } else if (topic.equals(Topics.FORECASTS.name())) {
        return Optional.of(forecast(Topics.FORECASTS.decodeValue(null, value)));
      } else if (topic.equals(Topics.BATTERY_STATE.name())) {
        return Optional.of(battery(Topics.BATTERY_STATE.decodeValue(null, value)));
      } else if (topic.equals(Topics.COMMAND_STATUS.name())) {
        return Optional.of(command(Topics.COMMAND_STATUS.decodeValue(null, value)));
      } else if (topic.equals(Topics.DR_INVITATIONS.name())) {
        return Optional.of(drInvitation(Topics.DR_INVITATIONS.decodeValue(null, value)));
      } else if (topic.equals(Topics.DR_STATUS.name())) {
        return Optional.of(drExecution(Topics.DR_STATUS.decodeValue(null, value)));
      } else if (topic.equals(Topics.FLEXIBILITY.name())) {
        return Optional.of(flexibility(Topics.FLEXIBILITY.decodeValue(null, value)));
      } else if (topic.equals(Topics.MARKET_TRADES.name())) {
        return Optional.of(trade(Topics.MARKET_TRADES.decodeValue(null, value)));
      } else if (topic.equals(Topics.MARKET_CLEARING.name())) {
        return Optional.of(clearing(Topics.MARKET_CLEARING.decodeValue(null, value)));
      } else if (topic.equals(Topics.MARKET_ORDER_STATUS.name())) {
        return Optional.of(order(Topics.MARKET_ORDER_STATUS.decodeValue(null, value)));
      } else if (topic.equals(Topics.SETTLEMENTS.name())) {
        return Optional.of(settlement(Topics.SETTLEMENTS.decodeValue(null, value)));
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public LiveMessage reading(SensorReading reading) {
    String room = roomOfSensor.apply(reading.sensorId()).orElse(reading.room());
    SensorReading r =
        room == null || room.equals(reading.room()) ? reading : reading.withRoom(room);
    return new LiveMessage(
        LiveStreams.READINGS,
        "reading:" + r.sensorId(),
        r.room(),
        r.sensorId(),
        typed("reading", r));
  }

  public LiveMessage roomMetrics(RoomMetrics m) {
    if (m.room() == null) {
      throw new IllegalArgumentException("room metrics without room");
    }
    return new LiveMessage(
        LiveStreams.ROOM_METRICS,
        "room_metrics:" + m.room(),
        m.room(),
        null,
        typed("room_metrics", m));
  }

  public LiveMessage event(SystemEvent e) {
    String key = "event:" + (e.eventId() != null ? e.eventId() : e.kind() + "@" + e.timestamp());
    return new LiveMessage(LiveStreams.EVENTS, key, e.room(), e.sensorId(), typed("event", e));
  }

  /**
   * A forecast batch as the forecast service publishes it ({@code building}, {@code target}, {@code
   * model_id}, {@code fallback}, {@code fallback_reason}, {@code issued_at}, {@code origin}, {@code
   * values[{hour, value_kwh, p10_kwh, p90_kwh}]}), passed through as a tree so fields it adds reach
   * clients unchanged. The newest batch per building and target wins; it has no room, so room
   * filters never match it; it carries its building, so tokens scoped to that building get it.
   */
  public LiveMessage forecast(JsonNode batch) {
    if (batch == null
        || !batch.isObject()
        || !batch.path("building").isTextual()
        || !batch.path("target").isTextual()
        || !batch.path("values").isArray()) {
      throw new IllegalArgumentException("forecast without building, target or values");
    }
    String key = "forecast:" + batch.get("building").asText() + ":" + batch.get("target").asText();
    ObjectNode n = Json.MAPPER.createObjectNode().put("type", "forecast");
    n.setAll((ObjectNode) batch);
    return new LiveMessage(
        LiveStreams.FORECAST, key, null, null, n.toString(), batch.get("building").asText());
  }

  /**
   * A battery's reported state (type {@code battery}, the {@code BatteryTelemetry} fields, {@code
   * power_w} + charging); newest per battery wins; building-wide: its building comes from the
   * registry, so tokens scoped to that building get it (an unregistered battery: unscoped tokens
   * only).
   */
  public LiveMessage battery(BatteryTelemetry t) {
    if (t.batteryId() == null) {
      throw new IllegalArgumentException("battery state without battery_id");
    }
    String building = buildingOfBattery.apply(t.batteryId()).orElse(null);
    return new LiveMessage(
        LiveStreams.BATTERIES,
        "battery:" + t.batteryId(),
        null,
        null,
        typed("battery", t),
        building);
  }

  /**
   * A command's status (type {@code command}, the fields of {@code GET /api/v1/commands/{id}});
   * newest per command wins; building-wide, through the building the command names.
   */
  public LiveMessage command(CommandStatus s) {
    return new LiveMessage(
        LiveStreams.COMMANDS,
        "command:" + s.commandId(),
        null,
        null,
        typed("command", CommandResponse.from(s)),
        s.building());
  }

  /**
   * An invitation as sent, answered or cancelled (type {@code dr}, {@code kind: invitation}, the
   * fields of {@code GET /api/v1/demand-response/invitations/{id}} without the job's figures, which
   * arrive as {@code kind: execution}); building-wide.
   */
  public LiveMessage drInvitation(DrInvitation inv) {
    ObjectNode n = Json.MAPPER.createObjectNode().put("type", "dr").put("kind", "invitation");
    n.setAll(
        (ObjectNode) Json.MAPPER.valueToTree(InvitationResponse.from(inv, null, clock.instant())));
    return new LiveMessage(
        LiveStreams.DR, "dr:invitation:" + inv.id(), null, null, n.toString(), inv.building());
  }

  /**
   * The DR job's report on an event (type {@code dr}, {@code kind: execution}, the {@code
   * DrExecution} fields, {@code status} lower case); building-wide.
   */
  public LiveMessage drExecution(DrExecution x) {
    if (x.eventId() == null) {
      throw new IllegalArgumentException("DR report without event_id");
    }
    ObjectNode n = Json.MAPPER.createObjectNode().put("type", "dr").put("kind", "execution");
    n.setAll((ObjectNode) Json.MAPPER.valueToTree(x));
    n.put("status", InvitationResponse.lower(x.status()));
    return new LiveMessage(
        LiveStreams.DR, "dr:execution:" + x.eventId(), null, null, n.toString(), x.building());
  }

  /**
   * A flexibility report (type {@code flexibility}, the {@code FlexibilityReport} fields); newest
   * per scope and id wins. Device and room reports carry their room (room tokens get them), a
   * building report its building (building tokens only).
   */
  public LiveMessage flexibility(FlexibilityReport f) {
    if (f.scope() == null || f.id() == null || f.building() == null) {
      throw new IllegalArgumentException("flexibility report without scope, id or building");
    }
    boolean building = f.scope() == FlexibilityReport.Scope.BUILDING;
    if (!building && f.room() == null) {
      throw new IllegalArgumentException("device or room flexibility without room");
    }
    return new LiveMessage(
        LiveStreams.FLEXIBILITY,
        "flexibility:" + f.scope().name().toLowerCase(java.util.Locale.ROOT) + ":" + f.id(),
        building ? null : f.room(),
        null,
        typed("flexibility", f),
        building ? f.building() : null);
  }

  /**
   * A trade (type {@code market}, {@code kind: trade}, the {@code MarketTrade} fields, {@code mode}
   * lower case); for tokens covering its buyer or its seller.
   */
  public LiveMessage trade(MarketTrade t) {
    if (t.id() == null || t.buyer() == null || t.seller() == null) {
      throw new IllegalArgumentException("trade without id, buyer or seller");
    }
    return new LiveMessage(
        LiveStreams.MARKET,
        "market:trade:" + t.id(),
        null,
        null,
        market("trade", t),
        null,
        Set.of(t.buyer(), t.seller()));
  }

  /**
   * A slot's clearing (type {@code market}, {@code kind: clearing}, the {@code MarketClearing}
   * fields): market-wide figures (price, volume, counts; no orders or buildings), so every token
   * covering a member building of the market gets it (unscoped tokens: every market).
   */
  public LiveMessage clearing(MarketClearing c) {
    if (c.market() == null || c.slot() == null) {
      throw new IllegalArgumentException("clearing without market or slot");
    }
    return new LiveMessage(
        LiveStreams.MARKET,
        "market:clearing:" + c.market() + ":" + c.slot(),
        null,
        null,
        market("clearing", c),
        null,
        membersOfMarket.apply(c.market()));
  }

  /**
   * The market job's update of an order (type {@code market}, {@code kind: order}, the {@code
   * OrderUpdate} fields, enums lower case); newest per order wins; building-wide.
   */
  public LiveMessage order(OrderUpdate u) {
    if (u.orderId() == null || u.building() == null) {
      throw new IllegalArgumentException("order update without order_id or building");
    }
    return new LiveMessage(
        LiveStreams.MARKET,
        "market:order:" + u.orderId(),
        null,
        null,
        market("order", u),
        u.building());
  }

  /**
   * A participant's settlement of a slot (type {@code market}, {@code kind: settlement}, the {@code
   * Settlement} fields); building-wide.
   */
  public LiveMessage settlement(Settlement s) {
    if (s.building() == null || s.slot() == null) {
      throw new IllegalArgumentException("settlement without building or slot");
    }
    return new LiveMessage(
        LiveStreams.MARKET,
        "market:settlement:" + s.building() + ":" + s.slot(),
        null,
        null,
        market("settlement", s),
        s.building());
  }

  /** {@code {"type":"market","kind":…}} with the record's fields, enum values in lower case. */
  private static String market(String kind, Object record) {
    ObjectNode n = Json.MAPPER.createObjectNode().put("type", "market").put("kind", kind);
    ObjectNode fields = Json.MAPPER.valueToTree(record);
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (ENUM_FIELDS.contains(f.getKey()) && f.getValue().isTextual()) {
        f.setValue(
            Json.MAPPER.getNodeFactory().textNode(f.getValue().asText().toLowerCase(Locale.ROOT)));
      }
    }
    n.setAll(fields);
    return n.toString();
  }

  private static final Set<String> ENUM_FIELDS = Set.of("mode", "side", "state", "origin");

  private static String typed(String type, Object record) {
    ObjectNode n = Json.MAPPER.createObjectNode().put("type", type);
    n.setAll((ObjectNode) Json.MAPPER.valueToTree(record));
    return n.toString();
  }
}
