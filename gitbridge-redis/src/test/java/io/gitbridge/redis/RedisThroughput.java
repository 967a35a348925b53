package io.gitbridge.redis;

import io.gitbridge.core.GitBridge;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.task.Route;
import io.gitbridge.testkit.Await;
import io.gitbridge.testkit.Payloads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A rough load figure, not a benchmark harness: enqueue throughput and end-to-end throughput
 * (offer, lease, run a one-step chain, checkpoint, ack) against the bundled redis-server, with the
 * in-memory queue beside it for comparison. Prints ops/s; asserts nothing.
 *
 * <p>Arguments (optional): events per run (default 20000), producer threads (4), workers (8).
 */
public final class RedisThroughput {
  private RedisThroughput() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int producers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    System.out.printf(
        Locale.ROOT,
        "%d events, %d producers, %d workers, %d cores%n",
        events,
        producers,
        workers,
        Runtime.getRuntime().availableProcessors());
    try (TestRedis redis = TestRedis.startEmbedded(null)) {
      Supplier<EventQueue> redisQueue =
          () -> {
            redis.flush();
            return RedisEventQueue.builder()
                .url(redis.url())
                .timeout(Duration.ofSeconds(10))
                .policy(QueuePolicy.builder().maxSize(events * 2).build())
                .build();
          };
      Supplier<EventQueue> memoryQueue =
          () -> new InMemoryEventQueue(QueuePolicy.builder().maxSize(events * 2).build());
      for (int round = 0; round < 2; round++) {
        String label = round == 0 ? "warm-up " : "";
        report(label + "redis  enqueue", events, enqueue(redisQueue.get(), events, producers));
        report(
            label + "redis  end-to-end",
            events,
            endToEnd(redisQueue.get(), events, producers, workers));
        report(label + "memory enqueue", events, enqueue(memoryQueue.get(), events, producers));
        report(
            label + "memory end-to-end",
            events,
            endToEnd(memoryQueue.get(), events, producers, workers));
      }
    }
  }

  private static void report(String what, int events, Duration took) {
    System.out.printf(
        Locale.ROOT,
        "%-28s %8.0f ops/s  (%d in %d ms)%n",
        what,
        events / (took.toNanos() / 1e9),
        events,
        took.toMillis());
  }

  private static Duration enqueue(EventQueue queue, int events, int producers) throws Exception {
    try (queue) {
      return offerAll(queue, events, producers);
    }
  }

  private static Duration endToEnd(EventQueue queue, int events, int producers, int workers)
      throws Exception {
    ProcessedEvents processed = new ProcessedEvents();
    long start = System.nanoTime();
    try (GitBridge bridge =
        GitBridge.builder()
            .webhookSecret("s")
            .queue(queue)
            .workers(workers)
            .pollInterval(Duration.ofMillis(10))
            .route(Route.on("push").step("record", processed.task()).build())
            .build()
            .start()) {
      offerAll(queue, events, producers);
      Await.until("all processed", Duration.ofMinutes(10), () -> processed.distinct() == events);
      return Duration.ofNanos(System.nanoTime() - start);
    }
  }

  private static Duration offerAll(EventQueue queue, int events, int producers) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        int share = events / producers + (p < events % producers ? 1 : 0);
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < share; i++) {
                    queue.offer(Payloads.event(UUID.randomUUID().toString(), Instant.now()));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      return Duration.ofNanos(System.nanoTime() - start);
    } finally {
      pool.shutdown();
    }
  }
}
