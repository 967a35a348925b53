package io.gitbridge.github;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How {@link OkHttpGitHubApi} waits: for a rate limit to lift, between mutating requests, before
 * retrying a 5xx. Injected so that tests observe the waits (and move a manual clock) instead of
 * really waiting.
 *
 * <p>Called from the thread that executes the request; implementations must be thread-safe. A wait
 * is never longer than the client's {@code maxWait}.
 */
@FunctionalInterface
public interface Sleeper {
  /** Really waits, with {@link TimeUnit#sleep}. */
  Sleeper SYSTEM =
      duration -> {
        long nanos = duration.toNanos();
        if (nanos > 0) {
          TimeUnit.NANOSECONDS.sleep(nanos);
        }
      };

  /**
   * Waits for {@code duration} (zero or positive).
   *
   * @throws InterruptedException if the thread is interrupted; the request then fails as retryable
   */
  void sleep(Duration duration) throws InterruptedException;
}
