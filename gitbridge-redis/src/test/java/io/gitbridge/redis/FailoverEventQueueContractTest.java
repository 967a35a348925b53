package io.gitbridge.redis;

import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.testkit.EventQueueContract;
import io.gitbridge.testkit.QueueSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The failover queue keeps the queue contract whether Redis is there or not. */
class FailoverEventQueueContractTest {
  static FailoverEventQueue failover(String url, QueueSettings s, Path spool) {
    RedisEventQueue redis =
        RedisEventQueue.builder()
            .url(url)
            .timeout(Duration.ofMillis(500))
            .maxSize(s.maxSize())
            .leaseTimeout(s.leaseTimeout())
            .retryPolicy(s.retryPolicy())
            .clock(s.clock())
            .random(s.random())
            .build();
    return FailoverEventQueue.builder()
        .primary(redis)
        .spoolFile(spool)
        .clock(s.clock())
        .probeInterval(Duration.ofHours(1))
        .build();
  }

  @Nested
  class WithRedis extends EventQueueContract {
    @TempDir Path dir;

    @Override
    protected EventQueue createQueue(QueueSettings settings) {
      TestRedis.shared().flush();
      return failover(TestRedis.shared().url(), settings, dir.resolve("spool.log"));
    }
  }

  @Nested
  class WithoutRedis extends EventQueueContract {
    @TempDir Path dir;

    @Override
    protected EventQueue createQueue(QueueSettings settings) {
      String nobody = "redis://127.0.0.1:" + TestRedis.freePort() + "/0";
      return failover(nobody, settings, dir.resolve("spool.log"));
    }
  }
}
