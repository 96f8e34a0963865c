package io.voltstream.api.auth.dto;

/** Body of {@code POST /api/v1/tokens/validate}. */
public record ValidateTokenRequest(String token) {}
