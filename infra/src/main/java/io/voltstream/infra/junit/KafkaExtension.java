package io.voltstream.infra.junit;

import io.voltstream.infra.EmbeddedKafka;
import io.voltstream.infra.InfraException;
import io.voltstream.infra.TopicProvisioner;
import io.voltstream.infra.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts an {@link EmbeddedKafka} on a free port over a scratch dir under {@code target/} before
 * the test class and stops it after. Give each test its own topics via {@link #uniqueName}.
 *
 * <pre>{@code
 * @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
 *
 * String topic = KAFKA.uniqueName("readings");
 * KAFKA.createTopic(topic, 2);
 * try (var producer = KAFKA.producer()) { producer.send(new ProducerRecord<>(topic, "k", "v")); }
 * assertThat(KAFKA.consume(topic, 1, Duration.ofSeconds(10))).hasSize(1);
 * }</pre>
 */
public final class KafkaExtension implements BeforeAllCallback, AfterAllCallback {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final int defaultPartitions;
  private Path dataDir;
  private EmbeddedKafka kafka;

  public KafkaExtension() {
    this(2);
  }

  /** {@code defaultPartitions} is the broker's {@code num.partitions}. */
  public KafkaExtension(int defaultPartitions) {
    this.defaultPartitions = defaultPartitions;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    dataDir = TestDirs.create("kafka");
    kafka = EmbeddedKafka.builder().dataDir(dataDir).defaultPartitions(defaultPartitions).start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
    TestDirs.deleteQuietly(dataDir);
  }

  public String bootstrapServers() {
    return running().bootstrapServers();
  }

  /** The broker itself, e.g. for its data dir. */
  public EmbeddedKafka kafka() {
    return running();
  }

  /** {@code prefix-<n>-<random>}: a name no other test of this JVM uses. */
  public String uniqueName(String prefix) {
    return prefix
        + "-"
        + COUNTER.incrementAndGet()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a topic (no error when it exists) and waits for the creation. */
  public void createTopic(String name, int partitions) {
    createTopics(List.of(TopicProvisioner.plain(name, partitions)));
  }

  /** Creates a single-partition compacted topic (no error when it exists). */
  public void createCompactedTopic(String name) {
    createTopics(List.of(TopicProvisioner.compacted(name)));
  }

  /** Creates the standard Voltstream topics ({@link TopicProvisioner#ensureStandardTopics}). */
  public void createStandardTopics(int readingPartitions) {
    TopicProvisioner.ensureStandardTopics(bootstrapServers(), readingPartitions);
  }

  private void createTopics(List<NewTopic> topics) {
    try (Admin admin = adminClient()) {
      TopicProvisioner.ensureTopics(admin, topics);
    }
  }

  /** A new admin client; the caller closes it. */
  public Admin adminClient() {
    Properties props = new Properties();
    props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return Admin.create(props);
  }

  /** Client properties with {@code bootstrap.servers} set, to build other clients from. */
  public Properties clientProperties() {
    Properties props = new Properties();
    props.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  /** A String/String producer with acks=all and idempotence; the caller closes it. */
  public KafkaProducer<String, String> producer() {
    Properties props = clientProperties();
    props.setProperty(ProducerConfig.ACKS_CONFIG, "all");
    props.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.setProperty(ProducerConfig.LINGER_MS_CONFIG, "0");
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  /**
   * Writes {@code values} to the declared {@code topic} under {@code key}, encoded as the topic
   * declares, in order, and waits until Kafka acknowledged each.
   */
  @SafeVarargs
  public final <V> void send(io.voltstream.model.Topic<String, V> topic, String key, V... values) {
    try (KafkaProducer<String, String> producer = producer()) {
      for (V value : values) {
        producer
            .send(
                new org.apache.kafka.clients.producer.ProducerRecord<>(
                    topic.name(),
                    key,
                    new String(topic.encodeValue(value), java.nio.charset.StandardCharsets.UTF_8)))
            .get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted writing to " + topic.name(), e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("cannot write to " + topic.name(), e.getCause());
    }
  }

  /**
   * Reads {@code topic} from the earliest offset of every partition (read_committed, no consumer
   * group) until {@code expectedCount} records arrived or {@code timeout} passed, and returns what
   * it has: fewer records than expected on timeout, possibly more if more were there.
   */
  public List<ConsumerRecord<String, String>> consume(
      String topic, int expectedCount, Duration timeout) {
    return TopicReader.read(bootstrapServers(), topic, expectedCount, timeout);
  }

  /** Record values of {@link #consume}, for assertions that ignore keys. */
  public List<String> consumeValues(String topic, int expectedCount, Duration timeout) {
    return TopicReader.readValues(bootstrapServers(), topic, expectedCount, timeout);
  }

  private EmbeddedKafka running() {
    if (kafka == null) {
      throw new InfraException(
          "KafkaExtension is not running: register it as a static field with @RegisterExtension");
    }
    return kafka;
  }
}
