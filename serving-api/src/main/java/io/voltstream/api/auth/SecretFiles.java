package io.voltstream.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Secrets kept in the data directory with file mode 600: the generated JWT secret and the bootstrap
 * admin token. Files are written to a private temp file and moved into place, so a concurrent
 * instance never reads a half-written secret and never sees it world-readable.
 */
public final class SecretFiles {
  private SecretFiles() {}

  /**
   * The configured secret, else {@code <dataDir>/jwt.secret}, generating 48 random bytes when
   * absent.
   */
  public static byte[] jwtSecret(Optional<String> configured, Path dataDir) throws IOException {
    if (configured.isPresent()) {
      return configured.get().getBytes(StandardCharsets.UTF_8);
    }
    Path file = dataDir.resolve("jwt.secret");
    if (!Files.exists(file)) {
      byte[] raw = new byte[48];
      new SecureRandom().nextBytes(raw);
      writeIfAbsent(file, Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    }
    String s = Files.readString(file, StandardCharsets.UTF_8).trim();
    if (s.length() < 32) {
      throw new IOException(
          file + " holds fewer than 32 characters; delete it to generate a new secret");
    }
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Writes {@code content} to {@code file} (mode 600) unless it exists; true when written. */
  public static boolean writeIfAbsent(Path file, String content) throws IOException {
    Path tmp = writePrivateTemp(file, content);
    try {
      // Files.move with ATOMIC_MOVE may replace on POSIX; a hard link fails if the target exists.
      Files.createLink(file, tmp);
      Files.deleteIfExists(tmp);
      return true;
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(tmp);
      return false;
    } catch (UnsupportedOperationException e) {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return true;
    }
  }

  /** Writes {@code content} to {@code file} (mode 600), replacing it. */
  public static void replace(Path file, String content) throws IOException {
    Path tmp = writePrivateTemp(file, content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Path writePrivateTemp(Path file, String content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp;
    try {
      tmp =
          Files.createTempFile(
              file.toAbsolutePath().getParent(),
              ".tmp-",
              ".secret",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tmp-", ".secret");
    }
    Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
    return tmp;
  }
}
