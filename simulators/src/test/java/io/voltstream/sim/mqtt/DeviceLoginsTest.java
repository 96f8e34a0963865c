package io.voltstream.sim.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device logins from a file: user name = device id, unknown devices share the connection. */
class DeviceLoginsTest {
  @TempDir Path dir;

  @Test
  void readsOneLoginPerDeviceIdAndNoneForOthers() throws Exception {
    Path file = dir.resolve("logins.properties");
    Files.writeString(
        file, "# issued by POST .../mqtt-credentials\nkitchen-meter=abc123\nb1 = xyz \n");
    DeviceLogins logins = DeviceLogins.fromFile(file);
    assertThat(logins.loginFor(DeviceLogins.Kind.SENSOR, "kitchen-meter", null))
        .contains(new DeviceLogins.Login("kitchen-meter", "abc123"));
    assertThat(logins.loginFor(DeviceLogins.Kind.BATTERY, "b1", null))
        .contains(new DeviceLogins.Login("b1", "xyz"));
    assertThat(logins.loginFor(DeviceLogins.Kind.DEVICE, "fan", "fan-meter")).isEmpty();
    assertThat(DeviceLogins.none().loginFor(DeviceLogins.Kind.SENSOR, "kitchen-meter", null))
        .isEmpty();
  }

  @Test
  void aLoginNeverShowsItsPassword() {
    assertThat(new DeviceLogins.Login("b1", "hunter2").toString()).doesNotContain("hunter2");
  }
}
