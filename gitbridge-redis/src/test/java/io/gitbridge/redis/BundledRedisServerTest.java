package io.gitbridge.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.GitBridgeException;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.testkit.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledRedisServerTest {
  @TempDir Path dir;

  @Test
  void queuedEventsSurviveARestartOfTheBundledServer() {
    Path data = dir.resolve("redis");
    WebhookEvent event = Payloads.event(Payloads.newDeliveryId().value(), Instant.now());
    int port;
    try (BundledRedisServer redis = BundledRedisServer.builder().dataDirectory(data).start();
        RedisEventQueue queue = RedisEventQueue.builder().url(redis.url()).build()) {
      port = redis.port();
      assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + port + "/0");
      assertThat(redis.dataDirectory()).isEqualTo(data.toAbsolutePath());
      queue.offer(event);
    }
    assertThat(data.toFile().list()).as("append-only file written").isNotEmpty();

    try (BundledRedisServer redis =
            BundledRedisServer.builder().dataDirectory(data).port(port).start();
        RedisEventQueue queue = RedisEventQueue.builder().url(redis.url()).build()) {
      List<Lease> leases = queue.lease("w", 5);
      assertThat(leases).extracting(Lease::event).containsExactly(event);
    }
  }

  @Test
  void aServerThatCannotStartSaysWhereAndWhy() throws Exception {
    Path notADirectory = dir.resolve("file");
    Files.writeString(notADirectory, "x");
    assertThatThrownBy(
            () ->
                BundledRedisServer.builder().dataDirectory(notADirectory.resolve("redis")).start())
        .isInstanceOf(GitBridgeException.class)
        .hasMessageContaining("cannot start the bundled redis-server");
    assertThatThrownBy(() -> BundledRedisServer.builder().port(70_000).start())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
