package io.gitbridge.redis;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.health.Health;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a {@link FailoverEventQueue} stands — Redis working, away, or back and being drained into —
 * and the one place that changes it, logs the change, tells the listener, and reports it as health.
 * Transitions are synchronized; reads are volatile. The listener hears of a change just after it
 * happens, outside the lock.
 */
final class FailoverMode {
  private static final Logger log = LoggerFactory.getLogger(FailoverEventQueue.class);

  /** Where new events go. */
  enum State {
    /** Redis works. */
    NORMAL,
    /** Redis is away: memory and spool. */
    DEGRADED,
    /** Redis is back; the spool is being drained into it. */
    DRAINING
  }

  private final GitBridgeListener listener;
  private final Clock clock;
  private final RedisUrl redis;
  private final Path spool;
  private volatile State state = State.NORMAL;
  private volatile Instant degradedSince;
  private volatile String lastFailure = "";

  FailoverMode(GitBridgeListener listener, Clock clock, RedisUrl redis, Path spool) {
    this.listener = requireNonNull(listener, "listener == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.redis = requireNonNull(redis, "redis == null");
    this.spool = requireNonNull(spool, "spool == null");
  }

  State state() {
    return state;
  }

  /** Redis is known to be away: do not ask it. */
  boolean redisAway() {
    return state == State.DEGRADED;
  }

  boolean draining() {
    return state == State.DRAINING;
  }

  /** Redis failed: from now on events stay here; the listener hears of it once per outage. */
  void redisFailed(String reason) {
    State before;
    synchronized (this) {
      lastFailure = reason;
      before = state;
      if (before == State.DEGRADED) {
        return;
      }
      state = State.DEGRADED;
      degradedSince = clock.instant();
    }
    log.warn("redis unavailable ({}); keeping events in memory and in {}", reason, spool);
    if (before == State.NORMAL) {
      listener.failoverChanged(true);
    }
  }

  /** Redis answers again: start draining, if it was away. */
  synchronized boolean startDraining() {
    if (state != State.DEGRADED) {
      return false;
    }
    log.info("redis at {} answers again; draining {}", redis, spool);
    state = State.DRAINING;
    return true;
  }

  /** Everything drained: back to normal, unless Redis failed again meanwhile. */
  synchronized boolean endDraining() {
    if (state != State.DRAINING) {
      return false;
    }
    state = State.NORMAL;
    return true;
  }

  /** Says that the failover is over; call after {@link #endDraining()} returned true. */
  void announceEnded() {
    log.info("failover over: {} drained into redis at {}", spool, redis);
    listener.failoverChanged(false);
  }

  Health health() {
    return switch (state) {
      case NORMAL -> Health.up("redis at " + redis);
      case DEGRADED ->
          Health.degraded(
              "redis unavailable since "
                  + degradedSince
                  + " ("
                  + lastFailure
                  + "); events kept in memory and spooled to "
                  + spool);
      case DRAINING -> Health.degraded("redis is back; draining " + spool);
    };
  }
}
