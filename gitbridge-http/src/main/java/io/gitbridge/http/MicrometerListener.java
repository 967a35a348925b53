package io.gitbridge.http;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.ingest.IngestOutcome;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.http.internal.BoundedLabels;
import io.gitbridge.http.internal.CachedQueueStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Micrometer binding of the core's {@link GitBridgeListener}: turns what the core reports into
 * the metrics named in the design's contract. On a Prometheus registry they appear as
 *
 * <ul>
 *   <li>{@code gitbridge_webhooks_received_total{event,outcome}}
 *   <li>{@code gitbridge_events_processed_total{event,outcome}}
 *   <li>{@code gitbridge_event_latency_seconds} (histogram; received → chain finished, for the
 *       attempts that end an event: succeeded, dead-lettered, no route)
 *   <li>{@code gitbridge_queue_failover_active} (0 or 1)
 *   <li>{@code gitbridge_github_requests_total{endpoint,status}}
 *   <li>{@code gitbridge_queue_depth{state}}, once {@link #bindQueue} was called
 * </ul>
 *
 * <p>The {@code event} label is limited to {@value #MAX_EVENT_LABELS} distinct event names (beyond,
 * and for values that are not names, it reads {@code other}), because unsigned requests choose it.
 * Thread-safe; no method throws (a failure to record is logged and ignored).
 */
public final class MicrometerListener implements GitBridgeListener {
  /** How long the queue's counts are reused before it is asked again. */
  public static final Duration QUEUE_STATS_TTL = Duration.ofSeconds(1);

  public static final int MAX_EVENT_LABELS = 200;

  private static final Logger log = LoggerFactory.getLogger(MicrometerListener.class);

  private final MeterRegistry registry;
  private final LongSupplier nanoTime;
  private final BoundedLabels events = new BoundedLabels(MAX_EVENT_LABELS);
  private final AtomicInteger failover = new AtomicInteger();
  private final Timer eventLatency;
  private boolean queueBound;

  /**
   * @param registry where the meters go; usually a {@code PrometheusMeterRegistry}
   */
  public MicrometerListener(MeterRegistry registry) {
    this(registry, System::nanoTime);
  }

  MicrometerListener(MeterRegistry registry, LongSupplier nanoTime) {
    this.registry = requireNonNull(registry, "registry == null");
    this.nanoTime = requireNonNull(nanoTime, "nanoTime == null");
    Gauge.builder("gitbridge.queue.failover.active", failover, AtomicInteger::get)
        .description("1 while the queue runs on its local failover store")
        .register(registry);
    this.eventLatency =
        Timer.builder("gitbridge.event.latency")
            .description("From a webhook's acceptance to the end of its chain")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(registry);
  }

  /**
   * Adds the {@code gitbridge_queue_depth{state}} gauges for {@code queue}; its {@code stats()} is
   * asked at most once per {@link #QUEUE_STATS_TTL}.
   *
   * @throws IllegalStateException if a queue is already bound
   */
  public synchronized MicrometerListener bindQueue(EventQueue queue) {
    requireNonNull(queue, "queue == null");
    if (queueBound) {
      throw new IllegalStateException("a queue is already bound to these metrics");
    }
    queueBound = true;
    CachedQueueStats stats = new CachedQueueStats(queue, QUEUE_STATS_TTL, nanoTime);
    for (QueueSection section : QueueSection.values()) {
      Gauge.builder("gitbridge.queue.depth", stats, s -> s.count(section))
          .description("Events in each section of the queue")
          .tag("state", section.label())
          .strongReference(true)
          .register(registry);
    }
    return this;
  }

  @Override
  public void webhookReceived(String eventType, IngestOutcome outcome) {
    try {
      Counter.builder("gitbridge.webhooks.received")
          .description("Webhook requests answered, by event type and outcome")
          .tag("event", events.label(eventType))
          .tag("outcome", outcome.label())
          .register(registry)
          .increment();
    } catch (RuntimeException e) {
      log.warn("could not record a webhook: {}", e.toString());
    }
  }

  @Override
  public void eventProcessed(String eventType, ProcessOutcome outcome, Duration sinceReceived) {
    try {
      Counter.builder("gitbridge.events.processed")
          .description("Attempts at events' chains, by event type and outcome")
          .tag("event", events.label(eventType))
          .tag("outcome", outcome.label())
          .register(registry)
          .increment();
      if (outcome != ProcessOutcome.RETRIED && !sinceReceived.isNegative()) {
        eventLatency.record(sinceReceived);
      }
    } catch (RuntimeException e) {
      log.warn("could not record a processed event: {}", e.toString());
    }
  }

  @Override
  public void gitHubRequest(GitHubEndpoint endpoint, int status) {
    try {
      Counter.builder("gitbridge.github.requests")
          .description("Requests to GitHub, by endpoint and status (0: no answer)")
          .tag("endpoint", endpoint.label())
          .tag("status", Integer.toString(status))
          .register(registry)
          .increment();
    } catch (RuntimeException e) {
      log.warn("could not record a GitHub request: {}", e.toString());
    }
  }

  @Override
  public void failoverChanged(boolean active) {
    failover.set(active ? 1 : 0);
  }
}
