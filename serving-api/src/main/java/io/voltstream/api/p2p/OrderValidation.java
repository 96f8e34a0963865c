package io.voltstream.api.p2p;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.p2p.dto.OrderRequest;
import io.voltstream.api.query.Inputs;
import io.voltstream.api.registry.Names;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.model.Building;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The edge checks of {@code POST /api/v1/p2p/transactions}, as pure functions (unit-tested without
 * a server). Missing, malformed or out-of-range values are 400; a well-formed value the market
 * cannot take — an unknown building, a slot that started, a closed gate, another market — is 422;
 * each names its field.
 */
public final class OrderValidation {
  /** Largest quantity of one order [kWh] (a 15-minute slot at 40 MW). */
  public static final double MAX_ENERGY_KWH = 10_000;

  /** Sane limit-price range [€/kWh]: negative prices are allowed (surplus), as in the Order. */
  public static final double MIN_PRICE_EUR_PER_KWH = -10;

  public static final double MAX_PRICE_EUR_PER_KWH = 10;

  /** How far ahead a slot may be ordered (keeps the order view bounded). */
  public static final Duration MAX_AHEAD = Duration.ofDays(7);

  private OrderValidation() {}

  /** A checked order: the building, its market and the order's terms. */
  public record Submit(
      Building building,
      MarketSpec market,
      OrderSide side,
      double energyKwh,
      double priceEurPerKwh,
      Instant deliveryStart) {}

  /** The order's building: 400 when missing or not a valid id, 422 when not registered. */
  public static Building building(String id, Function<String, Optional<Building>> buildings) {
    Names.require("building", id);
    return buildings
        .apply(id)
        .orElseThrow(
            () ->
                ApiException.invalid(new FieldError("building", "unknown building '" + id + "'")));
  }

  /**
   * Checks the rest of an order of {@code building} (already checked) at {@code now}; markets are
   * looked up by id (the registry's, or the default).
   */
  public static Submit submit(
      OrderRequest req,
      Building building,
      Function<String, Optional<MarketSpec>> markets,
      Instant now) {
    OrderSide side = side(req.side());
    double energy = energyKwh(req.energyKwh());
    double price = priceEurPerKwh(req.priceEurPerKwh());
    Instant slot = slotStart(req.deliveryStart());
    MarketSpec market = market(req.market(), building, markets);
    requireOpen(slot, market, now);
    return new Submit(building, market, side, energy, price, slot);
  }

  static OrderSide side(String raw) {
    if (raw == null || raw.isBlank()) {
      throw required("side");
    }
    return Inputs.choice("side", raw, OrderSide.class);
  }

  static double energyKwh(Double kwh) {
    if (kwh == null) {
      throw required("energy_kwh");
    }
    if (!Double.isFinite(kwh) || kwh <= 0 || kwh > MAX_ENERGY_KWH) {
      throw ApiException.badRequest(
          "invalid energy_kwh",
          new FieldError(
              "energy_kwh", "must be a number > 0 and ≤ " + MAX_ENERGY_KWH + " [kWh], was " + kwh));
    }
    return kwh;
  }

  static double priceEurPerKwh(Double price) {
    if (price == null) {
      throw required("price_eur_per_kwh");
    }
    if (!Double.isFinite(price) || price < MIN_PRICE_EUR_PER_KWH || price > MAX_PRICE_EUR_PER_KWH) {
      throw ApiException.badRequest(
          "invalid price_eur_per_kwh",
          new FieldError(
              "price_eur_per_kwh",
              "must be a number in ["
                  + MIN_PRICE_EUR_PER_KWH
                  + ", "
                  + MAX_PRICE_EUR_PER_KWH
                  + "] [€/kWh], was "
                  + price));
    }
    return price;
  }

  /** An ISO-8601 instant with offset on a 15-minute boundary. */
  static Instant slotStart(String text) {
    if (text == null || text.isBlank()) {
      throw required("delivery_start");
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "invalid delivery_start",
          new FieldError(
              "delivery_start",
              "must be an ISO-8601 instant with offset, e.g. 2026-11-30T12:15:00Z"));
    }
    if (!MarketSpec.isSlotStart(at)) {
      throw ApiException.badRequest(
          "invalid delivery_start",
          new FieldError(
              "delivery_start",
              "must be on a 15-minute boundary (e.g. 12:15:00Z), was "
                  + at
                  + "; the slot holding it starts at "
                  + MarketSpec.slotOf(at)));
    }
    return at;
  }

  /** The building's market; {@code requested} (optional) must name it. */
  static MarketSpec market(
      String requested, Building building, Function<String, Optional<MarketSpec>> markets) {
    String member = building.marketOrDefault().market();
    if (requested != null) {
      Names.require("market", requested);
      if (!requested.equals(member)) {
        throw ApiException.invalid(
            new FieldError(
                "market",
                "building '"
                    + building.id()
                    + "' trades in market '"
                    + member
                    + "', not '"
                    + requested
                    + "'"));
      }
    }
    return markets
        .apply(member)
        .orElseThrow(
            () ->
                ApiException.invalid(
                    new FieldError(
                        "market",
                        "building '"
                            + building.id()
                            + "' belongs to market '"
                            + member
                            + "', which is not registered")));
  }

  /** The slot has not started, its gate is still open and it is at most {@link #MAX_AHEAD}. */
  static void requireOpen(Instant slot, MarketSpec market, Instant now) {
    if (!slot.isAfter(now)) {
      throw ApiException.invalid(
          new FieldError(
              "delivery_start",
              "slot "
                  + slot
                  + " has started or passed (now "
                  + now
                  + "); the first open slot is "
                  + market.firstOpenSlot(now)));
    }
    Instant gate = market.gateClosureOf(slot);
    if (!now.isBefore(gate)) {
      throw ApiException.invalid(
          new FieldError(
              "delivery_start",
              "the gate of slot "
                  + slot
                  + " closed at "
                  + gate
                  + " ("
                  + market.gateClosureSeconds()
                  + " s before the slot in market '"
                  + market.id()
                  + "'); the first open slot is "
                  + market.firstOpenSlot(now)));
    }
    if (slot.isAfter(now.plus(MAX_AHEAD))) {
      throw ApiException.invalid(
          new FieldError(
              "delivery_start",
              "is more than " + MAX_AHEAD.toDays() + " days ahead (" + slot + ")"));
    }
  }

  private static ApiException required(String field) {
    return ApiException.badRequest(field + " is required", new FieldError(field, "required"));
  }
}
