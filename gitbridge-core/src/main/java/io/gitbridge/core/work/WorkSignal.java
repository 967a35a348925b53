package io.gitbridge.core.work;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes idle workers when work may have arrived, so that an accepted event is picked up at once
 * instead of at the next poll. Missed signals are harmless: workers also poll.
 */
public final class WorkSignal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private long generation;

  /** Wakes every waiting worker. */
  public void signal() {
    lock.lock();
    try {
      generation++;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until signalled or {@code timeout} passes; returns early if interrupted. */
  public void await(Duration timeout) {
    lock.lock();
    try {
      long seen = generation;
      long nanos = timeout.toNanos();
      while (generation == seen && nanos > 0) {
        nanos = arrived.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }
}
