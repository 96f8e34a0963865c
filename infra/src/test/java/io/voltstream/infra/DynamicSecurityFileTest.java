package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap file of mosquitto's dynamic security plugin, checked against mosquitto's own. */
class DynamicSecurityFileTest {
  @TempDir Path dir;

  /** Written by {@code mosquitto_ctrl dynsec init f admin adminpw} (mosquitto 2.0.11). */
  @Test
  void hashesPasswordsExactlyAsMosquittoCtrlDoes() {
    byte[] salt = Base64.getDecoder().decode("v0DX+flO7N7KCz9D");
    assertThat(Base64.getEncoder().encodeToString(DynamicSecurityFile.hash("adminpw", salt)))
        .isEqualTo(
            "HQThOIrb9zsa4Je8kB6SeojPtsyzZJVMCjW7vcXJe2Yfhg/cM/zN8LLubtt8+hvp1BJq9Crmie2lXn9FQGwETQ==");
  }

  @Test
  void theOnlyAccountIsAnAdminConfinedToTheControlTopicAndEverythingElseIsDenied()
      throws Exception {
    JsonNode root =
        new ObjectMapper()
            .readTree(
                DynamicSecurityFile.json(
                    new MosquittoAuth("boss", "secret-pw"), new SecureRandom()));
    assertThat(root.path("clients")).hasSize(1);
    JsonNode admin = root.path("clients").get(0);
    assertThat(admin.path("username").asText()).isEqualTo("boss");
    assertThat(admin.toString()).doesNotContain("secret-pw");
    byte[] salt = Base64.getDecoder().decode(admin.path("salt").asText());
    assertThat(admin.path("password").asText())
        .isEqualTo(Base64.getEncoder().encodeToString(DynamicSecurityFile.hash("secret-pw", salt)));
    assertThat(root.path("roles").get(0).path("acls").findValuesAsText("topic"))
        .containsOnly("$CONTROL/dynamic-security/#");
    JsonNode defaults = root.path("defaultACLAccess");
    assertThat(defaults.path("publishClientSend").asBoolean()).isFalse();
    assertThat(defaults.path("subscribe").asBoolean()).isFalse();
  }

  @Test
  void neverOverwritesTheFileThePluginOwns() throws Exception {
    Path file = DynamicSecurityFile.writeIfAbsent(dir, new MosquittoAuth("a", "first"));
    Files.writeString(file, "{\"changed\":true}");
    DynamicSecurityFile.writeIfAbsent(dir, new MosquittoAuth("a", "second"));
    assertThat(Files.readString(file)).isEqualTo("{\"changed\":true}");
  }

  @Test
  void authNeverShowsItsPassword() {
    assertThat(new MosquittoAuth("a", "hunter2").toString()).doesNotContain("hunter2");
  }
}
