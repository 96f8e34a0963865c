package io.voltstream.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.auth.Redaction;
import io.voltstream.model.EntityId;
import io.voltstream.model.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A parsed client → server WebSocket message (design §4): {@code subscribe}/{@code unsubscribe}
 * with {@code rooms}, {@code sensors}, {@code streams}; {@code auth} with {@code token} (first
 * message when no {@code token} query parameter was given); {@code ping}. Anything else parses to
 * {@link Invalid} with a reason for the {@code error} reply.
 */
public sealed interface ClientCommand {

  record Subscribe(Subscription subscription) implements ClientCommand {}

  record Unsubscribe(Subscription subscription) implements ClientCommand {}

  record Auth(String token) implements ClientCommand {
    /** Never prints the token. */
    @Override
    public String toString() {
      return "Auth[token=" + Redaction.redact(token) + "]";
    }
  }

  record Ping() implements ClientCommand {}

  /**
   * A message that cannot be applied; answered with an {@code error} of {@code code} ({@link
   * #BAD_REQUEST} or {@link #UNKNOWN_STREAM}) and {@code reason} as its message.
   */
  record Invalid(String code, String reason) implements ClientCommand {
    Invalid(String reason) {
      this(BAD_REQUEST, reason);
    }
  }

  /** Error code of a message that is not a valid command. */
  String BAD_REQUEST = "bad_request";

  /** Error code of a subscribe naming a stream this instance does not push (design §8). */
  String UNKNOWN_STREAM = "unknown_stream";

  int MAX_TEXT_CHARS = 16_384;
  int MAX_LIST = 500;
  Pattern STREAM = Pattern.compile("[a-z][a-z_]{0,31}");

  static ClientCommand parse(String text) {
    if (text == null || text.length() > MAX_TEXT_CHARS) {
      return new Invalid(
          "message must be a JSON object of at most " + MAX_TEXT_CHARS + " characters");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (IOException e) {
      return new Invalid("message is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      return new Invalid("message must be a JSON object");
    }
    String action = node.path("action").asText("");
    try {
      return switch (action) {
        case "subscribe" -> {
          List<String> streams = list(node, "streams", STREAM.asMatchPredicate());
          // design §8: a stream this instance does not push is an error, not a silent empty
          // subscription
          for (String stream : streams) {
            if (!LiveStreams.KNOWN.contains(stream)) {
              yield new Invalid(
                  UNKNOWN_STREAM,
                  "unknown stream '" + stream + "'; known: " + new TreeSet<>(LiveStreams.KNOWN));
            }
          }
          yield new Subscribe(
              Subscription.of(
                  list(node, "rooms", EntityId::isValid),
                  list(node, "sensors", EntityId::isValid),
                  streams.isEmpty() ? List.copyOf(Subscription.DEFAULT_STREAMS) : streams));
        }
        case "unsubscribe" ->
            new Unsubscribe(
                Subscription.of(
                    list(node, "rooms", EntityId::isValid),
                    list(node, "sensors", EntityId::isValid),
                    list(node, "streams", STREAM.asMatchPredicate())));
        case "auth" ->
            node.path("token").isTextual()
                ? new Auth(node.get("token").asText())
                : new Invalid("auth needs a string 'token'");
        case "ping" -> new Ping();
        default ->
            new Invalid(
                "unknown action '"
                    + truncate(action)
                    + "'; use subscribe, unsubscribe, auth or ping");
      };
    } catch (IllegalArgumentException e) {
      return new Invalid(e.getMessage());
    }
  }

  private static List<String> list(JsonNode node, String field, Predicate<String> allowed) {
    JsonNode arr = node.get(field);
    if (arr == null || arr.isNull()) {
      return List.of();
    }
    if (!arr.isArray() || arr.size() > MAX_LIST) {
      throw new IllegalArgumentException(
          "'" + field + "' must be an array of at most " + MAX_LIST + " strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : arr) {
      if (!v.isTextual() || !allowed.test(v.asText())) {
        throw new IllegalArgumentException(
            "'" + field + "' has an invalid entry '" + truncate(v.asText()) + "'");
      }
      out.add(v.asText());
    }
    return out;
  }

  private static String truncate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
