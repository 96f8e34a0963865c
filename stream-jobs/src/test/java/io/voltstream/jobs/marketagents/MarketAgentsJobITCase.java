package io.voltstream.jobs.marketagents;

import static io.voltstream.jobs.marketagents.MarketAgentTestData.HOME;
import static io.voltstream.jobs.marketagents.MarketAgentTestData.OFFICE;
import static io.voltstream.jobs.marketagents.MarketAgentTestData.SHED;
import static io.voltstream.jobs.marketagents.MarketAgentTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderAction;
import io.voltstream.model.market.OrderOrigin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production wiring ({@link MarketAgentsJob#wireFromConfig}) on a real Kafka and a Flink
 * MiniCluster, with {@link MarketAgentTestData}'s community: {@code office} draws 2 kW (no
 * forecast: persistence → bids of 0.5 kWh per slot), {@code home} has a forecast surplus of 3 kWh
 * per slot on the {@code forecasts} topic and a full battery (offers), {@code shed} draws 3 kW with
 * its agent off (no orders). Event time runs ahead of the wall clock, 20 s per round.
 */
class MarketAgentsJobITCase {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final int UPDATES = 3;

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private JobClient job;

  @AfterEach
  void tearDown() throws Exception {
    if (job != null) {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldPlaceRampingBidsAndOffersForMembersWithTheAgentOnAndNoneWhenItIsOff()
      throws Exception {
    KAFKA.createStandardTopics(2);
    List<MarketOrder> all = new ArrayList<>();
    try (KafkaProducer<String, String> producer = KAFKA.producer();
        KafkaConsumer<String, String> consumer = ordersConsumer()) {
      for (Map.Entry<String, Object> e : MarketAgentTestData.entries().entrySet()) {
        send(producer, Topics.REGISTRY.name(), e.getKey(), e.getValue());
      }
      Instant issued = T0.minusSeconds(39 * 60);
      Instant hour = Instant.parse("2026-04-15T07:00:00Z");
      // 1.2 − 13.2 kWh per hour = −3 kWh per 15-minute slot.
      sendRaw(
          producer,
          Topics.FORECASTS.name(),
          HOME,
          MarketAgentTestData.forecast(HOME, "consumption", issued, hour, 3, 1.2));
      sendRaw(
          producer,
          Topics.FORECASTS.name(),
          HOME,
          MarketAgentTestData.forecast(HOME, "generation", issued, hour, 3, 13.2));

      Map<String, String> vars = new HashMap<>();
      vars.put(JobsConfig.KAFKA_BOOTSTRAP, KAFKA.bootstrapServers());
      vars.put(JobsConfig.CHECKPOINT_INTERVAL, "1s");
      vars.put(JobsConfig.MAX_OUT_OF_ORDERNESS, "1s");
      vars.put(JobsConfig.SOURCE_IDLENESS, "2s");
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      MarketAgentsJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
      job = env.executeAsync(MarketAgentsJobConfig.JOB_NAME);

      Instant[] t = {T0.minusSeconds(60)};
      boolean enough =
          Waits.until(
              () -> {
                round(producer, t[0]);
                t[0] = t[0].plusSeconds(20);
                poll(consumer, all);
                Map<String, List<MarketOrder>> orders = submitsByBuilding(all);
                return rampedSlot(orders.get(OFFICE), 0.5) && rampedSlot(orders.get(HOME), 3.0);
              },
              TIMEOUT,
              Duration.ofMillis(200));
      assertThat(enough).as("ramping orders of office and home before " + TIMEOUT).isTrue();
    }
    assertThat(all).allSatisfy(o -> assertThat(o.origin()).isEqualTo(OrderOrigin.AGENT));
    assertThat(all).extracting(MarketOrder::building).doesNotContain(SHED);
    assertThat(all)
        .filteredOn(o -> o.action() == OrderAction.SUBMIT)
        .allSatisfy(
            o -> {
              assertThat(o.id()).startsWith("agent-" + o.building() + "-");
              assertThat(o.submittedBy()).isEqualTo("agent:" + o.building());
              // Never later than one update interval before the slot's gate closure.
              assertThat(o.submittedAt())
                  .isBeforeOrEqualTo(
                      MarketSpec.defaults().gateClosureOf(o.deliveryStart()).minusSeconds(60));
            });

    Map<String, List<MarketOrder>> submits = submitsByBuilding(all);
    // office: a deficit, bids on the persistence of its metered 2 kW, prices rising.
    assertThat(submits.get(OFFICE)).extracting(MarketOrder::side).containsOnly(OrderSide.BUY);
    List<MarketOrder> officeSlot = longestRamp(submits.get(OFFICE), 0.5);
    assertThat(officeSlot).extracting(MarketOrder::priceEurPerKwh).isSorted();
    assertThat(officeSlot.get(0).priceEurPerKwh())
        .isLessThan(officeSlot.get(officeSlot.size() - 1).priceEurPerKwh());
    assertThat(officeSlot.get(0).note()).contains("persistence = mean metered net load");

    // home: a forecast surplus its full battery cannot store, offers with prices falling.
    assertThat(submits.get(HOME)).extracting(MarketOrder::side).containsOnly(OrderSide.SELL);
    List<MarketOrder> homeSlot = longestRamp(submits.get(HOME), 3.0);
    assertThat(homeSlot)
        .extracting(MarketOrder::priceEurPerKwh)
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(homeSlot.get(0).priceEurPerKwh())
        .isGreaterThan(homeSlot.get(homeSlot.size() - 1).priceEurPerKwh());
    assertThat(homeSlot.get(0).note())
        .contains("forecast consumption 0.300 − generation 3.300 kWh");

    // Every replaced order was cancelled first: ids -1 … -(n−1) of the slot have a cancel.
    MarketOrder lastOffice = officeSlot.get(officeSlot.size() - 1);
    List<String> cancelled =
        all.stream().filter(o -> o.action() == OrderAction.CANCEL).map(MarketOrder::id).toList();
    for (MarketOrder o : officeSlot) {
      if (!o.equals(lastOffice)) {
        assertThat(cancelled).contains(o.id());
      }
    }
  }

  /** Whether some slot got {@value #UPDATES} or more submits of {@code energyKwh}. */
  private static boolean rampedSlot(List<MarketOrder> submits, double energyKwh) {
    return submits != null && longestRamp(submits, energyKwh).size() >= UPDATES;
  }

  /** The submits of {@code energyKwh} for the slot that has most of them, in time order. */
  private static List<MarketOrder> longestRamp(List<MarketOrder> submits, double energyKwh) {
    return submits.stream()
        .filter(o -> o.energyKwh() == energyKwh)
        .collect(Collectors.groupingBy(MarketOrder::deliveryStart))
        .values()
        .stream()
        .max(Comparator.comparingInt(List::size))
        .map(l -> l.stream().sorted(Comparator.comparing(MarketOrder::submittedAt)).toList())
        .orElse(List.of());
  }

  private static Map<String, List<MarketOrder>> submitsByBuilding(List<MarketOrder> orders) {
    return orders.stream()
        .filter(o -> o.action() == OrderAction.SUBMIT)
        .collect(Collectors.groupingBy(MarketOrder::building));
  }

  /** A consumer of {@code market-orders} from its beginning (every partition, no group). */
  private static KafkaConsumer<String, String> ordersConsumer() {
    Properties props = KAFKA.clientProperties();
    props.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < Topics.MARKET_ORDERS.partitions(); p++) {
      partitions.add(new TopicPartition(Topics.MARKET_ORDERS.name(), p));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  /** Adds what {@code consumer} has now to {@code orders}. */
  private static void poll(KafkaConsumer<String, String> consumer, List<MarketOrder> orders) {
    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
      assertThat(r.key()).isEqualTo("community");
      orders.add(parse(r.value()));
    }
  }

  private static void round(KafkaProducer<String, String> producer, Instant t) {
    send(producer, Topics.READINGS.name(), "office-meter", power("office-meter", 2000, t, false));
    send(producer, Topics.READINGS.name(), "home-meter", power("home-meter", 300, t, false));
    send(producer, Topics.READINGS.name(), "home-pv", power("home-pv", 3300, t, true));
    send(producer, Topics.READINGS.name(), "shed-meter", power("shed-meter", 3000, t, false));
    send(
        producer,
        Topics.BATTERY_STATE.name(),
        "home-bat",
        new BatteryTelemetry("home-bat", t, 95, 0, null, null, null, null, "auto", null, t));
  }

  private static SensorReading power(String id, double w, Instant t, boolean pv) {
    return new SensorReading(
        id,
        t,
        null,
        pv ? SensorType.PV : SensorType.POWER,
        null,
        w,
        null,
        null,
        null,
        null,
        null,
        t);
  }

  private static MarketOrder parse(String json) {
    try {
      return Json.MAPPER.readValue(json, MarketOrder.class);
    } catch (Exception e) {
      throw new AssertionError("not a MarketOrder: " + json, e);
    }
  }

  private static void send(
      KafkaProducer<String, String> producer, String topic, String key, Object value) {
    try {
      sendRaw(producer, topic, key, Json.MAPPER.writeValueAsString(value));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void sendRaw(
      KafkaProducer<String, String> producer, String topic, String key, String json) {
    try {
      producer.send(new ProducerRecord<>(topic, key, json)).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
