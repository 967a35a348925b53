package io.gitbridge.core.queue;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.InvalidPayloadException;
import io.gitbridge.core.WebhookEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * An {@link EventQueue} held in this process's memory: for one node, tests, and as the failover
 * store while Redis is away. It passes the same {@code EventQueueContract} as the Redis queue but
 * keeps nothing across a restart.
 *
 * <p>All methods are synchronized on the queue; every operation is O(log n) or better except
 * browsing, deleting and purging. Time comes from the injected {@link Clock}, so a manual clock
 * drives leases, retries and dedupe expiry in tests.
 */
public final class InMemoryEventQueue implements EventQueue {
  private final QueuePolicy policy;
  private final int maxSize;
  private final Duration leaseTimeout;
  private final Duration dedupeWindow;
  private final RetryPolicy retryPolicy;
  private final Clock clock;
  private final DoubleSupplier random;

  private final Deque<Entry> ready = new ArrayDeque<>();
  private final Map<DeliveryId, Entry> inFlight = new LinkedHashMap<>();
  private final PriorityQueue<Entry> retry =
      new PriorityQueue<>(Comparator.comparing((Entry e) -> e.dueAt).thenComparing(e -> e.seq));
  private final Map<DeliveryId, Entry> dead = new LinkedHashMap<>();
  private final Map<DeliveryId, QuarantinedDelivery> quarantine = new LinkedHashMap<>();
  private final Map<DeliveryId, Instant> seen = new LinkedHashMap<>();
  private long sequence;

  /** A queue following {@code policy}. */
  public InMemoryEventQueue(QueuePolicy policy) {
    this.policy = requireNonNull(policy, "policy == null");
    this.maxSize = policy.maxSize();
    this.leaseTimeout = policy.leaseTimeout();
    this.dedupeWindow = policy.dedupeWindow();
    this.retryPolicy = policy.retryPolicy();
    this.clock = policy.clock();
    this.random = policy.random();
  }

  /** A queue with the {@link QueuePolicy#DEFAULT} policy. */
  public static InMemoryEventQueue create() {
    return new InMemoryEventQueue(QueuePolicy.DEFAULT);
  }

  public QueuePolicy policy() {
    return policy;
  }

  @Override
  public synchronized OfferResult offer(WebhookEvent event) {
    requireNonNull(event, "event == null");
    Instant now = clock.instant();
    forgetExpired(now);
    if (seen.containsKey(event.deliveryId())) {
      return OfferResult.DUPLICATE;
    }
    if (live() >= maxSize) {
      return OfferResult.FULL;
    }
    ready.addLast(new Entry(event, ++sequence, now));
    seen.put(event.deliveryId(), now.plus(dedupeWindow));
    return OfferResult.ACCEPTED;
  }

  @Override
  public synchronized void quarantine(QuarantinedDelivery delivery) {
    requireNonNull(delivery, "delivery == null");
    quarantine.remove(delivery.deliveryId());
    quarantine.put(delivery.deliveryId(), delivery);
  }

  @Override
  public synchronized List<Lease> lease(String consumer, int max) {
    requireNonNull(consumer, "consumer == null");
    Instant now = clock.instant();
    promoteDue(now);
    reclaimExpired(now);
    List<Lease> leases = new ArrayList<>();
    while (leases.size() < max && !ready.isEmpty()) {
      Entry e = ready.pollFirst();
      e.attempts++;
      e.token = Long.toString(++sequence);
      e.expiresAt = now.plus(leaseTimeout);
      e.updatedAt = now;
      inFlight.put(e.event.deliveryId(), e);
      leases.add(new Lease(e.event, e.attempts, e.completedSteps, e.token, e.expiresAt));
    }
    return leases;
  }

  @Override
  public synchronized void checkpoint(Lease lease, int completedSteps) {
    Entry e = held(lease);
    if (e != null && completedSteps > e.completedSteps) {
      e.completedSteps = completedSteps;
    }
  }

  @Override
  public synchronized void ack(Lease lease) {
    Entry e = held(lease);
    if (e != null) {
      inFlight.remove(e.event.deliveryId());
    }
  }

  @Override
  public synchronized Disposition retryLater(Lease lease, String error, Duration notBefore) {
    Entry e = held(lease);
    if (e == null) {
      return Disposition.staleLease();
    }
    inFlight.remove(e.event.deliveryId());
    Instant now = clock.instant();
    e.lastError = error;
    e.updatedAt = now;
    if (!retryPolicy.allowsRetryAfter(e.attempts)) {
      toDead(e);
      return Disposition.deadLetter();
    }
    Duration delay = retryPolicy.delay(e.attempts, random);
    if (notBefore != null && notBefore.compareTo(delay) > 0) {
      delay = notBefore;
    }
    e.dueAt = now.plus(delay);
    retry.add(e);
    return Disposition.retryAt(e.dueAt);
  }

  @Override
  public synchronized void deadLetter(Lease lease, String error) {
    Entry e = held(lease);
    if (e != null) {
      inFlight.remove(e.event.deliveryId());
      e.lastError = error;
      e.updatedAt = clock.instant();
      toDead(e);
    }
  }

  @Override
  public synchronized QueueStats stats() {
    return new QueueStats(
        ready.size(), inFlight.size(), retry.size(), dead.size(), quarantine.size());
  }

  @Override
  public synchronized Page browse(QueueSection section, String cursor, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    int from = 0;
    if (cursor != null && !cursor.isEmpty()) {
      try {
        from = Integer.parseInt(cursor);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a cursor of this queue: " + cursor);
      }
    }
    List<QueueEntry> all = entries(section).toList();
    int to = Math.min(all.size(), from + limit);
    List<QueueEntry> page = from >= all.size() ? List.of() : all.subList(from, to);
    return new Page(page, to < all.size() ? Integer.toString(to) : null);
  }

