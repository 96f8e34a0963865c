package io.voltstream.launcher;

import java.net.URI;
import picocli.CommandLine.Option;

/**
 * The {@code --flink} REST address of a session cluster, shared by {@code submit} and {@code stop}.
 */
final class FlinkRestOption {
  @Option(
      names = "--flink",
      required = true,
      description = "Flink REST address, e.g. http://127.0.0.1:8081")
  URI flink;
}
