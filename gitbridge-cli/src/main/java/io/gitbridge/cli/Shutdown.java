package io.gitbridge.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When {@code serve} should stop: on SIGINT or SIGTERM for the real process (a JVM shutdown hook
 * that also waits for the server and the bridge to close in order), or when a test says so.
 */
final class Shutdown {
  /** How long a signal waits for the orderly close before the JVM exits anyway. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  /** A shutdown requested by the JVM's termination signals. */
  static Shutdown onSignals() {
    Shutdown shutdown = new Shutdown();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  shutdown.request();
                  shutdown.awaitClosed(CLOSE_GRACE);
                },
                "gitbridge-shutdown"));
    return shutdown;
  }

  void request() {
    requested.countDown();
  }

  void awaitRequest() throws InterruptedException {
    requested.await();
  }

  void closed() {
    closed.countDown();
  }

  boolean awaitClosed(Duration timeout) {
    try {
      return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
