package io.gitbridge.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.testkit.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GitBridge process killed ({@code kill -9}) during a Redis outage loses no accepted event: the
 * next process replays its spool into Redis.
 */
class SpoolSurvivesKillTest {
  @TempDir Path dir;

  @Test
  void eventsAcceptedByAKilledProcessAreReplayedIntoRedis() throws Exception {
    Path spool = dir.resolve("spool.log");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    String nobody = "redis://127.0.0.1:" + TestRedis.freePort() + "/0";
    Process child = startChild(nobody, spool, ids);
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("ACCEPTED "));
      assertThat(line).as("the child's report").isEqualTo("ACCEPTED 25");
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.exists(spool)).isTrue();

    TestRedis.shared().flush();
    try (FailoverEventQueue next =
        FailoverEventQueue.builder()
            .primary(RedisEventQueue.builder().url(TestRedis.shared().url()).build())
            .spoolFile(spool)
            .probeInterval(Duration.ofMillis(50))
            .build()) {
      Await.until("spool drained", Duration.ofSeconds(30), () -> !next.isFailoverActive());
      assertThat(Files.exists(spool)).isFalse();
      Set<DeliveryId> leased = new HashSet<>();
      for (Lease lease : next.lease("w", 100)) {
        leased.add(lease.event().deliveryId());
        next.ack(lease);
      }
      assertThat(leased).extracting(DeliveryId::value).containsExactlyInAnyOrderElementsOf(ids);
    }
  }

  private static Process startChild(String url, Path spool, List<String> ids) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String argLine = System.getProperty("gitbridge.test.childArgLine", "").trim();
    if (!argLine.isEmpty()) {
      command.addAll(List.of(argLine.split("\\s+")));
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SpoolingChild.class.getName());
    command.add(url);
    command.add(spool.toString());
    command.addAll(ids);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
