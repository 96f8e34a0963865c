package io.voltstream.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.store.InMemoryReplicatedMap;
import io.voltstream.model.Revocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminBootstrapTest {
  @TempDir Path dataDir;

  private final InMemoryReplicatedMap<Revocation> revocations = new InMemoryReplicatedMap<>();
  private final InMemoryReplicatedMap<TokenRecord> records = new InMemoryReplicatedMap<>();

  private TokenService tokens(JwtService jwt) {
    return new TokenService(jwt, records, revocations, Clock.systemUTC(), Duration.ofHours(1));
  }

  @Test
  void shouldGenerateTheJwtSecretOnceWithMode600() throws Exception {
    byte[] first = SecretFiles.jwtSecret(Optional.empty(), dataDir);
    byte[] second = SecretFiles.jwtSecret(Optional.empty(), dataDir);

    assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
    assertThat(Files.getPosixFilePermissions(dataDir.resolve("jwt.secret")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void shouldPreferTheConfiguredSecretAndWriteNoFile() throws Exception {
    byte[] s = SecretFiles.jwtSecret(Optional.of("c".repeat(40)), dataDir);

    assertThat(new String(s)).isEqualTo("c".repeat(40));
    assertThat(dataDir.resolve("jwt.secret")).doesNotExist();
  }

  @Test
  void shouldWriteAWorkingAdminTokenWithMode600OnFirstStart() throws Exception {
    JwtService jwt =
        new JwtService(
            SecretFiles.jwtSecret(Optional.empty(), dataDir),
            Clock.systemUTC(),
            id -> revocations.get(id).isPresent());

    Path file = AdminBootstrap.ensure(dataDir, jwt, tokens(jwt), Duration.ofDays(1));

    assertThat(file).isEqualTo(dataDir.resolve("admin.token"));
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    Principal p = jwt.authenticate(Files.readString(file).trim());
    assertThat(p.role()).isEqualTo(Role.ADMIN);
    assertThat(records.get(p.tokenId())).isPresent();
  }

  @Test
  void shouldKeepAValidAdminTokenAcrossRestarts() throws Exception {
    JwtService jwt =
        new JwtService(
            AuthTestData.SECRET, Clock.systemUTC(), id -> revocations.get(id).isPresent());
    String first =
        Files.readString(AdminBootstrap.ensure(dataDir, jwt, tokens(jwt), Duration.ofDays(1)));

    String second =
        Files.readString(AdminBootstrap.ensure(dataDir, jwt, tokens(jwt), Duration.ofDays(1)));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void shouldReplaceARevokedAdminToken() throws Exception {
    JwtService jwt =
        new JwtService(
            AuthTestData.SECRET, Clock.systemUTC(), id -> revocations.get(id).isPresent());
    String first =
        Files.readString(AdminBootstrap.ensure(dataDir, jwt, tokens(jwt), Duration.ofDays(1)))
            .trim();
    tokens(jwt).revoke(null, first, "test");

    String second =
        Files.readString(AdminBootstrap.ensure(dataDir, jwt, tokens(jwt), Duration.ofDays(1)))
            .trim();

    assertThat(second).isNotEqualTo(first);
    assertThat(jwt.authenticate(second).role()).isEqualTo(Role.ADMIN);
  }
}
