package io.gitbridge.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling it, up to a deadline, for tests that run real threads (a started
 * {@code GitBridge}, a server): never a fixed sleep, which is either too short on a busy machine or
 * wastes time on an idle one.
 */
public final class Await {
  /** Long enough for a loaded 2-core CI machine; a passing test returns far sooner. */
  public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);

  private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

  private Await() {}

  /** Waits up to {@link #DEFAULT_LIMIT} for {@code condition}. */
  public static void until(String what, BooleanSupplier condition) {
    until(what, DEFAULT_LIMIT, condition);
  }

  /** Waits up to {@code limit} for {@code condition}; fails naming {@code what}. */
  public static void until(String what, Duration limit, BooleanSupplier condition) {
    until(what, limit, condition, () -> "");
  }

  /**
   * Waits up to {@code limit} for {@code condition}; the failure names {@code what} and the {@code
   * state} at that moment.
   *
   * @throws AssertionError when the limit passes, or if the thread is interrupted
   */
  public static void until(
      String what, Duration limit, BooleanSupplier condition, Supplier<String> state) {
    requireNonNull(condition, "condition == null");
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + limit + ": " + what + " " + state.get());
      }
      LockSupport.parkNanos(POLL_NANOS);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }
}
