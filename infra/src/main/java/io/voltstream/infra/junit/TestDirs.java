package io.voltstream.infra.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch directories under the module's {@code target/} so that {@code mvn clean} removes them.
 */
final class TestDirs {
  private TestDirs() {}

  static Path create(String prefix) {
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    Path root = Path.of(basedir, "target", "infra-test");
    try {
      Files.createDirectories(root);
      return Files.createTempDirectory(root, prefix + "-").toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch dir under " + root, e);
    }
  }

  static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // leftovers under target/ are harmless and removed by mvn clean
    }
  }
}
