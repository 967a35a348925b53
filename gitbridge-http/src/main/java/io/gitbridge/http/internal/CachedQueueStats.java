package io.gitbridge.http.internal;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.queue.QueueStats;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue's counts, asked at most once per time-to-live: a scrape reads five gauges, and a Redis
 * queue should be asked once for them. When the queue cannot answer, every count is NaN (unknown)
 * until the next try. Thread-safe.
 */
public final class CachedQueueStats {
  private static final Logger log = LoggerFactory.getLogger(CachedQueueStats.class);

  private final EventQueue queue;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private QueueStats last;
  private long fetchedAt;
  private boolean fetched;

  /**
   * @param nanoTime the time source, {@code System::nanoTime} outside tests
   */
  public CachedQueueStats(EventQueue queue, Duration ttl, LongSupplier nanoTime) {
    this.queue = requireNonNull(queue, "queue == null");
    this.ttlNanos = requireNonNull(ttl, "ttl == null").toNanos();
    this.nanoTime = requireNonNull(nanoTime, "nanoTime == null");
  }

  /** The count of one section, or NaN if the queue could not say. */
  public synchronized double count(QueueSection section) {
    long now = nanoTime.getAsLong();
    if (!fetched || now - fetchedAt >= ttlNanos) {
      fetched = true;
      fetchedAt = now;
      try {
        last = queue.stats();
      } catch (RuntimeException e) {
        log.warn("queue depth unknown: the queue did not answer: {}", e.getMessage());
        last = null;
      }
    }
    return last == null ? Double.NaN : last.count(section);
  }
}
