package io.voltstream.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Headless Chromium driven over the DevTools protocol with java.net.http (no npm, no driver): opens
 * one page and evaluates JavaScript in it. Kills the browser and its children on close.
 */
final class HeadlessChromium implements AutoCloseable {

  private final Path profile;
  private final Process process;
  private final HttpClient http = HttpClient.newHttpClient();
  private final WebSocket page;
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  HeadlessChromium(String url, Duration startTimeout) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
      throw new IllegalStateException(
          "/usr/bin/chromium is missing: apt-get install -y --no-install-recommends chromium");
    }
    profile = Files.createTempDirectory(Path.of("target"), "chromium-");
    process =
        new ProcessBuilder(
                List.of(
                    "/usr/bin/chromium",
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--user-data-dir=" + profile.toAbsolutePath(),
                    "--remote-debugging-port=0",
                    "--remote-allow-origins=*",
                    url))
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + startTimeout.toNanos();
    String wsUrl = null;
    while (wsUrl == null) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        close();
        throw new IllegalStateException(
            "chromium did not open its DevTools port; see " + profile.resolve("chromium.log"));
      }
      if (Files.exists(portFile) && Files.readAllLines(portFile).size() >= 1) {
        wsUrl = pageDebuggerUrl(Integer.parseInt(Files.readAllLines(portFile).get(0).trim()));
      }
      if (wsUrl == null) {
        TimeUnit.MILLISECONDS.sleep(50); // poll interval while the browser starts
      }
    }
    page = http.newWebSocketBuilder().buildAsync(URI.create(wsUrl), new Listener()).join();
  }

  private String pageDebuggerUrl(int port) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
            HttpResponse.BodyHandlers.ofString());
    for (JsonNode t : Json.MAPPER.readTree(r.body())) {
      if ("page".equals(t.path("type").asText())) {
        return t.path("webSocketDebuggerUrl").asText();
      }
    }
    return null;
  }

  /** Evaluates an expression in the page; returns its JSON value (null node when undefined). */
  JsonNode evaluate(String expression) throws Exception {
    ObjectNode params =
        Json.MAPPER.createObjectNode().put("expression", expression).put("returnByValue", true);
    return call("Runtime.evaluate", params).path("result").path("result").path("value");
  }

  /**
   * Emulates a phone screen of {@code width} × {@code height} CSS pixels (a mobile viewport: the
   * page's viewport meta applies); a headless window cannot be made narrower than 500 px.
   */
  void emulatePhone(int width, int height) throws Exception {
    emulateScreen(width, height, true);
  }

  /**
   * Emulates a screen of {@code width} × {@code height} CSS pixels, a phone's when {@code mobile}.
   */
  void emulateScreen(int width, int height, boolean mobile) throws Exception {
    ObjectNode params =
        Json.MAPPER
            .createObjectNode()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", mobile ? 3 : 1)
            .put("mobile", mobile);
    call("Emulation.setDeviceMetricsOverride", params);
  }

  /**
   * Writes a PNG of the whole page (not only the viewport) as laid out at {@code width} CSS pixels
   * ({@code mobile}: a phone viewport with the page's viewport meta applied), for the README.
   */
  void screenshot(Path png, int width, boolean mobile) throws Exception {
    int height = evaluate("Math.ceil(document.documentElement.scrollHeight)").asInt(800);
    ObjectNode metrics =
        Json.MAPPER
            .createObjectNode()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", mobile ? 2 : 1)
            .put("mobile", mobile);
    call("Emulation.setDeviceMetricsOverride", metrics);
    // the page lays itself out again at the new size (charts redraw on resize); the height of
    // that layout is what is captured
    height = evaluate("Math.ceil(document.documentElement.scrollHeight)").asInt(height);
    metrics.put("height", height);
    call("Emulation.setDeviceMetricsOverride", metrics);
    ObjectNode params =
        Json.MAPPER.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
    String data = call("Page.captureScreenshot", params).path("result").path("data").asText();
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, java.util.Base64.getDecoder().decode(data));
  }

  private JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode msg = Json.MAPPER.createObjectNode().put("id", id).put("method", method);
    msg.set("params", params);
    page.sendText(msg.toString(), true).join();
    return answer.get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (page != null) {
      page.abort();
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: the profile lives under target/
    }
  }

  boolean isAlive() {
    return process.isAlive() || process.descendants().anyMatch(ProcessHandle::isAlive);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode n = Json.MAPPER.readTree(partial.toString());
          CompletableFuture<JsonNode> f = n.has("id") ? pending.remove(n.get("id").asInt()) : null;
          if (f != null) {
            f.complete(n);
          }
        } catch (IOException e) {
          // not a protocol answer we wait for
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
