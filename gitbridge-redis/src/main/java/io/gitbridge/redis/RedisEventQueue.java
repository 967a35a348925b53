package io.gitbridge.redis;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.health.HealthCheck;
import io.gitbridge.core.queue.Disposition;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.core.queue.Page;
import io.gitbridge.core.queue.QuarantinedDelivery;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.queue.QueueStats;
import io.gitbridge.redis.RedisScripts.Script;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.UnifiedJedis;

/**
 * An {@link EventQueue} in Redis: a stream with one consumer group holds ready and in-flight
 * events, sorted sets hold lease deadlines, due retries, dead letters and quarantine, and a hash
 * per event holds its body, attempts and checkpoint. Every operation is one Lua script, so each is
 * atomic and several GitBridge processes can share one queue. {@code docs/redis.md} describes the
 * keys.
 *
 * <p>Time comes from the injected {@link Clock} and is passed into the scripts: lease expiry, retry
 * due times and "updated" stamps follow it, so a manual clock drives them in tests, and nodes must
 * keep their clocks in sync (NTP) as with any lease. Lease expiry is therefore checked by this code
 * (a sorted set of deadlines, reclaimed with {@code XCLAIM}) rather than by {@code XAUTOCLAIM},
 * which measures idle time on Redis's clock.
 *
 * <p>Thread-safe; calls share a pool of connections. Every call is bounded by {@link
 * Builder#timeout}; a Redis that cannot be reached, answers too late or answers an error throws
 * {@link io.gitbridge.core.queue.QueueUnavailableException}. No Jedis type or exception leaves this
 * class. {@link #build} does not contact Redis, so a queue can be built while Redis is down.
 */
public final class RedisEventQueue implements EventQueue {
  public static final String DEFAULT_URL = "redis://127.0.0.1:6379/0";
  public static final String DEFAULT_KEY_PREFIX = "gitbridge";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  public static final int DEFAULT_MAX_CONNECTIONS = 32;

