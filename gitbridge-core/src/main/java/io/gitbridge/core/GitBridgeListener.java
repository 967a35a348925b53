package io.gitbridge.core;

import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.ingest.IngestOutcome;
import java.time.Duration;

/**
 * The observability port: the core says what happened, an edge adapter (the Micrometer binding in
 * {@code gitbridge-http}) turns it into metrics. Every method has an empty default, so a listener
 * overrides only what it needs; {@link #NOOP} ignores everything.
 *
 * <p>Methods are called on the thread that did the work, often a worker or an HTTP thread:
 * implementations must be thread-safe and quick, and must not throw. Several listeners (metrics and
 * notifications, say) are combined with {@link #all}.
 */
public interface GitBridgeListener {
  /** Ignores everything. */
  GitBridgeListener NOOP = new GitBridgeListener() {};

  /**
   * One listener that tells each of {@code listeners}, in order, of every call. One that throws,
   * against the contract, is logged and does not keep the call from the others.
   *
   * @return {@link #NOOP} for none, the listener itself for one
   * @throws NullPointerException if {@code listeners} or one of them is null
   */
  static GitBridgeListener all(GitBridgeListener... listeners) {
    return CompositeListener.of(listeners);
  }

  /** A webhook request was answered; {@code eventType} is {@code "unknown"} when absent. */
  default void webhookReceived(String eventType, IngestOutcome outcome) {}

  /**
   * An attempt at an event's chain ended.
   *
   * @param sinceReceived from acceptance to now, the end-to-end latency
   */
  default void eventProcessed(String eventType, ProcessOutcome outcome, Duration sinceReceived) {}

  /** A request to GitHub was answered with {@code status}, or failed to be (status 0). */
  default void gitHubRequest(GitHubEndpoint endpoint, int status) {}

  /** The queue switched to (true) or back from (false) its local failover store. */
  default void failoverChanged(boolean active) {}

  /** How one attempt at an event ended, as {@code gitbridge_events_processed_total} labels it. */
  enum ProcessOutcome {
    SUCCEEDED,
    RETRIED,
    DEAD_LETTERED,
    NO_ROUTE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
