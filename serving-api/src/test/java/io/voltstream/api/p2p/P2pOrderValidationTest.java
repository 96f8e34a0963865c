package io.voltstream.api.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.p2p.dto.OrderRequest;
import io.voltstream.energy.market.MarketMembership;
import io.voltstream.energy.market.MarketMode;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.model.Building;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of an order placed through the API, each failing with the status and the field the
 * README promises.
 */
class P2pOrderValidationTest {
  /** 10:02 UTC: the 10:15 slot's gate (5 min before) is open, the 10:00 slot has started. */
  static final Instant NOW = Instant.parse("2026-11-30T10:02:00Z");

  static final Building HQ = new Building("hq", "HQ", null, null, null);
  static final Building EAST =
      new Building(
          "east", "East", null, null, null, null, null, null, new MarketMembership("east", true));
  static final MarketSpec EAST_MARKET = new MarketSpec("east", "East", MarketMode.PAY_AS_BID, 900);

  static final Function<String, Optional<Building>> BUILDINGS =
      id -> Optional.ofNullable(Map.of("hq", HQ, "east", EAST).get(id));

  /** Registry markets: only the default (community) one; "east" is unregistered here. */
  static final Function<String, Optional<MarketSpec>> DEFAULT_ONLY =
      id ->
          id.equals(MarketSpec.DEFAULT_ID) ? Optional.of(MarketSpec.defaults()) : Optional.empty();

  static OrderRequest order(String side, Double kwh, Double price, String start, String market) {
    return new OrderRequest("hq", side, kwh, price, start, market);
  }

  static OrderValidation.Submit check(OrderRequest req) {
    return OrderValidation.submit(req, HQ, DEFAULT_ONLY, NOW);
  }

  static ApiException failure(Runnable r) {
    return catchThrowableOfType(ApiException.class, r::run);
  }

  static void assertFails(ApiException e, int status, String field, String messagePart) {
    assertThat(e).as("expected a failure naming %s", field).isNotNull();
    assertThat(e.kind().status()).as(e.getMessage()).isEqualTo(status);
    assertThat(e.errors()).extracting(FieldError::field).containsExactly(field);
    assertThat(e.errors().get(0).message()).contains(messagePart);
  }

  @Test
  void shouldAcceptAnOrderForTheFirstOpenSlot() {
    OrderValidation.Submit s =
        check(order("Buy", 1.5, 0.21, "2026-11-30T11:15:00+01:00", "community"));
    assertThat(s.side()).isEqualTo(OrderSide.BUY);
    assertThat(s.energyKwh()).isEqualTo(1.5);
    assertThat(s.priceEurPerKwh()).isEqualTo(0.21);
    assertThat(s.deliveryStart()).isEqualTo(Instant.parse("2026-11-30T10:15:00Z"));
    assertThat(s.market()).isEqualTo(MarketSpec.defaults());
    assertThat(s.building()).isEqualTo(HQ);
  }

  @Test
  void shouldAcceptNegativePricesWithinTheSaneRange() {
    assertThat(check(order("sell", 2.0, -0.05, "2026-11-30T10:15:00Z", null)).priceEurPerKwh())
        .isEqualTo(-0.05);
  }

