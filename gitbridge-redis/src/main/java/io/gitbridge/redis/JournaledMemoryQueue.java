package io.gitbridge.redis;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.Disposition;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.core.queue.Page;
import io.gitbridge.core.queue.QuarantinedDelivery;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.queue.QueueStats;
import io.gitbridge.core.queue.QueueUnavailableException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failover's local store: an {@link InMemoryEventQueue} whose accepted events, checkpoints and
 * settlements are journaled in an {@link EventSpool}, and which can hand what it holds over to
 * Redis. Thread-safe.
 *
 * <p>Two locks keep the journal in step with memory. {@code memoryLock} makes "offer and journal"
 * and "find and hand over" atomic against leasing, so a settled record never precedes its accepted
 * record and a drained event is never also leased here. {@code journalLock} lets offers append
 * concurrently (read side) and excludes them while the drained journal is deleted (write side).
 */
final class JournaledMemoryQueue implements EventQueue {
  private static final Logger log = LoggerFactory.getLogger(JournaledMemoryQueue.class);

  private final InMemoryEventQueue memory;
  private final EventSpool spool;
  private final Clock clock;
  private final Object memoryLock = new Object();
  private final ReadWriteLock journalLock = new ReentrantReadWriteLock();
  private final ConcurrentHashMap<DeliveryId, Integer> restoredSteps = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<DeliveryId, Instant> dueAt = new ConcurrentHashMap<>();
  private final Set<DeliveryId> done = ConcurrentHashMap.newKeySet();

