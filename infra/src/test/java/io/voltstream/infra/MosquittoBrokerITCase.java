package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.voltstream.infra.junit.MosquittoExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

class MosquittoBrokerITCase {
  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();

  @TempDir Path tempDir;

  @Test
  void shouldDeliverPublishedMessagesToASubscriber() throws Exception {
    Mqtt5BlockingClient subscriber = client("sub-" + System.nanoTime());
    Mqtt5BlockingClient publisher = client("pub-" + System.nanoTime());
    subscriber.connect();
    publisher.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber
          .subscribeWith()
          .topicFilter("sensors/+/readings")
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();

      publisher
          .publishWith()
          .topic("sensors/s1/readings")
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload("{\"power_w\":12.5}".getBytes(StandardCharsets.UTF_8))
          .send();

      Optional<Mqtt5Publish> received = publishes.receive(10, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      assertThat(new String(received.get().getPayloadAsBytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"power_w\":12.5}");
    } finally {
      subscriber.disconnect();
      publisher.disconnect();
    }
  }

  @Test
  void shouldKeepQueuedMessagesOfAPersistentSessionAcrossARestart() throws Exception {
    String subscriberId = "persistent-" + System.nanoTime();
    Mqtt5BlockingClient subscriber = client(subscriberId);
    // mosquitto 2.0.11 persists only sessions created with clean start = false
    subscriber.connectWith().cleanStart(false).sessionExpiryInterval(3600).send();
    subscriber.subscribeWith().topicFilter("restart/test").qos(MqttQos.AT_LEAST_ONCE).send();
    subscriber.disconnect();

    Mqtt5BlockingClient publisher = client("pub-" + System.nanoTime());
    publisher.connect();
    publisher
        .publishWith()
        .topic("restart/test")
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload("queued-before-restart".getBytes(StandardCharsets.UTF_8))
        .send();
    publisher.disconnect();

    long pidBefore = MQTT.broker().pid().orElseThrow();
    MQTT.stop();
    assertThat(ProcessStats.isAlive(pidBefore)).isFalse();
    assertThat(FreePorts.isAccepting(MQTT.host(), MQTT.port())).isFalse();
    MQTT.start();

    Mqtt5BlockingClient resumed = client(subscriberId);
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        resumed.publishes(MqttGlobalPublishFilter.ALL)) {
      resumed.connectWith().cleanStart(false).sessionExpiryInterval(3600).send();
      Optional<Mqtt5Publish> received = publishes.receive(10, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      assertThat(new String(received.get().getPayloadAsBytes(), StandardCharsets.UTF_8))
          .isEqualTo("queued-before-restart");
    } finally {
      resumed.disconnect();
    }
  }

  /**
   * Each {@link MosquittoBroker.Autosave} mode saves on its own (no SIGTERM) within its documented
   * window after messages are queued, so what that save holds survives a SIGKILL. The window is
   * measured (PUBACK of the last message → a completed save holding it) and bounded: ≤ 1 s for
   * ON_EVERY_CHANGE (milliseconds in practice), ≤ 3 s for EVERY_SECOND (2 s period). The save is
   * awaited before the kill; MosquittoCrashITCase (ingest) kills mid-stream.
   */
  @ParameterizedTest
  @EnumSource(MosquittoBroker.Autosave.class)
  void shouldSaveQueuedMessagesOnItsOwnSoThatTheySurviveAKill(MosquittoBroker.Autosave autosave)
      throws Exception {
    Duration window =
        autosave == MosquittoBroker.Autosave.ON_EVERY_CHANGE
            ? Duration.ofSeconds(1)
            : Duration.ofSeconds(3);
    MosquittoBroker broker = MosquittoBroker.start(tempDir.resolve("killed"), 0, autosave);
    try {
      String subscriberId = "persistent-" + System.nanoTime();
      Mqtt5BlockingClient subscriber = client(broker, subscriberId);
      subscriber.connectWith().cleanStart(false).sessionExpiryInterval(3600).send();
      subscriber.subscribeWith().topicFilter("kill/test").qos(MqttQos.AT_LEAST_ONCE).send();
      subscriber.disconnect();
      Path db = broker.dir().resolve("data").resolve("mosquitto.db");

      Mqtt5BlockingClient publisher = client(broker, "pub-" + System.nanoTime());
      publisher.connect();
      int messages = 200;
      for (int i = 0; i < messages; i++) {
        publisher
            .publishWith()
            .topic("kill/test")
            .qos(MqttQos.AT_LEAST_ONCE)
            .payload(("msg-" + i + ";").getBytes(StandardCharsets.UTF_8))
            .send();
      }
      long pubackNanos = System.nanoTime();
      byte[] last = ("msg-" + (messages - 1) + ";").getBytes(StandardCharsets.UTF_8);
      // mosquitto.db stores payloads verbatim: the save holding the last message is complete once
      // the (atomically renamed) file contains it
      boolean saved = Waits.until(() -> contains(db, last), window, Duration.ZERO);
      long saveMs = (System.nanoTime() - pubackNanos) / 1_000_000;
      LoggerFactory.getLogger(MosquittoBrokerITCase.class)
          .info("{}: mosquitto.db held the last message {} ms after its PUBACK", autosave, saveMs);
      assertThat(saved).as("mosquitto.db holds the last message within %s", window).isTrue();

      broker.kill();
      assertThat(broker.isRunning()).isFalse();
      broker.start();

      Mqtt5BlockingClient resumed = client(broker, subscriberId);
      Set<String> received = new HashSet<>();
      try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
          resumed.publishes(MqttGlobalPublishFilter.ALL)) {
        resumed.connectWith().cleanStart(false).sessionExpiryInterval(3600).send();
        Optional<Mqtt5Publish> next;
        while (received.size() < messages
            && (next = publishes.receive(10, TimeUnit.SECONDS)).isPresent()) {
          received.add(new String(next.get().getPayloadAsBytes(), StandardCharsets.UTF_8));
        }
      } finally {
        resumed.disconnect();
      }
      assertThat(received).hasSize(messages).contains("msg-0;", "msg-" + (messages - 1) + ";");
    } finally {
      broker.close();
    }
  }

  private static boolean contains(Path file, byte[] needle) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      outer:
      for (int i = 0; i <= bytes.length - needle.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (bytes[i + j] != needle[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void shouldLeaveNoProcessBehindAfterClose() {
    MosquittoBroker broker = MosquittoBroker.start(tempDir.resolve("mqtt"), 0);
    long pid = broker.pid().orElseThrow();
    assertThat(ProcessStats.isAlive(pid)).isTrue();
    assertThat(ProcessStats.sample(pid))
        .hasValueSatisfying(s -> assertThat(s.rssBytes()).isPositive());

    broker.close();

    assertThat(ProcessStats.isAlive(pid)).isFalse();
    assertThat(FreePorts.isAccepting("127.0.0.1", broker.port())).isFalse();
  }

  @Test
  void shouldRefuseAPortThatIsAlreadyTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

      assertThatThrownBy(() -> MosquittoBroker.start(tempDir.resolve("busy"), taken.getLocalPort()))
          .isInstanceOf(InfraException.class)
          .hasMessageContaining(Integer.toString(taken.getLocalPort()));
    }
  }

  private static Mqtt5BlockingClient client(String id) {
    return client(MQTT.broker(), id);
  }

  private static Mqtt5BlockingClient client(MosquittoBroker broker, String id) {
    return Mqtt5Client.builder()
        .identifier(id)
        .serverHost(broker.host())
        .serverPort(broker.port())
        .buildBlocking();
  }
}
