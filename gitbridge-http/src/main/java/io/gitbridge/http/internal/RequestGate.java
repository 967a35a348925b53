package io.gitbridge.http.internal;

import java.time.Duration;

/**
 * Counts requests in progress so that the server can stop in order: close the gate, wait for the
 * requests inside to finish, then stop the JDK server with no delay. (The JDK 17 server's own
 * {@code stop(delay)} always waits the whole delay, even when idle.) Thread-safe.
 */
public final class RequestGate {
  private int inside;
  private boolean closed;

  /** Lets a request in; false once the gate is closed (the request should be turned away). */
  public synchronized boolean enter() {
    inside++;
    return !closed;
  }

  /** A request that {@link #enter()}ed, whether let in or not, is done. */
  public synchronized void exit() {
    inside--;
    if (inside == 0) {
      notifyAll();
    }
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Closes the gate and waits up to {@code grace} for the requests inside to finish.
   *
   * @return whether all finished in time
   */
  public synchronized boolean closeAndDrain(Duration grace) throws InterruptedException {
    closed = true;
    long deadline = System.nanoTime() + grace.toNanos();
    while (inside > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
