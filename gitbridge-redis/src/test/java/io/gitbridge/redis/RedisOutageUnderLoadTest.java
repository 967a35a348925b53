package io.gitbridge.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitbridge.core.GitBridge;
import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.task.Route;
import io.gitbridge.testkit.Await;
import io.gitbridge.testkit.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis is stopped and started again in the middle of 2,000 events while producers offer and
 * workers process: every event is processed, the spool drains and disappears.
 *
 * <p>One repeat per producer is tolerated, and is the documented at-least-once case: an offer that
 * Redis executed just before it died, whose answer never arrived, is accepted by the failover too.
 */
class RedisOutageUnderLoadTest {
  private static final int PRODUCERS = 4;
  private static final int EVENTS_PER_PRODUCER = 500;
  private static final int TOTAL = PRODUCERS * EVENTS_PER_PRODUCER;

  @TempDir Path dir;

  @Test
  void everyEventIsProcessedThroughAnOutageInTheMiddleOfARun() throws Exception {
    assumeTrue(TestRedis.canControlServers(), "needs a Redis the test can stop");
    ProcessedEvents processed = new ProcessedEvents();
    RecordingListener listener = new RecordingListener();
    AtomicInteger offered = new AtomicInteger();
    Path spool = dir.resolve("spool.log");
    ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
    try (TestRedis redis = TestRedis.startEmbedded(dir.resolve("redis"))) {
      FailoverEventQueue queue =
          FailoverEventQueue.builder()
              .primary(
                  RedisEventQueue.builder()
                      .url(redis.url())
                      .timeout(Duration.ofMillis(500))
                      .policy(QueuePolicy.builder().leaseTimeout(Duration.ofSeconds(10)).build())
                      .build())
              .spoolFile(spool)
              .probeInterval(Duration.ofMillis(50))
              .listener(listener)
              .build();
      try (GitBridge bridge =
          GitBridge.builder()
              .webhookSecret("s")
              .queue(queue)
              .workers(4)
              .pollInterval(Duration.ofMillis(20))
              .route(Route.on("push").step("record", processed.task()).build())
              .build()
              .start()) {
        List<Future<Integer>> accepted = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
          accepted.add(producers.submit(() -> produce(queue, offered)));
        }
        Await.until("a third offered", Duration.ofMinutes(1), () -> offered.get() >= TOTAL / 3);
        redis.stop();
        Await.until("failover", Duration.ofSeconds(30), queue::isFailoverActive);
        int atStop = offered.get();
        Await.until(
            "offers during the outage",
            Duration.ofMinutes(1),
            () -> offered.get() >= Math.min(TOTAL, atStop + TOTAL / 4));
        redis.start();

        int total = 0;
        for (Future<Integer> f : accepted) {
          total += f.get();
        }
        assertThat(total).isEqualTo(TOTAL);
        Await.until(
            "all processed",
            Duration.ofMinutes(1),
            () -> processed.distinct() == TOTAL,
            () -> "processed " + processed.distinct() + ", stats " + queue.stats());
        Await.until(
            "failover over",
            Duration.ofSeconds(30),
            () -> !queue.isFailoverActive(),
            () -> "mode " + queue.mode() + ", stats " + queue.stats());
        Await.until("all settled", Duration.ofSeconds(30), () -> queue.stats().live() == 0);
      }
    } finally {
      producers.shutdownNow();
    }
    assertThat(Files.exists(spool)).isFalse();
    Await.until(
        "the end of the failover told",
        Duration.ofSeconds(30),
        () -> listener.failoverChanges.size() >= 2);
    assertThat(listener.failoverChanges).containsExactly(true, false);
    assertThat(processed.repeats()).isLessThanOrEqualTo(PRODUCERS);
  }

  private static int produce(FailoverEventQueue queue, AtomicInteger offered) {
    int accepted = 0;
    for (int i = 0; i < EVENTS_PER_PRODUCER; i++) {
      if (queue.offer(Payloads.event(UUID.randomUUID().toString(), Instant.now()))
          == OfferResult.ACCEPTED) {
        accepted++;
      }
      offered.incrementAndGet();
    }
    return accepted;
  }
}
