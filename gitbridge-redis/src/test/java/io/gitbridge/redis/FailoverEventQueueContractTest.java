package io.gitbridge.redis;

import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.testkit.EventQueueContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The failover queue keeps the queue contract whether Redis is there or not. */
class FailoverEventQueueContractTest {
  static FailoverEventQueue failover(String url, QueuePolicy policy, Path spool) {
    RedisEventQueue redis =
        RedisEventQueue.builder().url(url).timeout(Duration.ofMillis(500)).policy(policy).build();
    return FailoverEventQueue.builder()
        .primary(redis)
        .spoolFile(spool)
        .clock(policy.clock())
        .probeInterval(Duration.ofHours(1))
        .build();
  }

  @Nested
  class WithRedis extends EventQueueContract {
    @TempDir Path dir;

    @Override
    protected EventQueue createQueue(QueuePolicy policy) {
      TestRedis.shared().flush();
      return failover(TestRedis.shared().url(), policy, dir.resolve("spool.log"));
    }
  }

  @Nested
  class WithoutRedis extends EventQueueContract {
    @TempDir Path dir;

    @Override
    protected EventQueue createQueue(QueuePolicy policy) {
      String nobody = "redis://127.0.0.1:" + TestRedis.freePort() + "/0";
      return failover(nobody, policy, dir.resolve("spool.log"));
    }
  }
}
