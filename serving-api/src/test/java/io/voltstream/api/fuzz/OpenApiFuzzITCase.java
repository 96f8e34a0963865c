package io.voltstream.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiInstances;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.fuzz.OpenApiRequestGenerator.FuzzRequest;
import io.voltstream.api.fuzz.OpenApiRequestGenerator.Operation;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.model.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code /openapi.json} from a real API (real Kafka, real InfluxDB, production route table)
 * and sends every documented route (path × method) many generated hostile requests (see {@link
 * OpenApiRequestGenerator}), mostly as admin, some without a token, with a garbage token or as a
 * viewer. Every answer must be below 500, free of stack traces and Java class names, and every 4xx
 * must be an RFC 9457 problem document whose {@code status} is the HTTP status. The seed is logged;
 * rerun a failure with {@code -Dvoltstream.fuzz.seed=<seed>}.
 */
class OpenApiFuzzITCase {
  private static final Logger LOG = LoggerFactory.getLogger(OpenApiFuzzITCase.class);

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension(1);
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  /** Device authentication on, so the credential routes are fuzzed too (not answered 503). */
  @RegisterExtension static final MosquittoExtension MQTT = MosquittoExtension.withDeviceAuth();

  @TempDir static Path dataDir;

  private static final int REQUESTS_PER_ROUTE = 30;
  private static final long MAX_BODY_BYTES = 64 * 1024;

  /**
   * A server may answer a request whose large body it will not read (413, or 404 before the body
   * matters) and close the connection (RFC 9112 §9.6); a client still writing the body can then
   * lose the answer to the connection reset. Such a lost answer is counted and printed, and the
   * server must still answer the next request; for bodies up to this size it is a failure.
   */
  private static final int UNREAD_BODY_RESET_ABOVE_BYTES = 8 * 1024;

  /** Exception class names, stack frames and Java package names: never in an answer. */
  private static final Pattern LEAK =
      Pattern.compile(
          "\\b[A-Z]\\w*Exception\\b|\\b(StackOverflow|OutOfMemory|NoClassDefFound|Assertion)Error\\b|\\bat"
              + " [a-z][\\w$]*(\\.[\\w$]+)+\\("
              + "|\\b(java|javax|jakarta|kotlin|org\\.eclipse|org\\.apache|io\\.javalin"
              + "|com\\.fasterxml|io\\.voltstream)\\.[a-z]");

  private static ApiApp.Running api;
  private static ApiTestClient client;
  private static String adminToken;
  private static String viewerToken;

