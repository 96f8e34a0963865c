package io.voltstream.api.mqttauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.mqttauth.MqttAdminOptions.MqttAdmin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttAccounts} on mosquitto's dynamic security plugin, administered over MQTT ({@code
 * $CONTROL/dynamic-security/v1}, answers on {@code …/response}) with the admin's login, so it works
 * wherever the broker runs. Each account gets its own role {@code voltstream-<user>} holding its
 * grants as {@code publishClientSend} and {@code subscribePattern} ACLs; the account's label is the
 * client's text name. Creating over an existing account deletes it first (the broker then
 * disconnects its sessions), so a rotated password stops working at once.
 *
 * <p>Passwords travel to the broker in the command and are stored there only as a salted
 * PBKDF2-SHA512 hash; they are never logged here. The client reconnects on its own; a call while
 * the broker is away fails after the timeout with 503.
 */
public final class DynsecAccounts implements MqttAccounts, AutoCloseable {
  static final String REQUEST_TOPIC = "$CONTROL/dynamic-security/v1";
  static final String RESPONSE_TOPIC = REQUEST_TOPIC + "/response";
  static final String ROLE_PREFIX = "voltstream-";

  private static final Logger LOG = LoggerFactory.getLogger(DynsecAccounts.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Mqtt5AsyncClient client;
  private final Duration timeout;
  private final ConcurrentMap<String, CompletableFuture<JsonNode>> pending =
      new ConcurrentHashMap<>();
  private volatile CompletableFuture<Void> subscribed = new CompletableFuture<>();

  private DynsecAccounts(String host, int port, MqttAdmin admin, Duration timeout) {
    this.timeout = timeout;
    this.client =
        Mqtt5Client.builder()
            .identifier("voltstream-dynsec-" + UUID.randomUUID().toString().substring(0, 8))
            .serverHost(host)
            .serverPort(port)
            .simpleAuth()
            .username(admin.username())
            .password(admin.password().getBytes(StandardCharsets.UTF_8))
            .applySimpleAuth()
            .automaticReconnect()
            .initialDelay(100, TimeUnit.MILLISECONDS)
            .maxDelay(5, TimeUnit.SECONDS)
            .applyAutomaticReconnect()
            .addConnectedListener(ctx -> subscribe())
            .addDisconnectedListener(
                ctx -> {
                  if (subscribed.isDone()) {
                    subscribed = new CompletableFuture<>();
                  }
                })
            .buildAsync();
  }

  /**
   * Starts connecting to the broker at {@code host:port} as {@code admin}; returns at once (calls
   * wait up to {@code timeout} for the connection).
   */
  public static DynsecAccounts connect(String host, int port, MqttAdmin admin, Duration timeout) {
    DynsecAccounts accounts = new DynsecAccounts(host, port, admin, timeout);
    accounts.client.publishes(MqttGlobalPublishFilter.ALL, accounts::onResponse);
    accounts
        .client
        .connect()
        .whenComplete(
            (ack, error) -> {
              if (error != null) {
                LOG.warn(
                    "dynamic-security admin cannot connect to {}:{} yet: {}",
                    host,
                    port,
                    error.toString());
              }
            });
    return accounts;
  }

  @Override
  public Optional<String> label(String username) {
    JsonNode answer = execute(command("getClient").put("username", username));
    if (answer.hasNonNull("error")) {
      return Optional.empty();
    }
    JsonNode client = answer.path("data").path("client");
    JsonNode text =
        client.hasNonNull("textname") ? client.get("textname") : client.path("textName");
    return Optional.of(text.asText(""));
  }

  @Override
  public void put(String username, String label, MqttGrants grants, String password) {
    String role = ROLE_PREFIX + username;
    execute(command("deleteClient").put("username", username)); // absent is fine
    execute(command("deleteRole").put("rolename", role)); // absent is fine
    ObjectNode createRole = command("createRole").put("rolename", role);
    ArrayNode acls = createRole.putArray("acls");
    grants.publish().forEach(t -> acl(acls, "publishClientSend", t));
    grants.subscribe().forEach(t -> acl(acls, "subscribePattern", t));
    require(execute(createRole), "createRole " + role);
    ObjectNode createClient =
        command("createClient")
            .put("username", username)
            .put("password", password)
            .put("textname", label);
    createClient.putArray("roles").addObject().put("rolename", role);
    require(execute(createClient), "createClient " + username);
    LOG.info("MQTT account {} ({}) issued", username, label);
  }

  @Override
  public boolean remove(String username) {
    boolean existed =
        !execute(command("deleteClient").put("username", username)).hasNonNull("error");
    execute(command("deleteRole").put("rolename", ROLE_PREFIX + username));
    if (existed) {
      LOG.info("MQTT account {} revoked", username);
    }
    return existed;
  }

  @Override
  public void close() {
    try {
      client.disconnect().get(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("dynamic-security admin disconnect: {}", e.toString());
    }
  }

  private void subscribe() {
    CompletableFuture<Void> ready = subscribed;
    client
        .subscribeWith()
        .topicFilter(RESPONSE_TOPIC)
        .qos(MqttQos.AT_LEAST_ONCE)
        .send()
        .whenComplete(
            (ack, error) -> {
              if (error == null) {
                ready.complete(null);
              } else {
                LOG.warn("cannot subscribe to {}: {}", RESPONSE_TOPIC, error.toString());
              }
            });
  }

  private void onResponse(Mqtt5Publish publish) {
    try {
      JsonNode body = JSON.readTree(publish.getPayloadAsBytes());
      for (JsonNode response : body.path("responses")) {
        CompletableFuture<JsonNode> waiting =
            pending.remove(response.path("correlationData").asText(""));
        if (waiting != null) {
          waiting.complete(response);
        }
      }
    } catch (IOException e) {
      LOG.warn("unreadable dynamic-security response: {}", e.toString());
    }
  }

  /** Sends one command and waits for its answer (which may carry an {@code error}). */
  private JsonNode execute(ObjectNode command) {
    String correlation = UUID.randomUUID().toString();
    command.put("correlationData", correlation);
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(correlation, answer);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      subscribed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      ObjectNode body = JSON.createObjectNode();
      body.putArray("commands").add(command);
      client
          .publishWith()
          .topic(REQUEST_TOPIC)
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload(JSON.writeValueAsBytes(body))
          .send()
          .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return answer.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(command, "interrupted");
    } catch (TimeoutException e) {
      throw unavailable(command, "no answer within " + timeout);
    } catch (ExecutionException | IOException e) {
      throw unavailable(command, e.getCause() == null ? e.toString() : e.getCause().toString());
    } finally {
      pending.remove(correlation);
    }
  }

  private static ObjectNode command(String name) {
    return JSON.createObjectNode().put("command", name);
  }

  private static void acl(ArrayNode acls, String type, String topic) {
    acls.addObject().put("acltype", type).put("topic", topic).put("allow", true);
  }

  private static void require(JsonNode answer, String what) {
    if (answer.hasNonNull("error")) {
      throw new ApiException(
          ApiException.Kind.UNAVAILABLE,
          "the MQTT broker refused " + what + ": " + answer.get("error").asText());
    }
  }

  private static ApiException unavailable(ObjectNode command, String why) {
    return new ApiException(
        ApiException.Kind.UNAVAILABLE,
        "the MQTT broker's account service did not answer "
            + command.path("command").asText()
            + ": "
            + why);
  }
}