  @Test
  void shouldNameTheBuildingWhenMissingMalformedOrUnknown() {
    assertFails(
        failure(() -> OrderValidation.building(null, BUILDINGS)), 400, "building", "required");
    assertFails(
        failure(() -> OrderValidation.building("h q", BUILDINGS)),
        400,
        "building",
        "letters, digits");
    assertFails(
        failure(() -> OrderValidation.building("attic", BUILDINGS)),
        422,
        "building",
        "unknown building 'attic'");
    assertThat(OrderValidation.building("hq", BUILDINGS)).isEqualTo(HQ);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {"null, required", "hold, must be one of buy, sell", "'', required"})
  void shouldNameTheSide(String side, String message) {
    assertFails(
        failure(() -> check(order(side, 1.0, 0.2, "2026-11-30T10:15:00Z", null))),
        400,
        "side",
        message);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "null, required",
        "0, must be a number > 0",
        "-1.5, must be a number > 0",
        "NaN, must be a number > 0",
        "Infinity, must be a number > 0",
        "10000.5, ≤ 10000"
      })
  void shouldNameTheEnergy(Double kwh, String message) {
    assertFails(
        failure(() -> check(order("buy", kwh, 0.2, "2026-11-30T10:15:00Z", null))),
        400,
        "energy_kwh",
        message);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "null, required",
        "NaN, must be a number in",
        "10.01, must be a number in",
        "-10.01, must be a number in",
        "-Infinity, must be a number in"
      })
  void shouldNameThePrice(Double price, String message) {
    assertFails(
        failure(() -> check(order("buy", 1.0, price, "2026-11-30T10:15:00Z", null))),
        400,
        "price_eur_per_kwh",
        message);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "null, 400, required",
        "tomorrow, 400, ISO-8601",
        "2026-11-30T10:15:00, 400, ISO-8601",
        "2026-11-30T10:20:00Z, 400, 15-minute boundary",
        "2026-11-30T10:15:30Z, 400, 15-minute boundary",
        "2026-11-30T10:00:00Z, 422, has started or passed",
        "2026-11-29T10:00:00Z, 422, has started or passed",
        "2026-12-07T10:15:00Z, 422, more than 7 days ahead"
      })
  void shouldNameTheDeliveryStart(String start, int status, String message) {
    assertFails(
        failure(() -> check(order("buy", 1.0, 0.2, start, null))),
        status,
        "delivery_start",
        message);
  }

  @Test
  void shouldSayWhenTheGateClosedAndWhichSlotIsOpen() {
    // 10:11: the 10:15 slot's gate closed at 10:10; the first open slot is 10:30
    ApiException e =
        failure(
            () ->
                OrderValidation.submit(
                    order("buy", 1.0, 0.2, "2026-11-30T10:15:00Z", null),
                    HQ,
                    DEFAULT_ONLY,
                    Instant.parse("2026-11-30T10:11:00Z")));
    assertFails(e, 422, "delivery_start", "closed at 2026-11-30T10:10:00Z");
    assertThat(e.errors().get(0).message()).contains("first open slot is 2026-11-30T10:30:00Z");
  }

  @Test
  void shouldTakeTheGateFromTheBuildingsMarketSpec() {
    // east's market closes 15 min before the slot: at 10:02 the 10:15 slot is already closed
    Function<String, Optional<MarketSpec>> withEast =
        id -> id.equals("east") ? Optional.of(EAST_MARKET) : DEFAULT_ONLY.apply(id);
    OrderRequest req = new OrderRequest("east", "sell", 1.0, 0.1, "2026-11-30T10:15:00Z", null);
    assertFails(
        failure(() -> OrderValidation.submit(req, EAST, withEast, NOW)),
        422,
        "delivery_start",
        "900 s before the slot in market 'east'");
    OrderRequest later = new OrderRequest("east", "sell", 1.0, 0.1, "2026-11-30T10:30:00Z", null);
    assertThat(OrderValidation.submit(later, EAST, withEast, NOW).market()).isEqualTo(EAST_MARKET);
  }

  @Test
  void shouldNameTheMarketWhenItIsNotTheBuildingsOrNotRegistered() {
    assertFails(
        failure(() -> check(order("buy", 1.0, 0.2, "2026-11-30T10:15:00Z", "east"))),
        422,
        "market",
        "trades in market 'community', not 'east'");
    assertFails(
        failure(() -> check(order("buy", 1.0, 0.2, "2026-11-30T10:15:00Z", "bad market"))),
        400,
        "market",
        "letters, digits");
    OrderRequest east = new OrderRequest("east", "sell", 1.0, 0.1, "2026-11-30T10:30:00Z", null);
    assertFails(
        failure(() -> OrderValidation.submit(east, EAST, DEFAULT_ONLY, NOW)),
        422,
        "market",
        "belongs to market 'east', which is not registered");
  }
}
