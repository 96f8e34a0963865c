package io.voltstream.ingest.mapping;

/**
 * Thrown inside the mappers only, to leave validation at the first violation with its reason and
 * field.
 */
final class Invalid extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final RejectionReason reason;
  final String field;

  Invalid(RejectionReason reason, String field, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.field = field;
  }

  /** This violation as the rejection of a whole (non-batch) payload, naming the field. */
  Rejection toRejection() {
    return new Rejection(reason, field, null, getMessage(), null);
  }
}
