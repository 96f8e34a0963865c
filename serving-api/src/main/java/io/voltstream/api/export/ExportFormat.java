package io.voltstream.api.export;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import java.util.Locale;

/** Output formats of {@code GET /api/v1/export}. */
public enum ExportFormat {
  CSV("text/csv; charset=utf-8", "csv"),
  JSON("application/json", "json");

  private final String contentType;
  private final String extension;

  ExportFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** {@code csv} (default) or {@code json}; 400 naming {@code format} otherwise. */
  public static ExportFormat parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return CSV;
    }
    try {
      return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "invalid format", new FieldError("format", "must be csv or json"));
    }
  }
}
