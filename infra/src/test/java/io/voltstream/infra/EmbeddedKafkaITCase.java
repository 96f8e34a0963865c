package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

  @TempDir Path tempDir;

  @Test
  void shouldRoundTripRecordsThroughTheExtensionBroker() throws Exception {
    String topic = KAFKA.uniqueName("roundtrip");
    KAFKA.createTopic(topic, 3);
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      for (int i = 0; i < 30; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(10, TimeUnit.SECONDS);
      }
    }

    List<String> values = KAFKA.consumeValues(topic, 30, Duration.ofSeconds(20));

    assertThat(values).hasSize(30).contains("v0", "v29");
  }

  @Test
  void shouldReturnWhatItHasWhenFewerRecordsThanExpectedArrive() {
    String topic = KAFKA.uniqueName("short");
    KAFKA.createTopic(topic, 1);

    assertThat(KAFKA.consume(topic, 5, Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void shouldCreateStandardTopicsIdempotentlyWithCompactedRegistry() throws Exception {
    TopicProvisioner.ensureStandardTopics(KAFKA.bootstrapServers(), 4);
    TopicProvisioner.ensureStandardTopics(KAFKA.bootstrapServers(), 4);

    try (Admin admin = KAFKA.adminClient()) {
      Map<String, TopicDescription> topics =
          admin
              .describeTopics(
                  List.of(
                      Topics.READINGS.name(),
                      Topics.EVENTS.name(),
                      Topics.REGISTRY.name(),
                      Topics.TOKEN_REVOCATIONS.name()))
              .allTopicNames()
              .get(10, TimeUnit.SECONDS);
      assertThat(topics.get(Topics.READINGS.name()).partitions()).hasSize(4);
      assertThat(topics.get(Topics.EVENTS.name()).partitions()).hasSize(2);
      assertThat(topics.get(Topics.REGISTRY.name()).partitions()).hasSize(1);
      ConfigResource registry =
          new ConfigResource(ConfigResource.Type.TOPIC, Topics.REGISTRY.name());
      String policy =
          admin
              .describeConfigs(List.of(registry))
              .all()
              .get(10, TimeUnit.SECONDS)
              .get(registry)
              .get("cleanup.policy")
              .value();
      assertThat(policy).isEqualTo("compact");
      assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .contains(
              Topics.READINGS_DLQ.name(), Topics.READINGS_LATE.name(), Topics.ROOM_METRICS.name());
    }
  }

  @Test
  void shouldKeepDataWhenRestartedOnTheSameDataDir() throws Exception {
    Path dataDir = tempDir.resolve("kafka");
    int port;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
      port = kafka.port();
      try (Admin admin = admin(kafka)) {
        TopicProvisioner.ensureTopics(admin, List.of(TopicProvisioner.plain("durable", 2)));
      }
      try (KafkaProducer<String, String> producer = producer(kafka)) {
        producer
            .send(new ProducerRecord<>("durable", "a", "before-restart"))
            .get(10, TimeUnit.SECONDS);
      }
    }
    assertThat(FreePorts.isAccepting("127.0.0.1", port)).isFalse();

    try (EmbeddedKafka restarted = EmbeddedKafka.start(dataDir, port)) {
      assertThat(restarted.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      assertThat(
              TopicReader.readValues(
                  restarted.bootstrapServers(), "durable", 1, Duration.ofSeconds(20)))
          .containsExactly("before-restart");
    }
  }

  @Test
  void shouldServeTheSameClientAfterStopAndStartInPlace() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(tempDir.resolve("in-place"), 0)) {
      try (Admin admin = admin(kafka)) {
        TopicProvisioner.ensureTopics(admin, List.of(TopicProvisioner.plain("outage", 1)));
      }
      try (KafkaProducer<String, String> producer = producer(kafka)) {
        producer.send(new ProducerRecord<>("outage", "a", "before")).get(10, TimeUnit.SECONDS);

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        assertThat(FreePorts.isAccepting("127.0.0.1", kafka.port())).isFalse();
        // sent while the broker is down: send() may block for metadata (the leader left with the
        // controlled shutdown), so it runs beside the restart; the producer retries until it is
        // back
        CompletableFuture<RecordMetadata> during =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return producer
                        .send(new ProducerRecord<>("outage", "a", "during"))
                        .get(60, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new CompletionException(e);
                  }
                });
        kafka.start();

        during.get(60, TimeUnit.SECONDS);
        assertThat(kafka.isRunning()).isTrue();
      }
      assertThat(
              TopicReader.readValues(kafka.bootstrapServers(), "outage", 2, Duration.ofSeconds(20)))
          .containsExactly("before", "during");
    }
  }

  @Test
  void shouldRefuseAClientPortThatIsAlreadyTaken() {
    assertThatThrownBy(() -> EmbeddedKafka.start(tempDir.resolve("second"), KAFKA.kafka().port()))
        .isInstanceOf(InfraException.class)
        .hasMessageContaining("port " + KAFKA.kafka().port())
        .hasMessageContaining("already in use");
  }

  private static Admin admin(EmbeddedKafka kafka) {
    Properties props = new Properties();
    props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    return Admin.create(props);
  }

  private static KafkaProducer<String, String> producer(EmbeddedKafka kafka) {
    Properties props = new Properties();
    props.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.setProperty(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }
}
