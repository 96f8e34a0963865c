package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void shouldPickDistinctBindablePorts() throws Exception {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      ports.add(FreePorts.pick());
    }
    assertThat(ports).hasSize(20);
    int port = ports.iterator().next();
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertThat(FreePorts.isAccepting("127.0.0.1", port)).isTrue();
    }
    assertThat(FreePorts.isAccepting("127.0.0.1", port)).isFalse();
  }
}
