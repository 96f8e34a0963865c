package io.voltstream.ingest.mqtt;

import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import io.voltstream.ingest.IngestConfig;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The one way ingest's MQTT clients (the reading subscriber and the command bridge) are built:
 * broker address and credentials from {@link IngestConfig}, automatic reconnect with a short
 * backoff (100 ms doubling to 5 s) so a broker restart costs seconds, not a process restart.
 *
 * <pre>{@code
 * Mqtt5AsyncClient client = MqttClients.builder(config, config.clientId() + "-commands").buildAsync();
 * }</pre>
 */
public final class MqttClients {
  private MqttClients() {}

  /** A builder for a client named {@code identifier}; callers may add listeners before building. */
  public static Mqtt5ClientBuilder builder(IngestConfig config, String identifier) {
    Mqtt5ClientBuilder builder =
        Mqtt5Client.builder()
            .identifier(identifier)
            .serverHost(config.mqttHost())
            .serverPort(config.mqttPort())
            .automaticReconnect()
            .initialDelay(100, TimeUnit.MILLISECONDS)
            .maxDelay(5, TimeUnit.SECONDS)
            .applyAutomaticReconnect();
    if (config.mqttUsername() == null) {
      return builder;
    }
    byte[] password =
        config.mqttPassword() == null
            ? new byte[0]
            : config.mqttPassword().getBytes(StandardCharsets.UTF_8);
    return builder
        .simpleAuth()
        .username(config.mqttUsername())
        .password(password)
        .applySimpleAuth();
  }
}