  JournaledMemoryQueue(InMemoryEventQueue memory, EventSpool spool, Clock clock) {
    this.memory = requireNonNull(memory, "memory == null");
    this.spool = requireNonNull(spool, "spool == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  Path file() {
    return spool.file();
  }

  /** Loads what a crashed process left in the journal; returns how many entries. */
  int replay() {
    List<EventSpool.Pending> left = spool.pending();
    for (EventSpool.Pending p : left) {
      if (p.quarantined() != null) {
        memory.quarantine(p.quarantined());
        continue;
      }
      if (p.completedSteps() > 0) {
        restoredSteps.put(p.deliveryId(), p.completedSteps());
      }
      if (memory.offer(p.event()) == OfferResult.FULL) {
        log.warn("{}: memory is full; {} waits in the spool for redis", file(), p.event());
      }
    }
    return left.size();
  }

  @Override
  public OfferResult offer(WebhookEvent event) {
    journalLock.readLock().lock();
    try {
      OfferResult result;
      synchronized (memoryLock) {
        result = memory.offer(event);
        if (result == OfferResult.ACCEPTED) {
          try {
            spool.appendAccepted(event);
          } catch (QueueUnavailableException e) {
            memory.delete(event.deliveryId());
            throw e;
          }
        }
      }
      if (result == OfferResult.ACCEPTED) {
        spool.sync();
      }
      return result;
    } finally {
      journalLock.readLock().unlock();
    }
  }

  @Override
  public void quarantine(QuarantinedDelivery delivery) {
    journalLock.readLock().lock();
    try {
      spool.appendQuarantined(delivery);
      memory.quarantine(delivery);
    } finally {
      journalLock.readLock().unlock();
    }
  }

  /** Leases from memory, with checkpoints restored from a replayed journal. */
  @Override
  public List<Lease> lease(String consumer, int max) {
    List<Lease> leases = new ArrayList<>();
    synchronized (memoryLock) {
      for (Lease l : memory.lease(consumer, max)) {
        int steps = Math.max(l.completedSteps(), restoredSteps.getOrDefault(idOf(l), 0));
        leases.add(new Lease(l.event(), l.attempt(), steps, l.token(), l.expiresAt()));
      }
    }
    return leases;
  }

  @Override
  public void checkpoint(Lease lease, int completedSteps) {
    memory.checkpoint(lease, completedSteps);
    restoredSteps.merge(idOf(lease), completedSteps, Math::max);
    spool.appendCheckpoint(idOf(lease), completedSteps);
  }

  @Override
  public void ack(Lease lease) {
    synchronized (memoryLock) {
      memory.ack(lease);
      if (memory.find(idOf(lease)).isEmpty()) {
        done.add(idOf(lease));
      }
    }
    settle(idOf(lease));
  }

  @Override
  public Disposition retryLater(Lease lease, String error, Duration notBefore) {
    Disposition d = memory.retryLater(lease, error, notBefore);
    if (d.kind() == Disposition.Kind.RETRY) {
      dueAt.put(idOf(lease), d.retryAt());
    }
    return d;
  }

  /** Dead letters stay here until the drain hands them to Redis's dead letters. */
  @Override
  public void deadLetter(Lease lease, String error) {
    memory.deadLetter(lease, error);
  }

  @Override
  public QueueStats stats() {
    return memory.stats();
  }

  @Override
  public Page browse(QueueSection section, String cursor, int limit) {
    return memory.browse(section, cursor, limit);
  }

  @Override
  public Optional<QueueEntry> find(DeliveryId deliveryId) {
    return memory.find(deliveryId);
  }

  @Override
  public boolean requeue(DeliveryId deliveryId) {
    synchronized (memoryLock) {
      return memory.requeue(deliveryId);
    }
  }

  @Override
  public boolean delete(DeliveryId deliveryId) {
    boolean removed;
    synchronized (memoryLock) {
      removed = memory.delete(deliveryId);
    }
    if (removed) {
      settle(deliveryId);
    }
    return removed;
  }

  @Override
  public long purge(QueueSection section) {
    synchronized (memoryLock) {
      List<DeliveryId> ids = new ArrayList<>();
      String cursor = null;
      do {
        Page page = memory.browse(section, cursor, 500);
        page.entries().forEach(e -> ids.add(e.deliveryId()));
        cursor = page.nextCursor();
      } while (cursor != null);
      long count = memory.purge(section);
      ids.forEach(this::settle);
      return count;
    }
  }

  /**
   * Hands every journaled entry that is not running here to Redis, with its attempts, checkpoint,
   * last error and section, while {@code keepGoing} says so.
   *
   * @return whether nothing is left running here (the journal may then be deleted)
   * @throws QueueUnavailableException if Redis fails meanwhile
   */
  boolean drainInto(RedisEventQueue redis, BooleanSupplier keepGoing) {
    boolean runningHere = false;
    for (EventSpool.Pending p : spool.pending()) {
      if (!keepGoing.getAsBoolean()) {
        return false;
      }
      DeliveryId id = p.deliveryId();
      synchronized (memoryLock) {
        Optional<QueueEntry> local = memory.find(id);
        if (local.isPresent() && local.get().section() == QueueSection.IN_FLIGHT) {
          runningHere = true;
          continue;
        }
        if (local.isEmpty() && done.contains(id)) {
          continue; // acked here; its settled record is being written
        }
        if (p.quarantined() != null) {
          redis.quarantine(p.quarantined());
        } else {
          QueueSection section = local.map(QueueEntry::section).orElse(QueueSection.READY);
          redis.adopt(
              p.event(),
              section == QueueSection.RETRY || section == QueueSection.DEAD
                  ? section
                  : QueueSection.READY,
              local.map(QueueEntry::attempts).orElse(0),
              Math.max(p.completedSteps(), restoredSteps.getOrDefault(id, 0)),
              local.map(QueueEntry::lastError).orElse(null),
              dueAt.getOrDefault(id, clock.instant()));
        }
        if (local.isPresent()) {
          memory.delete(id);
        }
      }
      settle(id);
    }
    return !runningHere;
  }

  /**
   * Deletes the journal if every entry in it is settled and {@code commit} (run under the lock that
   * keeps offers out) agrees; the next offer starts a new one.
   */
  boolean deleteJournalIfSettled(BooleanSupplier commit) {
    journalLock.writeLock().lock();
    try {
      if (!spool.pending().isEmpty() || !commit.getAsBoolean()) {
        return false;
      }
      spool.delete();
      done.clear();
      return true;
    } finally {
      journalLock.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    memory.close();
    spool.close();
  }

  private void settle(DeliveryId id) {
    restoredSteps.remove(id);
    dueAt.remove(id);
    journalLock.readLock().lock();
    try {
      if (spool.exists()) {
        spool.appendSettled(id);
      }
    } finally {
      journalLock.readLock().unlock();
    }
  }

  private static DeliveryId idOf(Lease lease) {
    return lease.event().deliveryId();
  }
}
