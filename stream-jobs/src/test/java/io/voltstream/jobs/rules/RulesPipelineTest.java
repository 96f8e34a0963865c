package io.voltstream.jobs.rules;

import static io.voltstream.jobs.rules.logic.RulesTestData.co2Rule;
import static io.voltstream.jobs.rules.logic.RulesTestData.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.CollectSink;
import io.voltstream.jobs.roommetrics.FiniteSource;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.DeviceInstruction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production topology ({@link RulesJob#build}) on a MiniCluster with finite sources,
 * parallelism 2: two CO2 sensors of the office (one claiming another room: the registry wins) above
 * the threshold, then below the clear threshold → exactly one firing and one clearing, each an
 * event to both event sinks and a device command.
 */
class RulesPipelineTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private final CollectSink<Command> commands = new CollectSink<>();
  private final CollectSink<SystemEvent> influx = new CollectSink<>();
  private final CollectSink<SystemEvent> kafka = new CollectSink<>();

  @AfterEach
  void tearDown() {
    commands.clear();
    influx.clear();
    kafka.clear();
  }

  private static SensorReading co2(String sensor, String claimedRoom, Instant at, double ppm) {
    return new SensorReading(
        sensor, at, claimedRoom, SensorType.CO2, null, null, ppm, null, null, null, null, at);
  }

  @Test
  void shouldFireOnceAndClearOnceWithCommandsAndEvents() throws Exception {
    List<SensorReading> readings = new ArrayList<>();
    for (int s = 0; s <= 240; s += 5) {
      double ppm = s <= 60 ? 1300 : 500;
      readings.add(co2("office-co2", "office", t(s), ppm));
      readings.add(co2("office-co2-b", "garage", t(s).plusMillis(500), ppm - 100));
    }
    List<RegistryChange> registry =
        List.of(
            new RegistryChange(
                RegistryKey.room("office"), "{\"name\":\"office\",\"building\":\"demo\"}"),
            new RegistryChange(
                RegistryKey.sensor("office-co2"), "{\"id\":\"office-co2\",\"room\":\"office\"}"),
            new RegistryChange(
                RegistryKey.sensor("office-co2-b"),
                "{\"id\":\"office-co2-b\",\"room\":\"office\"}"),
            new RegistryChange(
                RegistryKey.device("office-ventilation"),
                "{\"id\":\"office-ventilation\",\"building\":\"demo\",\"room\":\"office\"}"),
            new RegistryChange(
                RegistryKey.rule("co2-office"),
                Json.MAPPER.writeValueAsString(co2Rule("co2-office", 1000, 800.0, 60, 30))));

    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    // Readings are throttled so that the registry (unthrottled) is in place before most of them.
    new RulesJob(
            new RulesOptions.Settings(
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofMinutes(2)),
            FiniteSource.throttled(TypeInformation.of(SensorReading.class), readings, 40),
            FiniteSource.of(TypeInformation.of(RegistryChange.class), registry),
            commands,
            influx,
            kafka)
        .build(env);
    env.execute("rules-pipeline-test");

    List<SystemEvent> events =
        influx.values().stream().sorted(Comparator.comparing(SystemEvent::timestamp)).toList();
    assertThat(events).extracting(SystemEvent::kind).containsExactly("rule_fired", "rule_cleared");
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.room()).isEqualTo("office");
              assertThat(e.building()).isEqualTo("demo");
            });
    assertThat(kafka.values()).containsExactlyInAnyOrderElementsOf(influx.values());
    SystemEvent cleared = events.get(1);
    assertThat(cleared.value()).isLessThan(800);
    assertThat(cleared.timestamp()).isAfter(t(60)).isBefore(t(130));

    List<Command> issued =
        commands.values().stream().sorted(Comparator.comparing(Command::issuedAt)).toList();
    assertThat(issued)
        .extracting(c -> c.device().action())
        .containsExactly(DeviceInstruction.Action.ON, DeviceInstruction.Action.OFF);
    assertThat(issued)
        .allSatisfy(
            c -> {
              assertThat(c.source()).isEqualTo(CommandSource.RULE);
              assertThat(c.target()).isEqualTo("office-ventilation");
              assertThat(c.building()).isEqualTo("demo");
            });
    assertThat(issued)
        .extracting(Command::issuedAt)
        .containsExactlyElementsOf(events.stream().map(SystemEvent::timestamp).toList());
  }
}
