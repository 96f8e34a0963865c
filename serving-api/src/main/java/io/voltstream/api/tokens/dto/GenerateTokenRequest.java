package io.voltstream.api.tokens.dto;

import java.util.List;

/** Body of {@code POST /api/v1/tokens/generate}. */
public record GenerateTokenRequest(
    String name, String role, Long expiresInS, List<String> permissions) {}
