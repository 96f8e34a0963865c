package io.voltstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.voltstream.api.auth.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token endpoints through the real router, with in-process stores. */
class TokenEndpointsTest {
  private Javalin app;
  private ApiTestClient client;
  private String admin;

  @BeforeEach
  void start() {
    ApiDependencies deps =
        ApiDependencies.inMemory(ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), Clock.systemUTC());
    app = ApiServer.create(deps).start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    admin = deps.jwt().issue("root", Role.ADMIN, List.of(), Duration.ofHours(1)).token();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void shouldMintAUsableTokenWithTheRequestedRoleAndExpiry() {
    var r =
        client.post(
            "/api/v1/tokens/generate",
            admin,
            "{\"name\":\"grafana\",\"role\":\"viewer\",\"expires_in_s\":600,\"permissions\":[\"room:kitchen\"]}");

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode body = r.json();
    String token = body.get("token").asText();
    Instant expires = Instant.parse(body.get("expires_at").asText());
    assertThat(body.get("id").asText()).isNotBlank();
    assertThat(expires).isBetween(Instant.now().plusSeconds(590), Instant.now().plusSeconds(601));
    assertThat(client.get("/api/v1/rooms", token).status()).isEqualTo(200);
    assertThat(client.post("/api/v1/rooms", token, "{\"name\":\"x\"}").status()).isEqualTo(403);

    var v = client.post("/api/v1/tokens/validate", admin, "{\"token\":\"" + token + "\"}").json();
    assertThat(v.get("valid").asBoolean()).isTrue();
    assertThat(v.get("role").asText()).isEqualTo("viewer");
    assertThat(v.get("subject").asText()).isEqualTo("grafana");
    assertThat(v.get("permissions").get(0).asText()).isEqualTo("room:kitchen");
  }

  @Test
  void shouldListIssuedTokensWithoutTheirSecrets() {
    String token =
        client
            .post("/api/v1/tokens/generate", admin, "{\"name\":\"ops\",\"role\":\"operator\"}")
            .json()
            .get("token")
            .asText();

    var list = client.get("/api/v1/tokens", admin);

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(token).doesNotContain(token.split("\\.")[2]);
    assertThat(list.json().findValuesAsText("name")).contains("ops");
    assertThat(list.json().get(0).get("revoked").asBoolean()).isFalse();
  }

  @Test
  void shouldRejectARevokedTokenImmediately() {
    JsonNode minted =
        client
            .post("/api/v1/tokens/generate", admin, "{\"name\":\"tmp\",\"role\":\"viewer\"}")
            .json();
    String token = minted.get("token").asText();
    assertThat(client.get("/api/v1/rooms", token).status()).isEqualTo(200);

    var revoke =
        client.post(
            "/api/v1/tokens/revoke", admin, "{\"id\":\"" + minted.get("id").asText() + "\"}");

    assertThat(revoke.status()).as(revoke.body()).isEqualTo(200);
    var denied = client.get("/api/v1/rooms", token);
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.json().get("detail").asText()).contains("revoked");
    var v = client.post("/api/v1/tokens/validate", admin, "{\"token\":\"" + token + "\"}").json();
    assertThat(v.get("valid").asBoolean()).isFalse();
    assertThat(v.get("reason").asText()).contains("revoked");
  }

  @Test
  void shouldRevokeByTheTokenItself() {
    String token =
        client
            .post("/api/v1/tokens/generate", admin, "{\"name\":\"tmp\",\"role\":\"viewer\"}")
            .json()
            .get("token")
            .asText();

    assertThat(
            client.post("/api/v1/tokens/revoke", admin, "{\"token\":\"" + token + "\"}").status())
        .isEqualTo(200);

    assertThat(client.get("/api/v1/rooms", token).status()).isEqualTo(401);
  }

  @Test
  void shouldNameEachInvalidFieldOfAGenerateRequest() {
    var r =
        client.post(
            "/api/v1/tokens/generate",
            admin,
            "{\"name\":\"\",\"role\":\"root\",\"expires_in_s\":-5,\"permissions\":[\"kitchen\"]}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("name", "role", "expires_in_s", "permissions[0]");
  }

  @Test
  void shouldAnswer404WhenRevokingAnUnknownId() {
    assertThat(client.post("/api/v1/tokens/revoke", admin, "{\"id\":\"nope\"}").status())
        .isEqualTo(404);
  }
}
