package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voltstream.energy.dispatch.DispatchSettings;
import io.voltstream.energy.dr.DrSettings;
import io.voltstream.energy.market.MarketMembership;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.energy.tariff.Tariffs;

/**
 * A building in the registry; rooms belong to exactly one building. Its tariff, dispatch,
 * demand-response settings, market membership and PV system ({@link PvSystem}; with latitude and
 * longitude it gives the generation forecast) are optional: without them the building gets {@link
 * Tariffs#defaultTariff()} (documented in energy/README.md) and {@link
 * DispatchSettings#defaults()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Building(
    String id,
    String name,
    String address,
    Double latitude,
    Double longitude,
    Tariff tariff,
    DispatchSettings dispatch,
    DrSettings demandResponse,
    MarketMembership market,
    PvSystem pv) {
  /** Rooms registered without a building belong to this one (design §4). */
  public static final String DEFAULT_ID = "default";

  /** A building without its own tariff, dispatch or demand-response settings. */
  public Building(String id, String name, String address, Double latitude, Double longitude) {
    this(id, name, address, latitude, longitude, null, null, null, null);
  }

  /** A building without its own market membership (member of the default market, agent off). */
  public Building(
      String id,
      String name,
      String address,
      Double latitude,
      Double longitude,
      Tariff tariff,
      DispatchSettings dispatch,
      DrSettings demandResponse) {
    this(id, name, address, latitude, longitude, tariff, dispatch, demandResponse, null);
  }

  /** A building without a PV system in the registry. */
  public Building(
      String id,
      String name,
      String address,
      Double latitude,
      Double longitude,
      Tariff tariff,
      DispatchSettings dispatch,
      DrSettings demandResponse,
      MarketMembership market) {
    this(id, name, address, latitude, longitude, tariff, dispatch, demandResponse, market, null);
  }

  /** The building's market membership, or the documented default ({@code community}, agent off). */
  public MarketMembership marketOrDefault() {
    return market != null ? market : MarketMembership.defaults();
  }

  /** A building without its own demand-response settings. */
  public Building(
      String id,
      String name,
      String address,
      Double latitude,
      Double longitude,
      Tariff tariff,
      DispatchSettings dispatch) {
    this(id, name, address, latitude, longitude, tariff, dispatch, null, null);
  }

  /** The building's demand-response settings, or the documented default (manual answers). */
  public DrSettings demandResponseOrDefault() {
    return demandResponse != null ? demandResponse : DrSettings.defaults();
  }

  /** The building's tariff, or the documented default. */
  public Tariff tariffOrDefault() {
    return tariff != null ? tariff : Tariffs.defaultTariff();
  }

  /** The building's dispatch settings, or the documented default. */
  public DispatchSettings dispatchOrDefault() {
    return dispatch != null ? dispatch : DispatchSettings.defaults();
  }
}
