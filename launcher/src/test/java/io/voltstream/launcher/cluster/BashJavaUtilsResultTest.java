package io.voltstream.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BashJavaUtilsResultTest {

  @Test
  void shouldTakeJvmOptionsAndDynamicPropertiesFromTheMarkedLines() {
    String stdout =
        """
        INFO  [] - Loading configuration property: jobmanager.rpc.address, 127.0.0.1
        BASH_JAVA_UTILS_EXEC_RESULT:-Xmx436207608 -Xms436207608 -XX:MaxMetaspaceSize=268435456
        BASH_JAVA_UTILS_EXEC_RESULT:-D taskmanager.cpu.cores=2.0 -D taskmanager.memory.task.heap.size=310378488b
        """;

    BashJavaUtilsResult result = BashJavaUtilsResult.parse(stdout);

    assertThat(result.jvmOptions())
        .containsExactly("-Xmx436207608", "-Xms436207608", "-XX:MaxMetaspaceSize=268435456");
    assertThat(result.dynamicProperties())
        .containsExactly(
            "-D",
            "taskmanager.cpu.cores=2.0",
            "-D",
            "taskmanager.memory.task.heap.size=310378488b");
  }

  @Test
  void shouldRejectOutputWithoutBothResultLines() {
    assertThatThrownBy(() -> BashJavaUtilsResult.parse("BASH_JAVA_UTILS_EXEC_RESULT:-Xmx1g\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected 2");
  }

  @Test
  void shouldReadTheJava17OpensFromTheShippedConfig() throws Exception {
    Path config = ProjectLayout.root().resolve("flink-conf/config.yaml");

    assertThat(FlinkStandaloneCluster.javaOpens(config))
        .contains("--add-opens=java.base/java.util=ALL-UNNAMED")
        .allSatisfy(opt -> assertThat(opt).startsWith("--add-"));
  }
}
