package io.voltstream.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The first configuration file of mosquitto's dynamic security plugin, written once: one admin
 * client (password stored as the plugin stores it: PBKDF2-HMAC-SHA512 over a 12-byte random salt,
 * Base64 hash and salt, as {@code mosquitto_ctrl dynsec init} writes) whose role may use only
 * {@code $CONTROL/dynamic-security/#}, and a default that denies every publish and subscribe. The
 * plugin owns the file afterwards (it rewrites it on every change), so an existing file is never
 * touched: accounts created at run time survive restarts.
 */
final class DynamicSecurityFile {
  static final String FILE_NAME = "dynamic-security.json";
  static final String ADMIN_ROLE = "voltstream-dynsec-admin";
  static final String CONTROL_TOPIC = "$CONTROL/dynamic-security/#";

  /** mosquitto_ctrl's own iteration count for dynsec passwords (mosquitto 2.0). */
  static final int ITERATIONS = 101;

  private static final int SALT_BYTES = 12;
  private static final int HASH_BITS = 512;
  private static final List<Path> PLUGIN_DIRS =
      List.of(
          Path.of("/usr/lib/x86_64-linux-gnu"),
          Path.of("/usr/lib/aarch64-linux-gnu"),
          Path.of("/usr/lib/mosquitto"),
          Path.of("/usr/local/lib"),
          Path.of("/usr/lib"));
  static final String PLUGIN = "mosquitto_dynamic_security.so";

  private DynamicSecurityFile() {}

  /** Writes {@code dir/dynamic-security.json} (mode 600) unless it exists; returns its path. */
  static Path writeIfAbsent(Path dir, MosquittoAuth auth) {
    Path file = dir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      return file;
    }
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(FILE_NAME + ".tmp");
      Files.writeString(tmp, json(auth, new SecureRandom()), StandardCharsets.UTF_8);
      restrict(tmp);
      Files.move(tmp, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The Debian package's plugin, or an {@link InfraException} saying it is missing. */
  static Path plugin() {
    return PLUGIN_DIRS.stream()
        .map(d -> d.resolve(PLUGIN))
        .filter(Files::isRegularFile)
        .findFirst()
        .orElseThrow(
            () ->
                new InfraException(
                    PLUGIN
                        + " not found in "
                        + PLUGIN_DIRS
                        + "; install it with: "
                        + MosquittoBroker.INSTALL_HINT));
  }

  static String json(MosquittoAuth auth, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ObjectNode admin = root.putArray("clients").addObject();
    admin.put("username", auth.adminUsername());
    admin.put("textname", "Voltstream dynamic-security admin");
    admin.put("password", Base64.getEncoder().encodeToString(hash(auth.adminPassword(), salt)));
    admin.put("salt", Base64.getEncoder().encodeToString(salt));
    admin.put("iterations", ITERATIONS);
    admin.putArray("roles").addObject().put("rolename", ADMIN_ROLE);
    root.putArray("groups");
    ObjectNode role = root.putArray("roles").addObject();
    role.put("rolename", ADMIN_ROLE);
    ArrayNode acls = role.putArray("acls");
    for (String type : List.of("publishClientSend", "publishClientReceive", "subscribePattern")) {
      acls.addObject().put("acltype", type).put("topic", CONTROL_TOPIC).put("allow", true);
    }
    ObjectNode defaults = root.putObject("defaultACLAccess");
    defaults.put("publishClientSend", false);
    // delivery is still bounded by what a client may subscribe to
    defaults.put("publishClientReceive", true);
    defaults.put("subscribe", false);
    defaults.put("unsubscribe", true);
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PBKDF2-HMAC-SHA512 of the UTF-8 password, 64 bytes: the plugin's password check. */
  static byte[] hash(String password, byte[] salt) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
          .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, HASH_BITS))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every Java 17", e);
    }
  }

  private static void restrict(Path file) throws IOException {
    Optional.ofNullable(Files.getFileStore(file))
        .filter(s -> s.supportsFileAttributeView("posix"))
        .ifPresent(
            s -> {
              try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
