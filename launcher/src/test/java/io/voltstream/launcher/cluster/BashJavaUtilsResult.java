package io.voltstream.launcher.cluster;

import java.util.Arrays;
import java.util.List;

/**
 * What Flink's {@code BashJavaUtils GET_JM_RESOURCE_PARAMS|GET_TM_RESOURCE_PARAMS} computed from
 * the memory configuration: the JVM options ({@code -Xmx…}) and the dynamic properties ({@code -D
 * taskmanager.cpu.cores=…}) that flink-dist's scripts pass to the entry point. Without the latter
 * the TaskManager refuses to start (stack.md §3.7).
 */
record BashJavaUtilsResult(List<String> jvmOptions, List<String> dynamicProperties) {
  static final String MARKER = "BASH_JAVA_UTILS_EXEC_RESULT:";

  /** Parses the tool's stdout: the first two lines after the marker, the rest is log noise. */
  static BashJavaUtilsResult parse(String stdout) {
    List<String> results =
        stdout
            .lines()
            .filter(l -> l.startsWith(MARKER))
            .map(l -> l.substring(MARKER.length()).trim())
            .toList();
    if (results.size() < 2) {
      throw new IllegalStateException(
          "BashJavaUtils printed "
              + results.size()
              + " result lines, expected 2 (JVM options, dynamic properties); output:\n"
              + stdout);
    }
    return new BashJavaUtilsResult(words(results.get(0)), words(results.get(1)));
  }

  private static List<String> words(String line) {
    return line.isEmpty() ? List.of() : Arrays.asList(line.split("\\s+"));
  }
}
