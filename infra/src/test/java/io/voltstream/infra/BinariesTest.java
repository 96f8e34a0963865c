package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BinariesTest {

  @Test
  void shouldTellHowToInstallAMissingMosquitto() {
    assertThatThrownBy(
            () -> Binaries.require("voltstream-no-such-mosquitto", MosquittoBroker.INSTALL_HINT))
        .isInstanceOf(InfraException.class)
        .hasMessageContaining("voltstream-no-such-mosquitto not found")
        .hasMessageContaining("install it with: sudo apt-get install -y mosquitto");
  }

  @Test
  void shouldTellHowToInstallAMissingInfluxd() {
    assertThatThrownBy(
            () -> Binaries.require("voltstream-no-such-influxd", InfluxServer.INSTALL_HINT))
        .hasMessageContaining("sudo apt-get install -y influxdb influxdb-client");
  }

  @Test
  void shouldFindBinariesOutsideTheUserPathInSbin() {
    // 'sh' is in /bin or /usr/bin on every Debian machine
    assertThat(Binaries.find("sh")).isPresent();
  }
}
