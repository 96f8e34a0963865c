package io.voltstream.ingest.mapping;

import static io.voltstream.ingest.mapping.ReadingTestData.RECEIVED_AT;
import static io.voltstream.ingest.mapping.ReadingTestData.TOPIC;
import static io.voltstream.ingest.mapping.ReadingTestData.metric;
import static io.voltstream.ingest.mapping.ReadingTestData.minimalReading;
import static io.voltstream.ingest.mapping.ReadingTestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.model.DeadLetter;
import io.voltstream.model.Json;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  private static DeadLetter onlyDeadLetter(String topic, byte[] payload) {
    ParseResult result = ReadingParser.parse(topic, payload, RECEIVED_AT);
    assertThat(result.rejections()).hasSize(1);
    return DeadLetters.of(topic, payload, result.rejections().get(0), RECEIVED_AT);
  }

  @Test
  void shouldCarryRawTextTopicReasonAndArrivalOfARejectedPayload() {
    byte[] payload = utf8("{\"sensor_id\": \"kitchen-meter\", oops}");

    DeadLetter deadLetter = onlyDeadLetter(TOPIC, payload);

    assertThat(deadLetter.mqttTopic()).isEqualTo(TOPIC);
    assertThat(deadLetter.payload()).isEqualTo("{\"sensor_id\": \"kitchen-meter\", oops}");
    assertThat(deadLetter.payloadEncoding()).isEqualTo(DeadLetters.ENCODING_UTF8);
    assertThat(deadLetter.reason()).startsWith("malformed_json: ");
    assertThat(deadLetter.batchIndex()).isNull();
    assertThat(deadLetter.receivedAt()).isEqualTo(RECEIVED_AT);
  }

  @Test
  void shouldBase64EncodeAPayloadThatIsNotUtf8() {
    byte[] payload = {(byte) 0xFF, (byte) 0xFE, '{', '}'};

    DeadLetter deadLetter = onlyDeadLetter(TOPIC, payload);

    assertThat(deadLetter.payloadEncoding()).isEqualTo(DeadLetters.ENCODING_BASE64);
    assertThat(deadLetter.reason()).startsWith("invalid_utf8: ");
    assertThat(DeadLetters.payloadBytes(deadLetter)).isEqualTo(payload);
  }

  @Test
  void shouldCarryTheElementTextFieldAndIndexOfARejectedBatchElement() {
    ObjectNode bad = minimalReading();
    metric(bad, "humidity", 140, "%");
    String badText = bad.toString();
    byte[] payload = utf8("[" + minimalReading() + "," + badText + "]");
    ParseResult result = ReadingParser.parse(TOPIC, payload, RECEIVED_AT);

    DeadLetter deadLetter = DeadLetters.of(TOPIC, payload, result.rejections().get(0), RECEIVED_AT);

    assertThat(deadLetter.payload()).isEqualTo(badText);
    assertThat(deadLetter.field()).isEqualTo("humidity.value");
    assertThat(deadLetter.batchIndex()).isEqualTo(1);
    assertThat(deadLetter.reason()).startsWith("out_of_range: ");
  }

  @Test
  void shouldCutAnOversizedPayloadTo64KiB() {
    byte[] payload = new byte[200_000];
    Arrays.fill(payload, (byte) 'a');

    DeadLetter deadLetter = onlyDeadLetter(TOPIC, payload);

    assertThat(deadLetter.reason()).startsWith("payload_too_large: ").contains("200000");
    assertThat(DeadLetters.payloadBytes(deadLetter)).hasSize(ReadingParser.MAX_PAYLOAD_BYTES);
  }

  @Test
  void shouldRoundTripThroughTheSharedJsonMapping() throws Exception {
    DeadLetter deadLetter = onlyDeadLetter("sensors/x y/readings", utf8("{}"));

    String json = Json.MAPPER.writeValueAsString(deadLetter);

    assertThat(json)
        .contains("\"mqtt_topic\":\"sensors/x y/readings\"", "\"reason\":\"invalid_topic: ");
    assertThat(Json.MAPPER.readValue(json, DeadLetter.class)).isEqualTo(deadLetter);
  }
}
