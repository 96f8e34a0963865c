package io.voltstream.api.auth;

import static io.voltstream.api.auth.AuthTestData.SECRET;
import static io.voltstream.api.auth.AuthTestData.T0;
import static io.voltstream.api.auth.AuthTestData.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtServiceTest {
  private final Set<String> revoked = new HashSet<>();
  private final JwtService jwt = new JwtService(SECRET, fixed(T0), revoked::contains);

  @Test
  void shouldAcceptAValidTokenWithAllItsClaims() throws AuthException {
    IssuedToken t = jwt.issue("alice", Role.OPERATOR, List.of("room:kitchen"), Duration.ofHours(2));

    Principal p = jwt.authenticate(t.token());

    assertThat(p.subject()).isEqualTo("alice");
    assertThat(p.role()).isEqualTo(Role.OPERATOR);
    assertThat(p.permissions()).containsExactly("room:kitchen");
    assertThat(p.tokenId()).isEqualTo(t.id());
    assertThat(p.issuedAt()).isEqualTo(T0);
    assertThat(p.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(2))).isEqualTo(t.expiresAt());
  }

  @Test
  void shouldRejectAnExpiredToken() {
    IssuedToken t = jwt.issue("alice", Role.VIEWER, List.of(), Duration.ofMinutes(5));
    JwtService later =
        new JwtService(SECRET, fixed(T0.plus(Duration.ofMinutes(5)).plusSeconds(1)), id -> false);

    assertReason(() -> later.authenticate(t.token()), AuthException.Reason.EXPIRED);
  }

  @Test
  void shouldStillAcceptATokenJustBeforeItsExpiry() throws AuthException {
    IssuedToken t = jwt.issue("alice", Role.VIEWER, List.of(), Duration.ofMinutes(5));
    JwtService later =
        new JwtService(SECRET, fixed(T0.plus(Duration.ofMinutes(5)).minusSeconds(1)), id -> false);

    assertThat(later.authenticate(t.token()).subject()).isEqualTo("alice");
  }

  @Test
  void shouldRejectATokenSignedWithAnotherKey() {
    assertReason(
        () -> jwt.authenticate(AuthTestData.badSignature(T0)), AuthException.Reason.BAD_SIGNATURE);
  }

  @Test
  void shouldRejectATokenWhosePayloadWasTamperedWith() {
    String viewer = jwt.issue("eve", Role.VIEWER, List.of(), Duration.ofHours(1)).token();

    assertReason(
        () -> jwt.authenticate(AuthTestData.tamperedToAdmin(viewer)),
        AuthException.Reason.BAD_SIGNATURE);
  }

  @Test
  void shouldRejectAnUnsignedAlgNoneToken() {
    assertReason(
        () -> jwt.authenticate(AuthTestData.algNone(T0)), AuthException.Reason.BAD_ALGORITHM);
  }

  @Test
  void shouldRejectARevokedToken() throws AuthException {
    IssuedToken t = jwt.issue("alice", Role.ADMIN, List.of(), Duration.ofHours(1));
    assertThat(jwt.authenticate(t.token()).role()).isEqualTo(Role.ADMIN);

    revoked.add(t.id());

    assertReason(() -> jwt.authenticate(t.token()), AuthException.Reason.REVOKED);
  }

  @Test
  void shouldRejectMissingAndMalformedTokens() {
    assertReason(() -> jwt.authenticate(null), AuthException.Reason.MISSING);
    assertReason(() -> jwt.authenticate(""), AuthException.Reason.MISSING);
    assertReason(() -> jwt.authenticate("not.a.jwt"), AuthException.Reason.MALFORMED);
    assertReason(() -> jwt.authenticate("garbage"), AuthException.Reason.MALFORMED);
  }

  @Test
  void shouldGiveTheIdOfAGenuineButExpiredTokenForRevocation() {
    IssuedToken t = jwt.issue("alice", Role.VIEWER, List.of(), Duration.ofSeconds(1));
    JwtService later = new JwtService(SECRET, fixed(T0.plus(Duration.ofDays(1))), id -> false);

    assertThat(later.idOfGenuineToken(t.token())).contains(t.id());
    assertThat(later.idOfGenuineToken(AuthTestData.badSignature(T0))).isEmpty();
    assertThat(later.idOfGenuineToken(AuthTestData.algNone(T0))).isEmpty();
  }

  @Test
  void shouldRefuseShortSecrets() {
    assertThatThrownBy(() -> new JwtService(new byte[16], fixed(T0), id -> false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void shouldExtractBearerTokensOnly() {
    assertThat(TokenAuthenticator.bearerToken("Bearer abc")).isEqualTo("abc");
    assertThat(TokenAuthenticator.bearerToken("bearer  abc ")).isEqualTo("abc");
    assertThat(TokenAuthenticator.bearerToken("Basic abc")).isNull();
    assertThat(TokenAuthenticator.bearerToken("Bearer ")).isNull();
    assertThat(TokenAuthenticator.bearerToken(null)).isNull();
  }

  private static void assertReason(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, AuthException.Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