  @Override
  public synchronized Optional<QueueEntry> find(DeliveryId deliveryId) {
    for (QueueSection section : QueueSection.values()) {
      Optional<QueueEntry> found =
          entries(section).filter(e -> e.deliveryId().equals(deliveryId)).findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized boolean requeue(DeliveryId deliveryId) {
    Instant now = clock.instant();
    Entry e = dead.remove(deliveryId);
    if (e == null) {
      e = removeFromRetry(deliveryId);
    }
    if (e == null) {
      QuarantinedDelivery q = quarantine.get(deliveryId);
      if (q == null) {
        return false;
      }
      WebhookEvent event;
      try {
        event = new WebhookEvent(q.deliveryId(), q.type(), q.body(), q.receivedAt());
      } catch (InvalidPayloadException invalid) {
        throw new InvalidPayloadException(
            "quarantined " + deliveryId + " still cannot be processed: " + invalid.getMessage());
      }
      quarantine.remove(deliveryId);
      e = new Entry(event, ++sequence, now);
    }
    e.attempts = 0;
    e.updatedAt = now;
    ready.addLast(e);
    seen.put(deliveryId, now.plus(dedupeWindow));
    return true;
  }

  @Override
  public synchronized boolean delete(DeliveryId deliveryId) {
    boolean removed = ready.removeIf(e -> e.event.deliveryId().equals(deliveryId));
    removed |= removeFromRetry(deliveryId) != null;
    removed |= dead.remove(deliveryId) != null;
    removed |= quarantine.remove(deliveryId) != null;
    return removed;
  }

  @Override
  public synchronized long purge(QueueSection section) {
    long count;
    switch (section) {
      case READY:
        count = ready.size();
        ready.clear();
        break;
      case RETRY:
        count = retry.size();
        retry.clear();
        break;
      case DEAD:
        count = dead.size();
        dead.clear();
        break;
      case QUARANTINE:
        count = quarantine.size();
        quarantine.clear();
        break;
      default:
        throw new IllegalArgumentException("events in flight cannot be purged");
    }
    return count;
  }

  @Override
  public void close() {
    // nothing to release
  }

  private long live() {
    return ready.size() + inFlight.size() + retry.size();
  }

  private Entry held(Lease lease) {
    requireNonNull(lease, "lease == null");
    Entry e = inFlight.get(lease.event().deliveryId());
    return e != null && e.token.equals(lease.token()) ? e : null;
  }

  private void toDead(Entry e) {
    dead.remove(e.event.deliveryId());
    dead.put(e.event.deliveryId(), e);
    // a redelivery of a dead letter is a new chance, not a duplicate
    seen.remove(e.event.deliveryId());
  }

  private void promoteDue(Instant now) {
    while (!retry.isEmpty() && !retry.peek().dueAt.isAfter(now)) {
      Entry e = retry.poll();
      e.dueAt = null;
      ready.addLast(e);
    }
  }

  private void reclaimExpired(Instant now) {
    List<Entry> expired = new ArrayList<>();
    Iterator<Entry> it = inFlight.values().iterator();
    while (it.hasNext()) {
      Entry e = it.next();
      if (!e.expiresAt.isAfter(now)) {
        it.remove();
        expired.add(e);
      }
    }
    // oldest first, ahead of newer ready events
    for (int i = expired.size() - 1; i >= 0; i--) {
      Entry e = expired.get(i);
      e.lastError = "lease expired during attempt " + e.attempts;
      e.updatedAt = now;
      if (retryPolicy.allowsRetryAfter(e.attempts)) {
        ready.addFirst(e);
      } else {
        toDead(e);
      }
    }
  }

  private Entry removeFromRetry(DeliveryId deliveryId) {
    Iterator<Entry> it = retry.iterator();
    while (it.hasNext()) {
      Entry e = it.next();
      if (e.event.deliveryId().equals(deliveryId)) {
        it.remove();
        e.dueAt = null;
        return e;
      }
    }
    return null;
  }

  private void forgetExpired(Instant now) {
    Iterator<Instant> it = seen.values().iterator();
    while (it.hasNext() && !it.next().isAfter(now)) {
      it.remove();
    }
  }

  private Stream<QueueEntry> entries(QueueSection section) {
    return switch (section) {
      case READY -> ready.stream().map(e -> e.view(section));
      case IN_FLIGHT -> inFlight.values().stream().map(e -> e.view(section));
      case RETRY -> retry.stream().sorted(retry.comparator()).map(e -> e.view(section));
      case DEAD -> dead.values().stream().map(e -> e.view(section));
      case QUARANTINE ->
          quarantine.values().stream()
              .map(
                  q ->
                      new QueueEntry(
                          q.deliveryId(),
                          q.type(),
                          section,
                          0,
                          q.reason(),
                          q.receivedAt(),
                          q.receivedAt(),
                          q.body()));
    };
  }

  private static final class Entry {
    final WebhookEvent event;
    final long seq;
    int attempts;
    int completedSteps;
    String token = "";
    Instant expiresAt;
    Instant dueAt;
    String lastError;
    Instant updatedAt;

    Entry(WebhookEvent event, long seq, Instant now) {
      this.event = event;
      this.seq = seq;
      this.updatedAt = now;
    }

    QueueEntry view(QueueSection section) {
      return new QueueEntry(
          event.deliveryId(),
          event.type(),
          section,
          attempts,
          lastError,
          event.receivedAt(),
          updatedAt,
          event.body());
    }
  }
}
