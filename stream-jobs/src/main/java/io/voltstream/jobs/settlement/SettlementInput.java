package io.voltstream.jobs.settlement;

import io.voltstream.jobs.dispatch.DispatchInput;
import io.voltstream.jobs.dispatch.logic.SensorPower;
import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.market.MarketTrade;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the per-building settlement operator consumes, flattened into one record (a Flink
 * POJO) so the inputs can be unioned and keyed by building.
 *
 * @param kind which input it came from
 * @param building the building it counts for (for a trade: the buyer or the seller)
 * @param id sensor id ({@code METER}), battery id ({@code BATTERY}), trade id ({@code TRADE}), DR
 *     event id ({@code DR})
 * @param room the meter's room ({@code METER})
 * @param at event time (reading, report, match, DR report)
 * @param powerW meter power magnitude, NaN when absent ({@code METER}); battery power, + charging
 *     ({@code BATTERY})
 * @param energyKwh the meter's energy since its previous reading, NaN when absent ({@code METER})
 * @param generation whether the meter generates ({@code METER})
 * @param trade the trade ({@code TRADE})
 * @param benefitEur the DR incentive earned so far in the event ({@code DR})
 */
public record SettlementInput(
    Kind kind,
    String building,
    String id,
    String room,
    Instant at,
    double powerW,
    double energyKwh,
    boolean generation,
    MarketTrade trade,
    double benefitEur) {

  public enum Kind {
    METER,
    BATTERY,
    TRADE,
    DR
  }

  /** A reading with power or energy and its room and building; empty for other readings. */
  public static Optional<SettlementInput> meter(RoomReading r) {
    return SensorPower.Sample.of(r.reading())
        .map(
            s ->
                new SettlementInput(
                    Kind.METER,
                    r.building(),
                    r.reading().sensorId(),
                    r.room(),
                    s.at(),
                    s.powerW(),
                    s.energyKwh(),
                    s.generation(),
                    null,
                    0));
  }

  /** Battery telemetry after the dispatch job's battery → building lookup. */
  public static SettlementInput battery(DispatchInput located) {
    return new SettlementInput(
        Kind.BATTERY,
        located.building(),
        located.id(),
        null,
        located.at(),
        located.powerW(),
        Double.NaN,
        false,
        null,
        0);
  }

  /** A trade, once for the buyer and once for the seller. */
  public static List<SettlementInput> legs(MarketTrade t) {
    return List.of(leg(t, t.buyer()), leg(t, t.seller()));
  }

  private static SettlementInput leg(MarketTrade t, String building) {
    return new SettlementInput(
        Kind.TRADE, building, t.id(), null, t.matchedAt(), 0, Double.NaN, false, t, 0);
  }

  /** A DR report carrying a benefit; empty without one. */
  public static Optional<SettlementInput> dr(DrExecution e) {
    if (e.benefitEur() == null
        || !Double.isFinite(e.benefitEur())
        || e.building() == null
        || e.at() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new SettlementInput(
            Kind.DR,
            e.building(),
            e.eventId(),
            null,
            e.at(),
            0,
            Double.NaN,
            false,
            null,
            e.benefitEur()));
  }

  /** The power sample of a {@code METER} input. */
  public SensorPower.Sample sample() {
    return new SensorPower.Sample(powerW, energyKwh, generation, at);
  }

  /** Key of a buffered sample: the same reading replayed replaces itself. */
  public String sampleKey() {
    return kind + "/" + id + "@" + at.toEpochMilli();
  }
}
