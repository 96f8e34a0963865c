package io.voltstream.api.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Signs and verifies the API's HS256 JWTs (claims {@code sub}, {@code role}, {@code permissions},
 * {@code iat}, {@code exp}, {@code jti}, issuer {@code voltstream}). Verification pins the
 * algorithm, so {@code alg: none} and other algorithms are rejected; time comes from the injected
 * {@link Clock}, and revoked ids are rejected through the injected predicate (backed by the {@code
 * token-revocations} topic in production).
 *
 * <pre>{@code
 * JwtService jwt = new JwtService(secret, Clock.systemUTC(), revocations::isRevoked);
 * IssuedToken t = jwt.issue("alice", Role.VIEWER, List.of(), Duration.ofHours(1));
 * Principal p = jwt.authenticate(t.token());
 * }</pre>
 */
public final class JwtService implements TokenAuthenticator {
  static final String ISSUER = "voltstream";
  static final String ROLE = "role";
  static final String PERMISSIONS = "permissions";

  private final Algorithm algorithm;
  private final Clock clock;
  private final Predicate<String> isRevoked;
  private final JWTVerifier verifier;

  public JwtService(byte[] secret, Clock clock, Predicate<String> isRevoked) {
    if (secret == null || secret.length < 32) {
      throw new IllegalArgumentException("JWT secret must have at least 32 bytes");
    }
    this.algorithm = Algorithm.HMAC256(secret);
    this.clock = clock;
    this.isRevoked = isRevoked;
    this.verifier =
        ((com.auth0.jwt.JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER))
            .build(clock);
  }

  /**
   * Signs a token for {@code subject}; the id is a random UUID. Times are truncated to seconds
   * (JWT).
   */
  public IssuedToken issue(String subject, Role role, List<String> permissions, Duration ttl) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant exp = now.plus(ttl);
    String id = UUID.randomUUID().toString();
    String token =
        JWT.create()
            .withIssuer(ISSUER)
            .withSubject(subject)
            .withClaim(ROLE, role.wireName())
            .withClaim(PERMISSIONS, permissions == null ? List.of() : List.copyOf(permissions))
            .withIssuedAt(now)
            .withExpiresAt(exp)
            .withJWTId(id)
            .sign(algorithm);
    return new IssuedToken(token, id, now, exp);
  }

  @Override
  public Principal authenticate(String rawToken) throws AuthException {
    Principal p = verifySignatureAndTime(rawToken);
    if (isRevoked.test(p.tokenId())) {
      throw new AuthException(AuthException.Reason.REVOKED);
    }
    return p;
  }

  /**
   * The token's id when its signature is ours, even if it expired or was revoked: lets an admin
   * revoke by token. Empty for forged or malformed tokens.
   */
  public Optional<String> idOfGenuineToken(String rawToken) {
    if (rawToken == null) {
      return Optional.empty();
    }
    try {
      DecodedJWT jwt = JWT.decode(rawToken);
      if (!"HS256".equals(jwt.getAlgorithm())) {
        return Optional.empty();
      }
      algorithm.verify(jwt);
      return Optional.ofNullable(jwt.getId());
    } catch (JWTVerificationException e) {
      return Optional.empty();
    }
  }

  private Principal verifySignatureAndTime(String rawToken) throws AuthException {
    if (rawToken == null || rawToken.isBlank()) {
      throw new AuthException(AuthException.Reason.MISSING);
    }
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(rawToken);
    } catch (AlgorithmMismatchException e) {
      throw new AuthException(AuthException.Reason.BAD_ALGORITHM);
    } catch (SignatureVerificationException e) {
      throw new AuthException(AuthException.Reason.BAD_SIGNATURE);
    } catch (TokenExpiredException e) {
      throw new AuthException(AuthException.Reason.EXPIRED);
    } catch (JWTDecodeException e) {
      throw new AuthException(AuthException.Reason.MALFORMED);
    } catch (JWTVerificationException e) {
      throw new AuthException(AuthException.Reason.BAD_CLAIMS);
    }
    Optional<Role> role = Role.fromWireName(jwt.getClaim(ROLE).asString());
    if (jwt.getSubject() == null
        || jwt.getId() == null
        || jwt.getExpiresAtAsInstant() == null
        || role.isEmpty()) {
      throw new AuthException(AuthException.Reason.BAD_CLAIMS);
    }
    List<String> perms =
        jwt.getClaim(PERMISSIONS).isMissing()
            ? List.of()
            : jwt.getClaim(PERMISSIONS).asList(String.class);
    return new Principal(
        jwt.getSubject(),
        role.get(),
        perms,
        jwt.getId(),
        jwt.getIssuedAtAsInstant(),
        jwt.getExpiresAtAsInstant());
  }
}
