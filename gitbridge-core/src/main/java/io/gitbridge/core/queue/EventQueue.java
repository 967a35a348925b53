package io.gitbridge.core.queue;

import io.gitbridge.core.DeliveryId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The port every queue adapter implements: a durable, deduplicating work queue of webhook events
 * with leases, retries, dead letters and quarantine.
 *
 * <p>Guarantees every adapter proves by extending {@code EventQueueContract} from the testkit:
 *
 * <ul>
 *   <li>at-least-once: an accepted event is acked, retried, or dead-lettered, never dropped;
 *   <li>dedupe: a delivery id offered again while live or done is a {@link OfferResult#DUPLICATE};
 *       once dead-lettered, a redelivery is a new chance;
 *   <li>leases: a leased event is invisible to other workers until acked, retried, dead-lettered,
 *       or until its lease times out, after which any worker may lease it again;
 *   <li>bounded: at most {@code maxSize} events are ready, in flight or waiting to retry;
 *   <li>ordering: ready events are leased oldest first (best effort across nodes).
 * </ul>
 *
 * <p>Implementations are thread-safe. Calls on a lease that has expired and been taken by another
 * worker are ignored (they return quietly): the newer holder owns the event.
 */
public interface EventQueue extends EventIntake, AutoCloseable {
  /**
   * Leases up to {@code max} events that are ready now, for {@code consumer}.
   *
   * @return the leased events, possibly empty; never blocks waiting for work
   */
  List<Lease> lease(String consumer, int max);

  /** Records that the first {@code completedSteps} steps of the chain are done, for resuming. */
  void checkpoint(Lease lease, int completedSteps);

  /** Done: removes the event; its delivery id stays known for dedupe. */
  void ack(Lease lease);

  /**
   * The attempt failed; schedules another after the {@link RetryPolicy}'s backoff (and not before
   * {@code notBefore} from now), or dead-letters the event when its retries are used up.
   */
  Disposition retryLater(Lease lease, String error, Duration notBefore);

  /** Failed for good: moves the event to the dead letters with the error. */
  void deadLetter(Lease lease, String error);

  /** Counts of each section. */
  QueueStats stats();

  /** A page of one section, oldest first, starting after {@code cursor} (null for the start). */
  Page browse(QueueSection section, String cursor, int limit);

  /** One stored entry of any section by delivery id. */
  Optional<QueueEntry> find(DeliveryId deliveryId);

  /**
   * Moves a dead, quarantined or waiting entry back to ready, with its attempts reset.
   *
   * @return false if no such entry is in those sections
   */
  boolean requeue(DeliveryId deliveryId);

  /** Removes an entry of any section but in flight; returns false if there was none. */
  boolean delete(DeliveryId deliveryId);

  /** Removes every entry of a section but in flight; returns how many. */
  long purge(QueueSection section);

  /** Releases connections and threads; idempotent. */
  @Override
  void close();
}