  /** No rate limit, a small body limit (oversized bodies stay cheap), InfluxDB, device auth. */
  private static Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>(ApiInstances.deviceAuthEnv(MQTT));
    settings.put(io.voltstream.api.ApiConfig.RATE_LIMIT_RPS, "0");
    settings.put(io.voltstream.api.ApiConfig.MAX_BODY_BYTES, Long.toString(MAX_BODY_BYTES));
    settings.put(io.voltstream.api.ApiConfig.INFLUX_URL, INFLUX.url());
    settings.put(io.voltstream.api.ApiConfig.INFLUX_DB, INFLUX.freshDatabase());
    return settings;
  }

  @BeforeAll
  static void start() {
    KAFKA.createStandardTopics(1);
    api = ApiInstances.start(ApiInstances.env(KAFKA.bootstrapServers(), dataDir, settings()));
    client = new ApiTestClient(api.port());
    adminToken = ApiInstances.adminToken(api);
    viewerToken =
        client
            .post(
                "/api/v1/tokens/generate",
                adminToken,
                "{\"name\":\"fuzz-viewer\",\"role\":\"viewer\"}")
            .json()
            .get("token")
            .asText();
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void shouldAnswerEveryGeneratedRequestWithoutAServerErrorOrALeak() throws Exception {
    long seed = Long.getLong("voltstream.fuzz.seed", System.nanoTime());
    LOG.info("OpenAPI fuzz seed {} (rerun with -Dvoltstream.fuzz.seed={})", seed, seed);
    Random random = new Random(seed);
    JsonNode doc = Json.MAPPER.readTree(send("GET", "/openapi.json", null, null, null).body());
    OpenApiRequestGenerator generator = new OpenApiRequestGenerator(doc, random, MAX_BODY_BYTES);
    seedRegistry(generator);
    List<Operation> operations = generator.operations();
    assertThat(operations).hasSizeGreaterThan(40);

    Map<String, Map<Integer, Integer>> statusByRoute = new TreeMap<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int resetsOfLargeBodies = 0;
    int sent = 0;
    String previous = "";
    for (int round = 0; round < REQUESTS_PER_ROUTE; round++) {
      for (Operation operation : operations) {
        FuzzRequest request = generator.next(operation);
        String token = token(random);
        ApiTestClient.Response response;
        try {
          response =
              send(operation.method(), request.uri(), token, request.contentType(), request.body());
        } catch (IOException e) {
          if (request.body() != null && request.body().length > UNREAD_BODY_RESET_ABOVE_BYTES) {
            resetsOfLargeBodies++;
          } else {
            failures.add("no answer (" + e + ") ← " + request.describe() + " after " + previous);
          }
          continue;
        }
        sent++;
        previous = request.describe() + " → " + response.status() + " " + response.headers().map();
        statusByRoute
            .computeIfAbsent(operation.key(), k -> new TreeMap<>())
            .merge(response.status(), 1, Integer::sum);
        statuses.merge(response.status(), 1, Integer::sum);
        String problem = judge(response);
        if (problem != null && failures.size() < 50) {
          failures.add(
              problem
                  + " ← "
                  + request.describe()
                  + (token == adminToken ? " as admin" : " token=" + token)
                  + " → "
                  + abbreviate(response.body()));
        }
        if (response.status() / 100 == 2) {
          learnIds(generator, response.body());
        }
      }
    }
    statusByRoute.forEach((route, counts) -> LOG.info("{}: {}", route, counts));
    LOG.info(
        "OpenAPI fuzz: {} requests over {} routes, statuses {}, {} answers lost to a reset after"
            + " an unread body of > {} bytes, seed {}",
        sent,
        operations.size(),
        statuses,
        resetsOfLargeBodies,
        UNREAD_BODY_RESET_ABOVE_BYTES,
        seed);
    assertThat(failures).as("failures with seed " + seed).isEmpty();
    assertThat(statuses.keySet()).as("some requests got through validation").contains(200);
    assertThat(send("GET", "/health", null, null, null).status()).isEqualTo(200);
  }

  /** A building and a room to refer to, so plausible requests get past "unknown building". */
  private static void seedRegistry(OpenApiRequestGenerator generator) {
    ApiTestClient client = new ApiTestClient(api.port());
    assertThat(
            client
                .post("/api/v1/buildings", adminToken, "{\"id\":\"fz-b1\",\"name\":\"Fuzz\"}")
                .status())
        .isEqualTo(201);
    assertThat(
            client
                .post("/api/v1/rooms", adminToken, "{\"name\":\"fz-r1\",\"building\":\"fz-b1\"}")
                .status())
        .isEqualTo(201);
    generator.learnId("fz-b1");
    generator.learnId("fz-r1");
  }

  /** What is wrong with an answer, or null. */
  static String judge(ApiTestClient.Response response) {
    int status = response.status();
    String body = response.body() == null ? "" : response.body();
    if (status >= 500) {
      return "status " + status;
    }
    if (LEAK.matcher(body).find()) {
      return "internal detail in body";
    }
    if (status < 400) {
      return null;
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json")) {
      return "4xx with Content-Type '" + type + "'";
    }
    try {
      JsonNode problem = Json.MAPPER.readTree(body);
      if (!problem.path("type").isTextual()
          || !problem.path("title").isTextual()
          || problem.path("status").asInt() != status) {
        return "problem JSON without type/title/matching status";
      }
    } catch (IOException e) {
      return "problem body is not JSON";
    }
    return null;
  }

  private String token(Random random) {
    int roll = random.nextInt(20);
    return switch (roll) {
      case 0 -> null;
      case 1 -> "not-a-jwt";
      case 2 -> adminToken.substring(0, adminToken.length() - 3) + "abc";
      case 3 -> viewerToken;
      default -> adminToken;
    };
  }

  private static void learnIds(OpenApiRequestGenerator generator, String body) {
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node != null) {
        node.findValuesAsText("id").forEach(generator::learnId);
      }
    } catch (IOException notJson) {
      // CSV exports and the like carry no ids
    }
  }

  private static ApiTestClient.Response send(
      String method, String pathAndQuery, String token, String contentType, byte[] body)
      throws IOException {
    return client.sendRaw(method, pathAndQuery, token, contentType, body);
  }

  private static String abbreviate(String body) {
    return body == null || body.length() < 400 ? body : body.substring(0, 400) + "…";
  }
}
