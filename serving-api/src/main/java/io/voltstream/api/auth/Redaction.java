package io.voltstream.api.auth;

/**
 * How secrets (JWTs, the JWT secret) appear in {@code toString} and so in logs: never as
 * themselves. Records holding one override {@code toString} with this.
 */
public final class Redaction {
  /** What a present secret prints as. */
  public static final String REDACTED = "<redacted>";

  private Redaction() {}

  /** {@link #REDACTED} for a secret, {@code null} when there is none. */
  public static String redact(Object secret) {
    return secret == null ? null : REDACTED;
  }
}
