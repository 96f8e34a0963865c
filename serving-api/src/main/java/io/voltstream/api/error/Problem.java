package io.voltstream.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, served as {@code application/problem+json}. {@code errors} names
 * each invalid field (400/422); {@code errorId} correlates a 500 with the server log.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    String errorId) {

  public static final String CONTENT_TYPE = "application/problem+json";

  /**
   * Base of the {@code type} URIs; the status' slug is appended, e.g. {@code …/problems/conflict}.
   */
  public static final String TYPE_BASE = "https://voltstream.io/problems/";
}
