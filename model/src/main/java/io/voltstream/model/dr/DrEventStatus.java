package io.voltstream.model.dr;

/**
 * Where a DR event stands in time (OpenADR event status): {@code far} (start more than the near
 * window away), {@code near}, {@code active} (between start and end), {@code completed} (ended),
 * {@code cancelled}.
 */
public enum DrEventStatus {
  FAR,
  NEAR,
  ACTIVE,
  COMPLETED,
  CANCELLED
}
