package io.voltstream.api.auth;

import io.voltstream.model.Topic;

/**
 * The Kafka topic the API alone owns (its value type is the API's). The revocations it shares with
 * every instance are {@link io.voltstream.model.Topics#TOKEN_REVOCATIONS}.
 */
public final class TokenTopics {
  /**
   * Metadata of issued tokens ({@link TokenRecord}), never the token itself; compacted, keyed by
   * token id.
   */
  public static final Topic<String, TokenRecord> TOKENS =
      Topic.json("tokens", TokenRecord.class)
          .compacted()
          .documented(
              "token id",
              "`TokenRecord` JSON: token metadata, never the token",
              "API",
              "every API instance");

  private TokenTopics() {}
}
