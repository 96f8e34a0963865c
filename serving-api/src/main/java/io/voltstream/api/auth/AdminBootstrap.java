package io.voltstream.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure an admin can log in on a fresh install: when {@code <dataDir>/admin.token} is missing
 * or no longer valid (other secret, expired, revoked), mints a new admin token, writes it there
 * with mode 600 and logs the path (never the token).
 */
public final class AdminBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
  public static final String FILE_NAME = "admin.token";

  private AdminBootstrap() {}

  /** The path of the admin token file, now holding a valid admin token. */
  public static Path ensure(
      Path dataDir, TokenAuthenticator authenticator, TokenService tokens, Duration ttl)
      throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      String existing = Files.readString(file, StandardCharsets.UTF_8).trim();
      try {
        Principal p = authenticator.authenticate(existing);
        if (p.role() == Role.ADMIN) {
          LOG.info("admin token: {} (valid until {})", file.toAbsolutePath(), p.expiresAt());
          return file;
        }
      } catch (AuthException e) {
        LOG.warn(
            "{} is no longer valid ({}); writing a new admin token",
            file.toAbsolutePath(),
            e.reason().text());
      }
    }
    TokenService.Minted m = tokens.mint("admin", Role.ADMIN, List.of(), ttl, "bootstrap");
    SecretFiles.replace(file, m.token().token());
    LOG.info(
        "wrote a new admin token to {} (valid until {})",
        file.toAbsolutePath(),
        m.token().expiresAt());
    return file;
  }
}
