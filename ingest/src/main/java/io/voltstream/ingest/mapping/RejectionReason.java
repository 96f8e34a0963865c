package io.voltstream.ingest.mapping;

/**
 * Why a payload, or one element of a batch, was rejected. The {@link #code()} is the stable wire
 * name written to the dead-letter topic; never rename a code, only add new ones.
 */
public enum RejectionReason {
  PAYLOAD_TOO_LARGE("payload_too_large"),
  INVALID_TOPIC("invalid_topic"),
  INVALID_UTF8("invalid_utf8"),
  MALFORMED_JSON("malformed_json"),
  DUPLICATE_KEY("duplicate_key"),
  NOT_AN_OBJECT("not_an_object"),
  EMPTY_BATCH("empty_batch"),
  MISSING_FIELD("missing_field"),
  INVALID_SENSOR_ID("invalid_sensor_id"),
  SENSOR_ID_MISMATCH("sensor_id_mismatch"),
  INVALID_ROOM("invalid_room"),
  INVALID_TIMESTAMP("invalid_timestamp"),
  TIMESTAMP_IN_FUTURE("timestamp_in_future"),
  TIMESTAMP_TOO_OLD("timestamp_too_old"),
  UNKNOWN_SENSOR_TYPE("unknown_sensor_type"),
  INVALID_METRIC("invalid_metric"),
  INVALID_VALUE("invalid_value"),
  NON_FINITE_VALUE("non_finite_value"),
  UNKNOWN_UNIT("unknown_unit"),
  OUT_OF_RANGE("out_of_range"),
  NO_METRICS("no_metrics"),
  /** A battery state's {@code mode} is not charge, discharge, idle, auto or safe. */
  INVALID_MODE("invalid_mode"),
  /** An acknowledgement's (or a battery state's) {@code command_id} does not follow the id rule. */
  INVALID_COMMAND_ID("invalid_command_id"),
  /** An acknowledgement's {@code status} is not applied or rejected. */
  INVALID_STATUS("invalid_status"),
  /**
   * Ingest itself failed on this payload (a bug); the payload is kept in the DLQ, never dropped.
   */
  INTERNAL_ERROR("internal_error");

  private final String code;

  RejectionReason(String code) {
    this.code = code;
  }

  /** The stable lower-case code used on the wire and in metrics. */
  public String code() {
    return code;
  }
}
