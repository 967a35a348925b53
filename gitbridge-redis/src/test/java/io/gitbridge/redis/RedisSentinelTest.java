package io.gitbridge.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.core.queue.QueueUnavailableException;
import io.gitbridge.testkit.Payloads;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisSentinel;

/** A {@code redis-sentinel://} URL finds the master through a real Sentinel. */
class RedisSentinelTest {
  @Test
  void queueFindsItsMasterThroughTheSentinel() throws Exception {
    assumeTrue(TestRedis.canControlServers(), "needs servers the test can start");
    try (TestRedis master = TestRedis.startEmbedded(null)) {
      int sentinelPort = TestRedis.freePort();
      RedisSentinel sentinel =
          RedisSentinel.newRedisSentinel()
              .bind("127.0.0.1")
              .port(sentinelPort)
              .masterName("gitbridge-master")
              .masterPort(master.port())
              .build();
      sentinel.start();
      try (RedisEventQueue queue =
          RedisEventQueue.builder()
              .url("redis-sentinel://127.0.0.1:" + sentinelPort + "/gitbridge-master/0")
              .build()) {
        WebhookEvent event = Payloads.event(Payloads.newDeliveryId().value(), Instant.now());
        assertThat(queue.offer(event)).isEqualTo(OfferResult.ACCEPTED);
        assertThat(queue.lease("w", 1)).extracting(Lease::event).containsExactly(event);
      } finally {
        sentinel.stop();
      }
    }
  }

  @Test
  void noSentinelAnsweringIsUnavailableAtBuild() {
    assertThatThrownBy(
            () ->
                RedisEventQueue.builder()
                    .url("redis-sentinel://127.0.0.1:" + TestRedis.freePort() + "/nobody")
                    .timeout(Duration.ofMillis(300))
                    .build())
        .isInstanceOf(QueueUnavailableException.class)
        .hasMessageContaining("redis-sentinel://127.0.0.1");
  }
}
