package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.voltstream.infra.junit.MosquittoExtension;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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
    return Mqtt5Client.builder()
        .identifier(id)
        .serverHost(MQTT.host())
        .serverPort(MQTT.port())
        .buildBlocking();
  }
}
