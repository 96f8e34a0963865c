package io.voltstream.ingest.mapping;

import java.util.Objects;

/**
 * One rejected payload or batch element.
 *
 * @param reason why it was rejected
 * @param field the offending JSON field (dotted for metrics, e.g. {@code power.unit}); null when
 *     the payload as a whole is at fault
 * @param batchIndex the element's index when the payload was an array; null for a single object or
 *     when the whole payload was rejected
 * @param message a human-readable explanation
 * @param elementJson the raw text of the rejected batch element exactly as received; null when the
 *     whole payload was rejected (the dead letter then carries the whole payload)
 */
public record Rejection(
    RejectionReason reason, String field, Integer batchIndex, String message, String elementJson) {

  public Rejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** A rejection of the payload as a whole. */
  public static Rejection ofPayload(RejectionReason reason, String message) {
    return new Rejection(reason, null, null, message, null);
  }

  /** The {@code reason} text of a dead letter: {@code <code>: <message>}. */
  public String describe() {
    return reason.code() + ": " + message;
  }
}
