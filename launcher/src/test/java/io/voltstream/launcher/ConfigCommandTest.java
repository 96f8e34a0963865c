package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConfigCommandTest {

  @Test
  void shouldListTheSettingsWithFlagsAsTheirSource() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new VoltstreamCli()).setOut(new PrintWriter(out));

    int code =
        cli.execute("config", "--kafka", "k:1", "--set", "VOLTSTREAM_JWT_SECRET=" + "x".repeat(32));

    assertThat(code).isZero();
    assertThat(out.toString())
        .containsPattern("VOLTSTREAM_KAFKA_BOOTSTRAP\\s+k:1\\s+flag\\s+Kafka bootstrap servers")
        .containsPattern("VOLTSTREAM_JWT_SECRET\\s+\\*{8}\\s+flag")
        .containsPattern("VOLTSTREAM_API_WRITE_TIMEOUT\\s+10s\\s+default")
        .contains("# ingest", "# api", "# simulator")
        .doesNotContain("x".repeat(32));
  }

  @Test
  void shouldFailWhenAValueDoesNotParse() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new VoltstreamCli()).setOut(new PrintWriter(out));

    int code = cli.execute("config", "--set", "VOLTSTREAM_API_PORT=abc");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains("VOLTSTREAM_API_PORT: expected an integer between 0 and 65535, got 'abc'");
  }
}
