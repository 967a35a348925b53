package io.gitbridge.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.queue.QueueUnavailableException;
import io.gitbridge.testkit.Payloads;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code queue.timeout} bounds a call to a server that accepts connections but never answers. */
class UnansweringServerTest {
  @Test
  void aCallToASilentServerFailsAfterTheTimeoutInsteadOfHanging() throws IOException {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept());
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      try (RedisEventQueue queue =
          RedisEventQueue.builder()
              .url("redis://127.0.0.1:" + silent.getLocalPort())
              .timeout(Duration.ofMillis(200))
              .build()) {
        assertThatThrownBy(() -> queue.offer(Payloads.event("d-1", Instant.now())))
            .isInstanceOf(QueueUnavailableException.class)
            .hasMessageContaining("redis: offer.lua failed");
        assertThat(queue.healthCheck().check().detail()).contains("does not answer");
      }
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
