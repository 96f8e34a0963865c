package io.voltstream.api.tokens.dto;

/** Body of {@code POST /api/v1/tokens/validate}. */
public record ValidateTokenRequest(String token) {}