  private final RedisUrl url;
  private final RedisKeys keys;
  private final QueuePolicy policy;
  private final Duration timeout;
  private final UnifiedJedis redis;
  private final RedisScripts scripts;
  private final RedisSections sections;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisEventQueue(Builder b, RedisUrl url) {
    this.url = url;
    this.keys = new RedisKeys(b.keyPrefix);
    this.policy = b.policy;
    this.timeout = b.timeout;
    this.redis = RedisClients.create(url, b.timeout, b.maxConnections);
    this.scripts = new RedisScripts(redis);
    this.sections = new RedisSections(scripts, keys, policy.clock(), policy.dedupeWindow());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where Redis is; its {@code toString()} masks the password. */
  public RedisUrl url() {
    return url;
  }

  /**
   * The prefix inside the hash tag, for example {@code gitbridge} for keys {@code {gitbridge}:*}.
   */
  public String keyPrefix() {
    return keys.group;
  }

  /** Size, lease, dedupe, retries, clock and jitter: what every queue adapter shares. */
  public QueuePolicy policy() {
    return policy;
  }

  /** The bound on each Redis call. */
  public Duration timeout() {
    return timeout;
  }

  /** A readiness check that pings Redis, named {@code redis}. */
  public HealthCheck healthCheck() {
    return new RedisHealthCheck(this);
  }

  @Override
  public OfferResult offer(WebhookEvent event) {
    requireNonNull(event, "event == null");
    List<String> args = eventArguments(event);
    args.add(Integer.toString(policy.maxSize()));
    return OfferResult.valueOf(RedisReplies.text(scripts.run(Script.OFFER, enqueueKeys(), args)));
  }

  @Override
  public void quarantine(QuarantinedDelivery delivery) {
    requireNonNull(delivery, "delivery == null");
    scripts.run(
        Script.QUARANTINE,
        List.of(keys.quarantine),
        List.of(
            keys.prefix,
            delivery.deliveryId().value(),
            delivery.type(),
            delivery.body(),
            delivery.reason(),
            delivery.receivedAt().toString(),
            now()));
  }

  @Override
  public List<Lease> lease(String consumer, int max) {
    requireNonNull(consumer, "consumer == null");
    if (max < 1) {
      return List.of();
    }
    long now = policy.clock().millis();
    Object reply =
        scripts.run(
            Script.LEASE,
            List.of(keys.ready, keys.leases, keys.retry, keys.dead),
            List.of(
                keys.prefix,
                keys.group,
                consumer,
                Integer.toString(max),
                Long.toString(now),
                Long.toString(now + policy.leaseTimeout().toMillis()),
                Integer.toString(policy.retryPolicy().maxRetries() + 1)));
    List<Lease> leases = new ArrayList<>();
    for (Object item : RedisReplies.list(reply)) {
      leases.add(RedisReplies.lease(RedisReplies.list(item)));
    }
    return leases;
  }

  @Override
  public void checkpoint(Lease lease, int completedSteps) {
    requireNonNull(lease, "lease == null");
    scripts.run(
        Script.CHECKPOINT,
        List.of(keys.event(lease.event().deliveryId().value())),
        List.of(
            keys.prefix,
            lease.event().deliveryId().value(),
            lease.token(),
            Integer.toString(completedSteps)));
  }

  @Override
  public void ack(Lease lease) {
    requireNonNull(lease, "lease == null");
    scripts.run(
        Script.ACK,
        List.of(keys.ready, keys.leases),
        List.of(keys.prefix, keys.group, lease.event().deliveryId().value(), lease.token()));
  }

  @Override
  public Disposition retryLater(Lease lease, String error, Duration notBefore) {
    requireNonNull(lease, "lease == null");
    if (!policy.retryPolicy().allowsRetryAfter(lease.attempt())) {
      return settle(lease, "dead", error, 0) ? Disposition.deadLetter() : Disposition.staleLease();
    }
    Duration delay = policy.retryPolicy().delay(lease.attempt(), policy.random());
    if (notBefore != null && notBefore.compareTo(delay) > 0) {
      delay = notBefore;
    }
    long due = policy.clock().millis() + delay.toMillis();
    return settle(lease, "retry", error, due)
        ? Disposition.retryAt(Instant.ofEpochMilli(due))
        : Disposition.staleLease();
  }

  @Override
  public void deadLetter(Lease lease, String error) {
    requireNonNull(lease, "lease == null");
    settle(lease, "dead", error, 0);
  }

  private boolean settle(Lease lease, String outcome, String error, long due) {
    String answer =
        text(
            Script.SETTLE,
            List.of(keys.ready, keys.leases, keys.retry, keys.dead),
            keys.prefix,
            keys.group,
            lease.event().deliveryId().value(),
            lease.token(),
            outcome,
            error == null ? "" : error,
            now(),
            Long.toString(due));
    return !answer.equals("STALE");
  }

  @Override
  public QueueStats stats() {
    return sections.stats();
  }

  @Override
  public Page browse(QueueSection section, String cursor, int limit) {
    return sections.browse(section, cursor, limit);
  }

  @Override
  public Optional<QueueEntry> find(DeliveryId deliveryId) {
    return sections.find(deliveryId);
  }

  @Override
  public boolean requeue(DeliveryId deliveryId) {
    return sections.requeue(deliveryId);
  }

  @Override
  public boolean delete(DeliveryId deliveryId) {
    return sections.delete(deliveryId);
  }

  @Override
  public long purge(QueueSection section) {
    return sections.purge(section);
  }

  /**
   * Takes over an event kept elsewhere (the failover store) with its state; a delivery id Redis
   * already knows is a {@link OfferResult#DUPLICATE}, so repeating this is safe. Never {@link
   * OfferResult#FULL}: the event was accepted already.
   */
  OfferResult adopt(
      WebhookEvent event,
      QueueSection section,
      int attempts,
      int completedSteps,
      String lastError,
      Instant dueAt) {
    List<String> args = eventArguments(event);
    args.addAll(
        List.of(
            section.label(),
            Integer.toString(attempts),
            Integer.toString(completedSteps),
            lastError == null ? "" : lastError,
            dueAt == null ? "0" : Long.toString(dueAt.toEpochMilli())));
    return OfferResult.valueOf(RedisReplies.text(scripts.run(Script.ADOPT, enqueueKeys(), args)));
  }

  /** Sends {@code PING}; throws {@link io.gitbridge.core.queue.QueueUnavailableException}. */
  void ping() {
    scripts.call("PING", UnifiedJedis::ping);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      redis.close();
    }
  }

