package io.gitbridge.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.GitBridge;
import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.task.Route;
import io.gitbridge.testkit.Await;
import io.gitbridge.testkit.Payloads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two GitBridge nodes on one Redis, each with its own {@link RedisEventQueue}: 8 producers offer
 * 5,000 events each while 16 workers (8 per node) process them. Every delivery runs exactly once.
 */
class TwoNodeLoadTest {
  private static final int PRODUCERS = 8;
  private static final int EVENTS_PER_PRODUCER = 5_000;
  private static final int TOTAL = PRODUCERS * EVENTS_PER_PRODUCER;

  @Test
  void everyDeliveryOfferedToEitherNodeIsProcessedExactlyOnce() throws Exception {
    TestRedis.shared().flush();
    ProcessedEvents processed = new ProcessedEvents();
    List<GitBridge> nodes = new ArrayList<>();
    ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
    try {
      for (int n = 0; n < 2; n++) {
        RedisEventQueue queue =
            RedisEventQueue.builder()
                .url(TestRedis.shared().url())
                .timeout(Duration.ofSeconds(10))
                .policy(QueuePolicy.builder().maxSize(TOTAL).build())
                .build();
        nodes.add(
            GitBridge.builder()
                .webhookSecret("s")
                .queue(queue)
                .workers(8)
                .pollInterval(Duration.ofMillis(50))
                .consumerName("node-" + n)
                .route(Route.on("push").step("record", processed.task()).build())
                .build()
                .start());
      }
      List<Future<Integer>> offered = new ArrayList<>();
      for (int p = 0; p < PRODUCERS; p++) {
        GitBridge node = nodes.get(p % 2);
        offered.add(producers.submit(() -> produce(node)));
      }
      int accepted = 0;
      for (Future<Integer> f : offered) {
        accepted += f.get();
      }
      assertThat(accepted).isEqualTo(TOTAL);
      Await.until(
          "all processed",
          Duration.ofMinutes(3),
          () -> processed.distinct() == TOTAL,
          () -> "processed " + processed.distinct());
      Await.until(
          "all acked", Duration.ofSeconds(30), () -> nodes.get(0).queue().stats().live() == 0);
    } finally {
      producers.shutdownNow();
      nodes.forEach(GitBridge::close);
    }
    assertThat(processed.repeats()).as("no delivery ran twice").isZero();
    assertThat(processed.lastAttempt.values()).allMatch(a -> a == 1);
  }

  private static int produce(GitBridge node) {
    int accepted = 0;
    for (int i = 0; i < EVENTS_PER_PRODUCER; i++) {
      OfferResult r =
          node.queue().offer(Payloads.event(UUID.randomUUID().toString(), Instant.now()));
      if (r == OfferResult.ACCEPTED) {
        accepted++;
      }
    }
    return accepted;
  }
}
