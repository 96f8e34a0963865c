package io.voltstream.api.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Fixed instants, secrets and hostile tokens shared by the auth tests. */
public final class AuthTestData {
  public static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
  public static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef-test".getBytes(StandardCharsets.UTF_8);
  public static final byte[] OTHER_SECRET =
      "fedcba9876543210fedcba9876543210-evil".getBytes(StandardCharsets.UTF_8);

  private AuthTestData() {}

  public static Clock fixed(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  /** A well-formed admin token signed with someone else's key. */
  public static String badSignature(Instant now) {
    return new JwtService(OTHER_SECRET, fixed(now), id -> false)
        .issue("mallory", Role.ADMIN, List.of(), Duration.ofHours(1))
        .token();
  }

  /** An unsigned token ({@code alg: none}) claiming admin. */
  public static String algNone(Instant now) {
    return JWT.create()
        .withIssuer("voltstream")
        .withSubject("mallory")
        .withClaim("role", "admin")
        .withIssuedAt(now)
        .withExpiresAt(now.plus(Duration.ofHours(1)))
        .withJWTId(UUID.randomUUID().toString())
        .sign(Algorithm.none());
  }

  /**
   * {@code token} with its payload swapped for one claiming admin, keeping the original signature.
   */
  public static String tamperedToAdmin(String token) {
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = payload.replaceAll("\"role\":\"[a-z]+\"", "\"role\":\"admin\"");
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }
}
