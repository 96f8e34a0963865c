package io.voltstream.api.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal keep-alive HTTP/1.1 GET client for the load generator (like wrk): one socket, request
 * bytes prepared once, the answer read and counted but not parsed. Handles Content-Length and
 * chunked bodies. Not thread-safe: one per client thread.
 */
final class RawHttpClient implements AutoCloseable {

  private final String host;
  private final int port;
  private final String headerBlock;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final byte[] skip = new byte[64 * 1024];

  RawHttpClient(String host, int port, String... headers) {
    this.host = host;
    this.port = port;
    StringBuilder sb =
        new StringBuilder(" HTTP/1.1\r\nHost: ")
            .append(host)
            .append(':')
            .append(port)
            .append("\r\n");
    for (String h : headers) {
      sb.append(h).append("\r\n");
    }
    this.headerBlock = sb.append("\r\n").toString();
  }

  /**
   * Sends a GET of {@code pathAndQuery} and reads the whole answer; returns {status, body bytes}.
   */
  long[] get(String pathAndQuery) throws IOException {
    byte[] request = ("GET " + pathAndQuery + headerBlock).getBytes(StandardCharsets.US_ASCII);
    if (socket == null) {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = socket.getOutputStream();
    }
    try {
      out.write(request);
      out.flush();
      String status = line();
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      for (String h = line(); !h.isEmpty(); h = line()) {
        String lower = h.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(h.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          close = true;
        }
      }
      long body = 0;
      if (chunked) {
        for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
            size > 0;
            size = Long.parseLong(line().split(";")[0].trim(), 16)) {
          skipFully(size);
          body += size;
          line();
        }
        line();
      } else if (length > 0) {
        skipFully(length);
        body = length;
      }
      if (close) {
        close();
      }
      return new long[] {code, body};
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void skipFully(long n) throws IOException {
    while (n > 0) {
      int r = in.read(skip, 0, (int) Math.min(skip.length, n));
      if (r < 0) {
        throw new IOException("connection closed mid-body");
      }
      n -= r;
    }
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int len = sb.length();
        return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
      }
      sb.append((char) c);
    }
    throw new IOException("connection closed");
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
      socket = null;
    }
  }
}
