package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voltstream.energy.dispatch.DispatchSettings;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.energy.tariff.Tariffs;

/**
 * A building in the registry; rooms belong to exactly one building. Its tariff and dispatch
 * settings are optional: without them the building gets {@link Tariffs#defaultTariff()} (documented
 * in energy/README.md) and {@link DispatchSettings#defaults()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Building(
    String id,
    String name,
    String address,
    Double latitude,
    Double longitude,
    Tariff tariff,
    DispatchSettings dispatch) {
  /** Rooms registered without a building belong to this one (design §4). */
  public static final String DEFAULT_ID = "default";

  /** A building without its own tariff or dispatch settings. */
  public Building(String id, String name, String address, Double latitude, Double longitude) {
    this(id, name, address, latitude, longitude, null, null);
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
