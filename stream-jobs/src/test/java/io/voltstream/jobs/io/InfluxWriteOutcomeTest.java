package io.voltstream.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.io.InfluxWriteOutcome.Kind;
import org.junit.jupiter.api.Test;

class InfluxWriteOutcomeTest {

  @Test
  void shouldTreat204AsWritten() {
    assertThat(InfluxWriteOutcome.classify(204, "", 10).kind()).isEqualTo(Kind.WRITTEN);
  }

  @Test
  void shouldRetryServerErrorsTooManyRequestsAndNoAnswer() {
    assertThat(InfluxWriteOutcome.classify(503, "unavailable", 10).kind()).isEqualTo(Kind.RETRY);
    assertThat(InfluxWriteOutcome.classify(500, "{\"error\":\"timeout\"}", 10).kind())
        .isEqualTo(Kind.RETRY);
    assertThat(InfluxWriteOutcome.classify(429, "", 10).kind()).isEqualTo(Kind.RETRY);
    assertThat(InfluxWriteOutcome.noAnswer("ConnectException").kind()).isEqualTo(Kind.RETRY);
  }

  @Test
  void shouldCountDroppedPointsOfAPartialWrite() {
    String body =
        "{\"error\":\"partial write: field type conflict: input field \\\"power_w\\\" on"
            + " measurement \\\"readings\\\" is type string, already exists as type float"
            + " dropped=3\"}";

    InfluxWriteOutcome outcome = InfluxWriteOutcome.classify(400, body, 10);

    assertThat(outcome.kind()).isEqualTo(Kind.REJECTED);
    assertThat(outcome.rejectedPoints()).isEqualTo(3);
  }

  @Test
  void shouldCountUnparsableLines() {
    String body =
        "{\"error\":\"unable to parse 'x y': invalid field format\\n"
            + "unable to parse 'z': missing fields\"}";

    assertThat(InfluxWriteOutcome.classify(400, body, 10).rejectedPoints()).isEqualTo(2);
  }

  @Test
  void shouldCountTheWholeBatchWhenTheServerSaysNothingCountable() {
    assertThat(InfluxWriteOutcome.classify(422, "bad", 7).rejectedPoints()).isEqualTo(7);
  }

  @Test
  void shouldFailFastOnCredentialsMissingDatabaseAndTooLargeBatches() {
    assertThat(
            InfluxWriteOutcome.classify(
                401, "{\"error\":\"unable to parse authentication credentials\"}", 1))
        .satisfies(
            o -> {
              assertThat(o.kind()).isEqualTo(Kind.FATAL);
              assertThat(o.detail()).contains("VOLTSTREAM_INFLUX_USER");
            });
    assertThat(InfluxWriteOutcome.classify(403, "", 1).kind()).isEqualTo(Kind.FATAL);
    assertThat(InfluxWriteOutcome.classify(404, "{\"error\":\"database not found: \\\"x\\\"\"}", 1))
        .satisfies(
            o -> {
              assertThat(o.kind()).isEqualTo(Kind.FATAL);
              assertThat(o.detail())
                  .contains("database does not exist")
                  .contains("database not found");
            });
    assertThat(InfluxWriteOutcome.classify(413, "", 1).detail()).contains("maxBatchSizeInBytes");
    assertThat(InfluxWriteOutcome.classify(301, "", 1))
        .satisfies(
            o -> {
              assertThat(o.kind()).isEqualTo(Kind.FATAL);
              assertThat(o.detail()).contains("VOLTSTREAM_INFLUX_URL");
            });
  }
}
