package io.voltstream.api.auth;

/** A token was missing or rejected; always answered with 401 and the {@link Reason}. */
public final class AuthException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a token was rejected; the wire text is safe to show to clients. */
  public enum Reason {
    MISSING("no bearer token"),
    MALFORMED("token is not a well-formed JWT"),
    BAD_ALGORITHM("token algorithm is not HS256"),
    BAD_SIGNATURE("token signature is invalid"),
    EXPIRED("token has expired"),
    REVOKED("token has been revoked"),
    BAD_CLAIMS("token lacks a valid subject, role, id or expiry");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  private final Reason reason;

  public AuthException(Reason reason) {
    super(reason.text());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
