package io.gitbridge.core.work;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.Lease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of worker threads, each leasing one event at a time and handing it to the {@link
 * EventProcessor}. Idle workers wait on a {@link WorkSignal} for at most the poll interval (retries
 * fall due without a signal). A queue that cannot be reached is retried with backoff, up to the
 * poll interval times 20.
 *
 * <p>{@link #close()} stops leasing, lets running chains finish for up to the grace period, then
 * interrupts. Events whose chains did not finish stay leased and are taken over after their lease
 * times out: none is lost.
 */
public final class WorkerPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

  private final EventQueue queue;
  private final EventProcessor processor;
  private final WorkSignal signal;
  private final int workers;
  private final Duration pollInterval;
  private final Duration shutdownGrace;
  private final String consumerPrefix;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();

  public WorkerPool(
      EventQueue queue,
      EventProcessor processor,
      WorkSignal signal,
      int workers,
      Duration pollInterval,
      Duration shutdownGrace,
      String consumerPrefix) {
    this.queue = requireNonNull(queue, "queue == null");
    this.processor = requireNonNull(processor, "processor == null");
    this.signal = requireNonNull(signal, "signal == null");
    if (workers < 1) {
      throw new IllegalArgumentException("workers < 1: " + workers);
    }
    this.workers = workers;
    this.pollInterval = requireNonNull(pollInterval, "pollInterval == null");
    this.shutdownGrace = requireNonNull(shutdownGrace, "shutdownGrace == null");
    this.consumerPrefix = requireNonNull(consumerPrefix, "consumerPrefix == null");
  }

  /** Starts the threads; a second call does nothing. */
  public synchronized void start() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    for (int i = 0; i < workers; i++) {
      String consumer = consumerPrefix + "-" + i;
      Thread t = new Thread(() -> work(consumer), "gitbridge-worker-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  public boolean isRunning() {
    return running.get();
  }

  private void work(String consumer) {
    long failures = 0;
    while (running.get()) {
      List<Lease> leases;
      try {
        leases = queue.lease(consumer, 1);
        failures = 0;
      } catch (RuntimeException e) {
        failures++;
        long factor = Math.min(20, 1L << Math.min(failures, 5));
        log.warn("{}: cannot lease from the queue ({}); retrying", consumer, e.getMessage());
        signal.await(pollInterval.multipliedBy(factor));
        continue;
      }
      if (leases.isEmpty()) {
        signal.await(pollInterval);
        continue;
      }
      for (Lease lease : leases) {
        try {
          processor.process(lease);
        } catch (RuntimeException e) {
          // the queue failed while settling; the lease times out and the event is retried
          log.error("{}: could not settle {}: {}", consumer, lease.event(), e.toString());
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    if (!running.compareAndSet(true, false)) {
      return;
    }
    signal.signal();
    long deadline = System.nanoTime() + shutdownGrace.toNanos();
    for (Thread t : threads) {
      try {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          t.join(Math.max(1, left / 1_000_000));
        }
        if (t.isAlive()) {
          t.interrupt();
          t.join(1000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    threads.clear();
  }
}