  private List<String> enqueueKeys() {
    return List.of(keys.ready, keys.retry, keys.dead);
  }

  /** What the enqueueing scripts (offer, adopt) all take first: the event and the dedupe window. */
  private List<String> eventArguments(WebhookEvent event) {
    return new ArrayList<>(
        List.of(
            keys.prefix,
            keys.group,
            event.deliveryId().value(),
            event.type(),
            event.body(),
            event.receivedAt().toString(),
            now(),
            Long.toString(policy.dedupeWindow().toMillis())));
  }

  private String now() {
    return Long.toString(policy.clock().millis());
  }

  private String text(Script script, List<String> scriptKeys, String... args) {
    return RedisReplies.text(scripts.run(script, scriptKeys, List.of(args)));
  }

  /** Collects settings; {@link #build()} validates them. Every setting has a {@code DEFAULT_*}. */
  public static final class Builder {
    private String url = DEFAULT_URL;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private QueuePolicy policy = QueuePolicy.DEFAULT;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration taskTimeout;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;

    private Builder() {}

    /** {@code queue.redis_url}: {@code redis://}, {@code rediss://} or a Sentinel URL. */
    public Builder url(String url) {
      this.url = requireNonNull(url, "url == null");
      return this;
    }

    /** The name inside the hash tag of every key: {@code gitbridge} gives {@code {gitbridge}:*}. */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = requireNonNull(keyPrefix, "keyPrefix == null");
      return this;
    }

    /**
     * Size, lease timeout, dedupe window, retries, clock and jitter; default {@link
     * QueuePolicy#DEFAULT}.
     */
    public Builder policy(QueuePolicy policy) {
      this.policy = requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * The longest one attempt at a chain may run, if the caller bounds it; {@link #build()} then
     * refuses a lease timeout that is not longer, so two workers never run one event at once.
     */
    public Builder taskTimeout(Duration taskTimeout) {
      this.taskTimeout = requireNonNull(taskTimeout, "taskTimeout == null");
      return this;
    }

    /** {@code queue.timeout}: bounds every Redis call (connect, read, waiting for a connection). */
    public Builder timeout(Duration timeout) {
      this.timeout = requireNonNull(timeout, "timeout == null");
      return this;
    }

    /** The most connections this process opens to Redis. */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Validates the settings and creates the client; does not contact Redis (a Sentinel URL asks
     * the Sentinels for the master, and throws {@link
     * io.gitbridge.core.queue.QueueUnavailableException} if none answers).
     *
     * @throws io.gitbridge.core.ConfigurationException if the URL is malformed
     * @throws IllegalArgumentException if a setting is out of range
     */
    public RedisEventQueue build() {
      RedisUrl parsed = RedisUrl.parse(url);
      if (!RedisKeys.isValidName(keyPrefix)) {
        throw new IllegalArgumentException(
            "key prefix must be 1 to 64 visible ASCII characters without braces: " + keyPrefix);
      }
      if (timeout.toMillis() < 1) {
        throw new IllegalArgumentException("queue timeout must be at least 1 ms");
      }
      if (taskTimeout != null && policy.leaseTimeout().compareTo(taskTimeout) <= 0) {
        throw new IllegalArgumentException(
            "lease timeout ("
                + policy.leaseTimeout()
                + ") must be longer than the task timeout ("
                + taskTimeout
                + "), or two workers could run one event at once");
      }
      if (maxConnections < 1) {
        throw new IllegalArgumentException("max connections must be at least 1");
      }
      try {
        return new RedisEventQueue(this, parsed);
      } catch (redis.clients.jedis.exceptions.JedisException e) {
        throw new io.gitbridge.core.queue.QueueUnavailableException(
            "redis: cannot connect to " + parsed + ": " + e.getMessage(), e);
      }
    }
  }
}
