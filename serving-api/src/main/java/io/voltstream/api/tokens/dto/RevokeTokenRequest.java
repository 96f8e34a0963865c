package io.voltstream.api.tokens.dto;

/**
 * Body of {@code POST /api/v1/tokens/revoke}: the token's {@code id}, or the {@code token} itself.
 */
public record RevokeTokenRequest(String id, String token) {}
