package io.voltstream.launcher.stack;

import io.voltstream.infra.MosquittoAuth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local mosquitto's dynamic-security admin: its password is generated on the first start into
 * {@code <mosquitto dir>/admin.password} (mode 600) and read on later starts, because the plugin's
 * file keeps the hash of the first one. Without the password file the plugin's file is useless (no
 * one could administer it), so it is removed and started afresh; the demo issues every login again
 * at start anyway.
 */
final class MosquittoAdmin {
  static final String PASSWORD_FILE = "admin.password";
  static final String DYNSEC_FILE = "dynamic-security.json";

  private static final Logger LOG = LoggerFactory.getLogger(MosquittoAdmin.class);

  private MosquittoAdmin() {}

  static MosquittoAuth load(Path mosquittoDir) {
    Path file = mosquittoDir.resolve(PASSWORD_FILE);
    try {
      if (Files.isRegularFile(file)) {
        return new MosquittoAuth(
            MosquittoAuth.DEFAULT_ADMIN_USERNAME,
            Files.readString(file, StandardCharsets.UTF_8).strip());
      }
      Files.createDirectories(mosquittoDir);
      if (Files.deleteIfExists(mosquittoDir.resolve(DYNSEC_FILE))) {
        LOG.warn("{} was missing: mosquitto's accounts start afresh", file);
      }
      MosquittoAuth auth = MosquittoAuth.withRandomPassword();
      Files.writeString(file, auth.adminPassword(), StandardCharsets.UTF_8);
      if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return auth;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }
}
