package io.voltstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.auth.IssuedToken;
import io.voltstream.api.auth.Role;
import io.voltstream.api.live.ClientCommand;
import io.voltstream.api.tokens.dto.GenerateTokenResponse;
import io.voltstream.api.tokens.dto.RevokeTokenRequest;
import io.voltstream.api.tokens.dto.ValidateTokenRequest;
import io.voltstream.model.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Secrets never reach a {@code toString} (and so no log line): the JWT secret and every record
 * holding a JWT, which is a bearer credential.
 */
class SecretsNotPrintedTest {
  private static final String SECRET = "jwt-s3cret-jwt-s3cret-jwt-s3cret-0001";

  @Test
  void shouldKeepTheJwtSecretOutOfTheConfigAndTheDependencies() {
    ApiConfig config = ApiConfig.fromEnv(Map.of(ApiConfig.JWT_SECRET, SECRET));
    ApiDependencies deps = ApiDependencies.inMemory(config, Clock.systemUTC());

    assertThat(config.toString()).doesNotContain(SECRET).contains("jwtSecret=<redacted>");
    assertThat(deps.toString()).doesNotContain(SECRET);
  }

  @Test
  void shouldKeepTokensOutOfEveryRecordThatHoldsOne() throws Exception {
    ApiDependencies deps = ApiDependencies.inMemory(ApiConfig.defaults(), Clock.systemUTC());
    var minted = deps.tokens().mint("alice", Role.VIEWER, List.of(), Duration.ofHours(1), "test");
    IssuedToken issued = minted.token();
    String jwt = issued.token();

    assertThat(
            List.of(
                issued,
                minted,
                GenerateTokenResponse.from(minted),
                new RevokeTokenRequest(null, jwt),
                new ValidateTokenRequest(jwt),
                ClientCommand.parse("{\"action\":\"auth\",\"token\":\"" + jwt + "\"}")))
        .allSatisfy(r -> assertThat(r.toString()).doesNotContain(jwt).contains("token=<redacted>"));
    // the client still gets its token: serialisation uses the accessors, not toString
    assertThat(Json.MAPPER.writeValueAsString(GenerateTokenResponse.from(minted))).contains(jwt);
  }
}
