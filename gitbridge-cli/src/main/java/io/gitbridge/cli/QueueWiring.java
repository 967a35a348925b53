package io.gitbridge.cli;

import io.gitbridge.cli.config.QueueConfig;
import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.health.HealthCheck;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.redis.BundledRedisServer;
import io.gitbridge.redis.FailoverEventQueue;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue {@code serve} runs on, and what it owns: the bundled Redis when no {@code
 * queue.redis_url} is set, so that a first run is durable without installing anything. Closing it
 * closes the queue, then the bundled Redis.
 */
final class QueueWiring implements AutoCloseable {
  private final EventQueue queue;
  private final BundledRedisServer bundled;
  private final List<HealthCheck> healthChecks = new ArrayList<>();

  private QueueWiring(EventQueue queue, BundledRedisServer bundled) {
    this.queue = queue;
    this.bundled = bundled;
  }

  static QueueWiring open(QueueConfig config, GitBridgeListener listener, PrintWriter out) {
    switch (config.type()) {
      case MEMORY:
        out.println("queue: in memory (events do not survive a restart)");
        return new QueueWiring(BridgeWiring.memoryQueue(config), null);
      default:
        break;
    }
    BundledRedisServer bundled = null;
    String url = config.redisUrl();
    if (url == null) {
      bundled =
          BundledRedisServer.builder().dataDirectory(config.dataDir().resolve("redis")).start();
      url = bundled.url();
      out.println(
          "queue: bundled Redis on "
              + url
              + ", data in "
              + bundled.dataDirectory().toAbsolutePath());
    }
    try {
      FailoverEventQueue failover = BridgeWiring.redisQueue(config, url, listener);
      QueueWiring wiring = new QueueWiring(failover, bundled);
      wiring.healthChecks.add(failover.healthCheck());
      return wiring;
    } catch (RuntimeException e) {
      if (bundled != null) {
        bundled.close();
      }
      throw e;
    }
  }

  EventQueue queue() {
    return queue;
  }

  List<HealthCheck> healthChecks() {
    return healthChecks;
  }

  /** Stops the bundled Redis, if any; the queue itself is closed by the bridge. */
  @Override
  public void close() {
    if (bundled != null) {
      bundled.close();
    }
  }
}
