package io.voltstream.api.dr.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * OpenADR 3.0 object shapes (camelCase, as the OpenADR 3 OpenAPI spells them) for the read views
 * {@code /demand-response/programs|events|reports}. Only the fields Voltstream fills are declared;
 * the mapping is documented in the serving-api README.
 */
public final class OpenAdr {
  private OpenAdr() {}

  /** OpenADR {@code valuesMap}: a type and its values (targets and payloads). */
  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  public record ValuesMap(String type, List<Object> values) {}

  /** OpenADR {@code intervalPeriod}: start and ISO-8601 duration. */
  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  public record IntervalPeriod(Instant start, String duration) {}

  /** OpenADR {@code interval}. */
  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  public record Interval(int id, IntervalPeriod intervalPeriod, List<ValuesMap> payloads) {}

  /** OpenADR {@code eventPayloadDescriptor} / {@code reportPayloadDescriptor}. */
  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PayloadDescriptor(
      String objectType, String payloadType, String units, String currency) {}

  /** OpenADR {@code program}. */
  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Program(
      String id,
      Instant createdDateTime,
      Instant modificationDateTime,
      String objectType,
      String programName,
      String programLongName,
      List<PayloadDescriptor> payloadDescriptors,
      List<ValuesMap> targets) {}

  /** OpenADR {@code event}. */
  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Event(
      String id,
      Instant createdDateTime,
      Instant modificationDateTime,
      String objectType,
      String programID,
      String eventName,
      List<ValuesMap> targets,
      List<PayloadDescriptor> payloadDescriptors,
      IntervalPeriod intervalPeriod,
      List<Interval> intervals) {}

  /** OpenADR {@code report} resource: one building's intervals. */
  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  public record Resource(
      String resourceName, IntervalPeriod intervalPeriod, List<Interval> intervals) {}

  /** OpenADR {@code report}. */
  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Report(
      String id,
      Instant createdDateTime,
      Instant modificationDateTime,
      String objectType,
      String programID,
      String eventID,
      String clientName,
      String reportName,
      List<PayloadDescriptor> payloadDescriptors,
      List<Resource> resources) {}
}
