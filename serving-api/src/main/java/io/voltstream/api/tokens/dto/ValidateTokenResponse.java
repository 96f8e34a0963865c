package io.voltstream.api.tokens.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voltstream.api.auth.Role;
import io.voltstream.api.auth.TokenService;
import java.time.Instant;
import java.util.List;

/** Whether a token is currently accepted, with its claims, or why not. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidateTokenResponse(
    boolean valid,
    String id,
    String subject,
    Role role,
    List<String> permissions,
    Instant expiresAt,
    String reason) {

  public static ValidateTokenResponse from(TokenService.Validation v) {
    if (!v.valid()) {
      return new ValidateTokenResponse(false, null, null, null, null, null, v.reason());
    }
    var p = v.principal();
    return new ValidateTokenResponse(
        true, p.tokenId(), p.subject(), p.role(), p.permissions(), p.expiresAt(), null);
  }
}
