package io.voltstream.api.auth;

/**
 * Turns a raw bearer token into a {@link Principal}, or says why not. The REST access check uses it
 * for {@code Authorization: Bearer}, and the WebSocket uses it for the {@code token} query
 * parameter or the first message.
 *
 * <pre>{@code
 * Principal p = authenticator.authenticate(ctx.queryParam("token")); // throws AuthException
 * }</pre>
 */
@FunctionalInterface
public interface TokenAuthenticator {
  Principal authenticate(String rawToken) throws AuthException;

  /**
   * Extracts the token of an {@code Authorization} header value ({@code Bearer <jwt>}), or null.
   */
  static String bearerToken(String authorizationHeader) {
    if (authorizationHeader == null) {
      return null;
    }
    String h = authorizationHeader.trim();
    if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String t = h.substring(7).trim();
      return t.isEmpty() ? null : t;
    }
    return null;
  }
}
