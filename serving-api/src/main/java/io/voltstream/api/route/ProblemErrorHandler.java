package io.voltstream.api.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.voltstream.api.error.Problem;
import io.voltstream.model.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (requests refused before they reach a route: a URI with bad UTF-8 or a
 * NUL byte, a URI or header block over the limit, an unparsable request line) as RFC 9457 problem
 * JSON instead of Jetty's HTML page, so every 4xx the API sends has the same shape. Jetty's message
 * is kept only when it is plain words; it never carries a cause or a stack.
 */
public final class ProblemErrorHandler extends ErrorHandler {
  /** Every method gets the document (Jetty's default sends a body only for GET, POST and HEAD). */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    // no instance: the URI is often the very thing that could not be decoded
    byte[] json = problem(code, message);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, json.length);
    // Jetty may drop a connection whose request it could not parse; say so, or a client reuses it
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(json), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    fields.put(HttpHeader.CONNECTION, "close");
    return ByteBuffer.wrap(problem(status, reason));
  }

  /** The problem document for a Jetty-level error. */
  static byte[] problem(int status, String message) {
    String title = HttpStatus.getMessage(status);
    String detail =
        message != null && message.matches("[A-Za-z0-9 ,:'()-]{1,200}") ? message : title;
    Problem p =
        new Problem(
            ErrorMapping.typeFor(status, title), title, status, detail, null, List.of(), null);
    try {
      return Json.MAPPER.writeValueAsBytes(p);
    } catch (JsonProcessingException e) {
      return ("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":" + status + "}")
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}
