package io.voltstream.api.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Jackson's messages lose their Java types before they reach a problem document. */
class ErrorMappingTest {
  @Test
  void shouldDescribeJacksonTypesAsJsonKinds() {
    // found by OpenApiFuzzITCase: generic types slipped past the old backtick pattern
    assertThat(
            ErrorMapping.withoutJavaTypes(
                "Cannot deserialize value of type `java.util.ArrayList<java.lang.String>` from"
                    + " Boolean value"))
        .isEqualTo("Cannot deserialize value of type an array from Boolean value");
    assertThat(ErrorMapping.withoutJavaTypes("value of type `int` (class java.lang.Integer)"))
        .isEqualTo("value of type a number ");
    assertThat(ErrorMapping.withoutJavaTypes("type `java.time.Instant` from String \"x\""))
        .isEqualTo("type an ISO-8601 date-time from String \"x\"");
    assertThat(ErrorMapping.withoutJavaTypes("see io.voltstream.api.rooms.dto.RoomRequest"))
        .isEqualTo("see value");
  }
}
