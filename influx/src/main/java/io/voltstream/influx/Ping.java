package io.voltstream.influx;

/**
 * The answer of InfluxDB's {@code GET /ping} (served by 1.x, 2.x and 3.x).
 *
 * @param up true when it answered 2xx (204 on 1.x)
 * @param detail {@code HTTP 204, 1.6.7} or why it is down, e.g. {@code unreachable:
 *     ConnectException}
 */
public record Ping(boolean up, String detail) {}
