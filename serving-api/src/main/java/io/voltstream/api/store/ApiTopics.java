package io.voltstream.api.store;

/**
 * Kafka topics owned by the API (besides the shared {@link io.voltstream.model.Topics#REGISTRY}).
 * Both are compacted and keyed by token id.
 */
public final class ApiTopics {
  /** Metadata of issued tokens ({@link io.voltstream.api.auth.TokenRecord}), never the token itself. */
  public static final String TOKENS = "tokens";
  /** Revoked token ids ({@link io.voltstream.api.auth.Revocation}); every instance rejects them. */
  public static final String TOKEN_REVOCATIONS = io.voltstream.model.Topics.TOKEN_REVOCATIONS;

  private ApiTopics() {}
}
