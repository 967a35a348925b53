package io.gitbridge.redis;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.GitBridgeException;
import io.gitbridge.core.health.Health;
import io.gitbridge.core.health.HealthCheck;
import java.time.Duration;

/**
 * Whether Redis answers: sends {@code PING} on the queue's connections, bounded by the queue
 * timeout. Up with the round trip time, down with the reason. Thread-safe; never throws.
 */
public final class RedisHealthCheck implements HealthCheck {
  public static final String NAME = "redis";

  private final RedisEventQueue queue;

  public RedisHealthCheck(RedisEventQueue queue) {
    this.queue = requireNonNull(queue, "queue == null");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Health check() {
    long start = System.nanoTime();
    try {
      queue.ping();
    } catch (GitBridgeException e) {
      return Health.down("redis at " + queue.url() + " does not answer: " + e.getMessage());
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return Health.up("redis at " + queue.url() + " answered PING in " + took.toMillis() + " ms");
  }
}
