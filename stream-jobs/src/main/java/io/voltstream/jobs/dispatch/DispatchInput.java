package io.voltstream.jobs.dispatch;

import io.voltstream.jobs.dispatch.logic.ForecastBatch;
import io.voltstream.jobs.dispatch.logic.MarketLeg;
import io.voltstream.jobs.dispatch.logic.SensorPower;
import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandKind;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.TargetKind;
import io.voltstream.model.market.MarketTrade;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the per-building dispatch operator consumes, flattened into one record (a POJO for
 * Flink, no Kryo) so the inputs can be unioned and keyed by building.
 *
 * @param kind which input it came from
 * @param building the building (null until the battery → building lookup for telemetry)
 * @param id sensor id ({@code POWER}), battery id ({@code BATTERY}, {@code MANUAL}), forecast
 *     target ({@code FORECAST}), trade id + {@code /buy} or {@code /sell} ({@code MARKET})
 * @param at event time (reading, report, command issue time, forecast issue time or the trade's
 *     match time)
 * @param powerW sensor power magnitude, NaN when absent ({@code POWER}), or battery power, +
 *     charging ({@code BATTERY})
 * @param energyKwh the sensor's energy since its previous reading, NaN when absent ({@code POWER}),
 *     or the trade's energy, + bought, − sold ({@code MARKET})
 * @param generation whether the sensor generates ({@code POWER})
 * @param socPercent battery SoC ({@code BATTERY})
 * @param validUntil end of a manual command ({@code MANUAL}) or of a DR command ({@code DR}; equal
 *     to {@code at} for a release: mode {@code auto}), or the trade's delivery slot start ({@code
 *     MARKET})
 * @param json the forecast batch ({@code FORECAST})
 */
public record DispatchInput(
    Kind kind,
    String building,
    String id,
    Instant at,
    double powerW,
    double energyKwh,
    boolean generation,
    double socPercent,
    Instant validUntil,
    String json) {

  public enum Kind {
    POWER,
    BATTERY,
    MANUAL,
    /** A battery command of the DR job: dispatch stands back until it expires or is released. */
    DR,
    FORECAST,
    /** One leg of a market trade: the building's committed exchange in a delivery slot. */
    MARKET
  }

  /** A power or energy reading with its building; empty for readings without either. */
  public static Optional<DispatchInput> power(RoomReading r) {
    return SensorPower.Sample.of(r.reading())
        .map(
            p ->
                new DispatchInput(
                    Kind.POWER,
                    r.building(),
                    r.reading().sensorId(),
                    p.at(),
                    p.powerW(),
                    p.energyKwh(),
                    p.generation(),
                    0,
                    null,
                    null));
  }

  /** The power sample of a {@code POWER} input. */
  public SensorPower.Sample sample() {
    return new SensorPower.Sample(powerW, energyKwh, generation, at);
  }

  /** Battery telemetry; the building is looked up from the registry next. */
  public static DispatchInput battery(BatteryTelemetry t) {
    return new DispatchInput(
        Kind.BATTERY,
        null,
        t.batteryId(),
        t.timestamp(),
        t.powerW(),
        Double.NaN,
        false,
        t.socPercent(),
        null,
        null);
  }

  /**
   * A battery command that overrides dispatch until it expires: a manual one ({@code MANUAL}), an
   * automation rule's ({@code RULE}: an operator-written rule is a standing manual instruction,
   * recorded as {@code manual_override} too) or the DR job's ({@code DR}; its mode {@code auto}
   * releases the battery back to dispatch at once). Empty for every other command.
   */
  public static Optional<DispatchInput> manual(Command c) {
    boolean dr = c.source() == CommandSource.DR;
    boolean byHand = c.source() == CommandSource.MANUAL || c.source() == CommandSource.RULE;
    if ((!byHand && !dr)
        || c.targetKind() != TargetKind.BATTERY
        || c.kind() != CommandKind.BATTERY_SETPOINT) {
      return Optional.empty();
    }
    boolean release = dr && c.battery().mode() == BatteryMode.AUTO;
    return Optional.of(
        new DispatchInput(
            dr ? Kind.DR : Kind.MANUAL,
            c.building(),
            c.target(),
            c.issuedAt(),
            0,
            Double.NaN,
            false,
            0,
            release ? c.issuedAt() : c.validUntil(),
            null));
  }

  /** A forecast batch; empty when {@code json} is not one. */
  public static Optional<DispatchInput> forecast(String json) {
    return ForecastBatch.parse(json)
        .map(
            b ->
                new DispatchInput(
                    Kind.FORECAST,
                    b.building(),
                    b.target(),
                    null,
                    0,
                    Double.NaN,
                    false,
                    0,
                    null,
                    json));
  }

  /** A market trade, once for the buyer (+ kWh) and once for the seller (− kWh). */
  public static List<DispatchInput> legs(MarketTrade t) {
    if (t.id() == null
        || t.slot() == null
        || t.matchedAt() == null
        || !Double.isFinite(t.energyKwh())) {
      return List.of(); // not a trade dispatch can follow (the market job never writes one)
    }
    List<DispatchInput> legs = new java.util.ArrayList<>(2);
    if (t.buyer() != null && !t.buyer().isBlank()) {
      legs.add(leg(t, t.buyer(), "/buy", t.energyKwh()));
    }
    if (t.seller() != null && !t.seller().isBlank()) {
      legs.add(leg(t, t.seller(), "/sell", -t.energyKwh()));
    }
    return legs;
  }

  private static DispatchInput leg(MarketTrade t, String building, String side, double kwh) {
    return new DispatchInput(
        Kind.MARKET, building, t.id() + side, t.matchedAt(), 0, kwh, false, 0, t.slot(), null);
  }

  /** The trade leg of a {@code MARKET} input. */
  public MarketLeg marketLeg() {
    return new MarketLeg(validUntil, energyKwh);
  }

  public DispatchInput withBuilding(String newBuilding) {
    return new DispatchInput(
        kind, newBuilding, id, at, powerW, energyKwh, generation, socPercent, validUntil, json);
  }
}
