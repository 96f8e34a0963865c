package io.voltstream.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.voltstream.energy.EnergyValidationException;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.energy.tariff.Tariffs;
import io.voltstream.model.Json;
import org.junit.jupiter.api.Test;

/**
 * The registry will store batteries and tariffs as JSON through the shared mapper: the energy
 * records, free of Jackson annotations, must round-trip with snake_case names, and bad values must
 * fail with the field's name.
 */
class EnergyRecordsJsonTest {
  @Test
  void batterySpecRoundTripsWithSnakeCaseNames() throws Exception {
    BatterySpec spec = DemoBatteries.specs().get(0);
    JsonNode json = Json.MAPPER.valueToTree(spec);
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "id",
            "building",
            "capacity_kwh",
            "max_charge_w",
            "max_discharge_w",
            "round_trip_efficiency",
            "min_soc_percent",
            "max_soc_percent",
            "reserve_percent");
    assertThat(Json.MAPPER.treeToValue(json, BatterySpec.class)).isEqualTo(spec);
  }

  @Test
  void tariffRoundTripsWithItsZoneAsAnId() throws Exception {
    Tariff tariff = Tariffs.defaultTariff();
    String json = Json.MAPPER.writeValueAsString(tariff);
    assertThat(json)
        .contains("\"zone\":\"Europe/Brussels\"")
        .contains("\"demand_charge_eur_per_kw_month\":4.5");
    assertThat(Json.MAPPER.readValue(json, Tariff.class)).isEqualTo(tariff);
  }

  @Test
  void anInvalidBatteryFailsNamingTheField() {
    String json =
        "{\"id\":\"b\",\"building\":\"demo\",\"capacity_kwh\":10,\"max_charge_w\":-5,"
            + "\"max_discharge_w\":5000,\"round_trip_efficiency\":0.9,\"min_soc_percent\":5,\"max_soc_percent\":95,"
            + "\"reserve_percent\":10}";
    assertThatThrownBy(() -> Json.MAPPER.readValue(json, BatterySpec.class))
        .isInstanceOf(ValueInstantiationException.class)
        .cause()
        .isInstanceOfSatisfying(
            EnergyValidationException.class, e -> assertThat(e.field()).isEqualTo("max_charge_w"));
  }
}
