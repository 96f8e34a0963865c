package io.voltstream.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.model.RegistryKey;
import io.voltstream.model.Topics;
import io.voltstream.model.command.DeviceInstruction;
import io.voltstream.model.rules.AutomationRule;
import io.voltstream.model.rules.RuleAction;
import io.voltstream.model.rules.RuleCondition;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.building.SimRoom;
import io.voltstream.sim.registry.RegistryRecord;
import io.voltstream.sim.registry.RegistryRecords;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoRulesTest {
  private static List<String> rooms(int count) {
    return DemoBuilding.layout(count, 1).rooms().stream().map(SimRoom::name).toList();
  }

  @Test
  void shouldShipTheTwoCo2VentilationRulesWithTheFixedNames() {
    List<AutomationRule> rules = DemoRules.forRooms(rooms(6));
    assertThat(rules)
        .extracting(AutomationRule::id)
        .containsExactly("co2-ventilation-office", "co2-ventilation-bedroom-1");
    AutomationRule office = rules.get(0);
    assertThat(office.building()).isEqualTo("demo");
    assertThat(office.enabled()).isTrue();
    assertThat(office.cooldownS()).isEqualTo(120);
    RuleCondition c = office.condition();
    assertThat(c.metric()).isEqualTo(RuleCondition.Metric.CO2);
    assertThat(c.room()).isEqualTo("office");
    assertThat(c.aggregate()).isEqualTo(RuleCondition.Aggregate.AVG);
    assertThat(c.windowS()).isEqualTo(300);
    assertThat(c.comparison()).isEqualTo(RuleCondition.Comparison.ABOVE);
    assertThat(c.threshold()).isEqualTo(1000.0);
    assertThat(c.clearThreshold()).isEqualTo(800.0);
    assertThat(office.onTrigger())
        .isEqualTo(
            new RuleAction(
                RuleAction.Kind.DEVICE_INSTRUCTION,
                "office-ventilation",
                new DeviceInstruction(DeviceInstruction.Action.ON, null),
                null,
                null));
    assertThat(office.onClear().device().action()).isEqualTo(DeviceInstruction.Action.OFF);
    assertThat(rules.get(1).onTrigger().target()).isEqualTo("bedroom-1-ventilation");
  }

  @Test
  void shouldLeaveOutRulesForRoomsTheLayoutDoesNotHave() {
    assertThat(rooms(3)).contains("office").doesNotContain("bedroom-1");
    assertThat(DemoRules.forRooms(rooms(3)))
        .extracting(AutomationRule::id)
        .containsExactly("co2-ventilation-office");
  }

  @Test
  void shouldBeRegistryRecordsThatRoundTripThroughTheTopicCodec() throws Exception {
    List<RegistryRecord> records = RegistryRecords.ofRules(DemoRules.forRooms(rooms(6)));
    assertThat(records)
        .extracting(r -> r.key().encode())
        .containsExactly("rule:co2-ventilation-office", "rule:co2-ventilation-bedroom-1");
    for (RegistryRecord r : records) {
      String key = r.key().encode();
      Object back = Topics.REGISTRY.decodeValue(key, Topics.REGISTRY.encodeValue(r.value()));
      assertThat(back).isEqualTo(r.value());
      assertThat(RegistryKey.decode(key)).contains(r.key());
    }
  }
}
