package io.gitbridge.redis;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.health.Health;
import io.gitbridge.core.health.HealthCheck;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RedisEventQueue} that keeps working while Redis is away: new events go to an {@link
 * InMemoryEventQueue} and to an append-only {@link EventSpool} file (fsync'd before {@link #offer}
 * returns), and workers lease from memory. A prober pings Redis every {@link
 * Builder#probeInterval}; once it answers, settlements that failed during the outage are replayed
 * and the spool drains into Redis with each event's attempts, checkpoint and last error (Redis's
 * dedupe makes a repeated drain safe). When nothing is left the spool file is removed. A spool left
 * by a crashed process is loaded on construction and drained the same way.
 *
 * <p>{@link GitBridgeListener#failoverChanged} is told when the failover starts and when it ends;
 * {@link #healthCheck()} says {@link Health.Status#DEGRADED} meanwhile.
 *
 * <p>Guarantees: an offer that returned {@link OfferResult#ACCEPTED} is in Redis or in the fsync'd
 * spool. An event can run twice when Redis died after accepting it but before its answer arrived
 * (the failover accepts it too), and when a settlement replayed after the outage finds that the
 * lease had expired meanwhile. Thread-safe.
 */
public final class FailoverEventQueue implements EventQueue {
  public static final Path DEFAULT_SPOOL_FILE = Path.of("data", "failover-spool.log");
  public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(FailoverEventQueue.class);
  private static final String LOCAL = "m:";
  private static final String REDIS = "r:";

  private final RedisEventQueue primary;
  private final JournaledMemoryQueue local;
  private final Clock clock;
  private final ScheduledExecutorService prober;
  private final ConcurrentLinkedQueue<Runnable> deferred = new ConcurrentLinkedQueue<>();
  private final FailoverMode mode;

  private FailoverEventQueue(Builder b) {
    this.primary = b.primary;
    this.clock = b.clock != null ? b.clock : b.primary.policy().clock();
    InMemoryEventQueue memory =
        b.fallback != null
            ? b.fallback
            : new InMemoryEventQueue(b.primary.policy().toBuilder().clock(clock).build());
    this.local = new JournaledMemoryQueue(memory, new EventSpool(b.spoolFile), clock);
    this.mode = new FailoverMode(b.listener, clock, primary.url(), local.file());
    int left = local.replay();
    if (left > 0) {
      log.warn("{}: {} entries left by an earlier process; replaying", local.file(), left);
      mode.redisFailed("replaying " + local.file());
    }
    this.prober =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gitbridge-redis-prober");
              t.setDaemon(true);
              return t;
            });
    long interval = b.probeInterval.toMillis();
    prober.scheduleWithFixedDelay(this::probe, 0, interval, TimeUnit.MILLISECONDS);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether events are being kept locally (Redis away, or the spool not yet drained). */
  public boolean isFailoverActive() {
    return mode.state() != FailoverMode.State.NORMAL;
  }

  /** The spool file. */
  public Path spoolFile() {
    return local.file();
  }

  /** The queue's readiness, named {@code queue}: up, or degraded while failing over. */
  public HealthCheck healthCheck() {
    return HealthCheck.of("queue", mode::health);
  }

  FailoverMode.State mode() {
    return mode.state();
  }

  @Override
  public OfferResult offer(WebhookEvent event) {
    requireNonNull(event, "event == null");
    return onRedisOr(() -> primary.offer(event), () -> local.offer(event));
  }

  @Override
  public void quarantine(QuarantinedDelivery delivery) {
    requireNonNull(delivery, "delivery == null");
    onRedisOr(() -> primary.quarantine(delivery), () -> local.quarantine(delivery));
  }

  @Override
  public List<Lease> lease(String consumer, int max) {
    List<Lease> leases = new ArrayList<>();
    for (Lease l : local.lease(consumer, max)) {
      leases.add(wrap(l, LOCAL));
    }
    if (leases.size() < max && !mode.redisAway()) {
      try {
        for (Lease l : primary.lease(consumer, max - leases.size())) {
          leases.add(wrap(l, REDIS));
        }
      } catch (QueueUnavailableException e) {
        mode.redisFailed(e.getMessage());
      }
    }
    return leases;
  }

  @Override
  public void checkpoint(Lease lease, int completedSteps) {
    if (isLocal(lease)) {
      local.checkpoint(unwrap(lease), completedSteps);
    } else {
      onRedisOrLater(() -> primary.checkpoint(unwrap(lease), completedSteps));
    }
  }

  @Override
  public void ack(Lease lease) {
    if (isLocal(lease)) {
      local.ack(unwrap(lease));
    } else {
      onRedisOrLater(() -> primary.ack(unwrap(lease)));
    }
  }

  @Override
  public Disposition retryLater(Lease lease, String error, Duration notBefore) {
    if (isLocal(lease)) {
      return local.retryLater(unwrap(lease), error, notBefore);
    }
    try {
      return primary.retryLater(unwrap(lease), error, notBefore);
    } catch (QueueUnavailableException e) {
      // the lease times out in Redis and the event is tried again then: a retry all the same
      mode.redisFailed(e.getMessage());
      throw e;
    }
  }

  @Override
  public void deadLetter(Lease lease, String error) {
    if (isLocal(lease)) {
      local.deadLetter(unwrap(lease), error);
    } else {
      onRedisOrLater(() -> primary.deadLetter(unwrap(lease), error));
    }
  }

  @Override
  public QueueStats stats() {
    QueueStats here = local.stats();
    QueueStats remote = remote(primary::stats, new QueueStats(0, 0, 0, 0, 0));
    return new QueueStats(
        here.ready() + remote.ready(),
        here.inFlight() + remote.inFlight(),
        here.retry() + remote.retry(),
        here.dead() + remote.dead(),
        here.quarantine() + remote.quarantine());
  }

  /**
   * Pages through the local entries first (cursors starting {@code m:}), then Redis's ({@code r:});
   * while Redis is away only the local ones.
   */
  @Override
  public Page browse(QueueSection section, String cursor, int limit) {
    if (cursor == null || cursor.startsWith(LOCAL)) {
      Page here = local.browse(section, cursor == null ? null : strip(cursor), limit);
      if (here.nextCursor() != null) {
        return new Page(here.entries(), LOCAL + here.nextCursor());
      }
      if (!here.entries().isEmpty() || mode.redisAway()) {
        return new Page(here.entries(), mode.redisAway() ? null : REDIS);
      }
      cursor = REDIS;
    }
    if (!cursor.startsWith(REDIS)) {
      throw new IllegalArgumentException("not a cursor of this queue: " + cursor);
    }
    String from = strip(cursor);
    Page remote =
        remote(
            () -> primary.browse(section, from.isEmpty() ? null : from, limit),
            new Page(List.of(), null));
    return new Page(
        remote.entries(), remote.nextCursor() == null ? null : REDIS + remote.nextCursor());
  }

  @Override
  public Optional<QueueEntry> find(DeliveryId deliveryId) {
    Optional<QueueEntry> here = local.find(deliveryId);
    return here.isPresent() ? here : remote(() -> primary.find(deliveryId), here);
  }

  @Override
  public boolean requeue(DeliveryId deliveryId) {
    return local.requeue(deliveryId) || remote(() -> primary.requeue(deliveryId), false);
  }

  @Override
  public boolean delete(DeliveryId deliveryId) {
    boolean removed = local.delete(deliveryId);
    return remote(() -> primary.delete(deliveryId), false) || removed;
  }

  @Override
  public long purge(QueueSection section) {
    return local.purge(section) + remote(() -> primary.purge(section), 0L);
  }

  /** Stops the prober and closes Redis; the spool stays on disk if anything is left in it. */
  @Override
  public void close() {
    prober.shutdownNow();
    try {
      prober.awaitTermination(primary.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    primary.close();
    local.close();
  }

  /** One probe: notices an outage early, or ends one. Runs on the prober thread. */
  void probe() {
    try {
      primary.ping();
      replayDeferred();
      if (mode.startDraining() || mode.draining()) {
        drain();
      }
    } catch (QueueUnavailableException e) {
      mode.redisFailed(e.getMessage());
    } catch (RuntimeException e) {
      log.error("failover prober: {}", e.toString(), e);
    }
  }

  private void replayDeferred() {
    Runnable next;
    while ((next = deferred.peek()) != null) {
      next.run();
      deferred.poll();
    }
  }

  /** Hands the local entries to Redis; ends the failover when nothing is left here. */
  private void drain() {
    if (local.drainInto(primary, mode::draining)
        && local.deleteJournalIfSettled(mode::endDraining)) {
      mode.announceEnded();
    }
  }

  /**
   * Asks Redis unless it is known to be away; if it is, or does not answer (which starts the
   * failover), asks {@code otherwise}.
   */
  private <T> T onRedisOr(Supplier<T> onRedis, Supplier<T> otherwise) {
    if (!mode.redisAway()) {
      try {
        return onRedis.get();
      } catch (QueueUnavailableException e) {
        mode.redisFailed(e.getMessage());
      }
    }
    return otherwise.get();
  }

  private void onRedisOr(Runnable onRedis, Runnable otherwise) {
    onRedisOr(
        () -> {
          onRedis.run();
          return null;
        },
        () -> {
          otherwise.run();
          return null;
        });
  }

  /** A value from Redis, or {@code whenDown} while it is away. */
  private <T> T remote(Supplier<T> call, T whenDown) {
    return onRedisOr(call, () -> whenDown);
  }

  /** A settlement on Redis, or replayed once Redis answers again. */
  private void onRedisOrLater(Runnable call) {
    onRedisOr(call, () -> deferred.add(call));
  }

  private static boolean isLocal(Lease lease) {
    requireNonNull(lease, "lease == null");
    return lease.token().startsWith(LOCAL);
  }

  private static Lease wrap(Lease l, String origin) {
    return new Lease(l.event(), l.attempt(), l.completedSteps(), origin + l.token(), l.expiresAt());
  }

  private static Lease unwrap(Lease l) {
    return new Lease(l.event(), l.attempt(), l.completedSteps(), strip(l.token()), l.expiresAt());
  }

  private static String strip(String tagged) {
    return tagged.substring(2);
  }

  /** Collects the parts; {@link #build()} validates them, replays a left spool, starts probing. */
  public static final class Builder {
    private RedisEventQueue primary;
    private InMemoryEventQueue fallback;
    private Path spoolFile = DEFAULT_SPOOL_FILE;
    private Duration probeInterval = DEFAULT_PROBE_INTERVAL;
    private GitBridgeListener listener = GitBridgeListener.NOOP;
    private Clock clock;

    private Builder() {}

    /** The Redis queue; required. Closed with this queue. */
    public Builder primary(RedisEventQueue primary) {
      this.primary = requireNonNull(primary, "primary == null");
      return this;
    }

    /**
     * The in-process queue used while Redis is away; default one with the primary's max size, lease
     * timeout and retry policy, on this builder's clock.
     */
    public Builder fallback(InMemoryEventQueue fallback) {
      this.fallback = requireNonNull(fallback, "fallback == null");
      return this;
    }

    /** The append-only journal of events accepted during an outage. */
    public Builder spoolFile(Path spoolFile) {
      this.spoolFile = requireNonNull(spoolFile, "spoolFile == null");
      return this;
    }

    /** How often Redis is pinged to notice an outage early and to notice it ended. */
    public Builder probeInterval(Duration probeInterval) {
      this.probeInterval = requireNonNull(probeInterval, "probeInterval == null");
      return this;
    }

    /** Told when the failover starts and ends ({@code gitbridge_queue_failover_active}). */
    public Builder listener(GitBridgeListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * The clock of the default fallback queue and of retry times in the drain; default the
     * primary's.
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * @throws IllegalStateException if no primary was given
     * @throws IllegalArgumentException if the probe interval is not positive
     * @throws QueueUnavailableException if a spool left by an earlier process cannot be read
     */
    public FailoverEventQueue build() {
      if (primary == null) {
        throw new IllegalStateException("a failover queue needs its primary RedisEventQueue");
      }
      if (probeInterval.toMillis() < 1) {
        throw new IllegalArgumentException("probe interval must be at least 1 ms");
      }
      return new FailoverEventQueue(this);
    }
  }
}
