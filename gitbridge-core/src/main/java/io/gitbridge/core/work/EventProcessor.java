package io.gitbridge.core.work;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.GitBridgeListener.ProcessOutcome;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.github.GitHubApi;
import io.gitbridge.core.github.GitHubApiSelector;
import io.gitbridge.core.queue.Disposition;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.task.ChainRunner;
import io.gitbridge.core.task.Router;
import io.gitbridge.core.task.Step;
import io.gitbridge.core.task.TaskContext;
import io.gitbridge.core.task.TaskResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one leased event: picks its chain, runs it from its checkpoint, and acks, retries or
 * dead-letters it. Knows nothing of threads: the {@link WorkerPool} and the testkit's synchronous
 * harness both drive it. Thread-safe.
 *
 * <p>No step starts within {@link #LEASE_MARGIN} of the end of the lease: after it another worker
 * may take the event over, and two workers must never run one event at once. The chain stops there,
 * checkpointed, and the next attempt resumes. A single step must therefore finish within the lease
 * timeout; the GitHub client's own bounds (call timeout, longest wait) keep a GitHub step far below
 * the default five minutes.
 *
 * <p>Each attempt asks the {@link GitHubApiSelector} for the {@link GitHubApi} its tasks see in
 * {@link TaskContext#gitHub()}; an event without a route never asks.
 */
public final class EventProcessor {
  private static final Logger log = LoggerFactory.getLogger(EventProcessor.class);

  /** How long before its lease ends a chain stops starting steps. */
  public static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

  private final EventQueue queue;
  private final Router router;
  private final GitHubApiSelector gitHub;
  private final Clock clock;
  private final GitBridgeListener listener;

  /** Every event's tasks call GitHub through {@code gitHub}. */
  public EventProcessor(
      EventQueue queue, Router router, GitHubApi gitHub, Clock clock, GitBridgeListener listener) {
    this(
        queue,
        router,
        GitHubApiSelector.always(requireNonNull(gitHub, "gitHub == null")),
        clock,
        listener);
  }

  /** Each event's tasks call GitHub through the API {@code gitHub} chooses for it. */
  public EventProcessor(
      EventQueue queue,
      Router router,
      GitHubApiSelector gitHub,
      Clock clock,
      GitBridgeListener listener) {
    this.queue = requireNonNull(queue, "queue == null");
    this.router = requireNonNull(router, "router == null");
    this.gitHub = requireNonNull(gitHub, "gitHub == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.listener = requireNonNull(listener, "listener == null");
  }

  /** Runs one lease to its end; returns how it ended. Never throws for a task's failure. */
  public ProcessOutcome process(Lease lease) {
    WebhookEvent event = lease.event();
    List<Step> steps = router.stepsFor(event);
    ProcessOutcome outcome;
    if (steps.isEmpty()) {
      log.debug("{}: no route; acked", event);
      queue.ack(lease);
      outcome = ProcessOutcome.NO_ROUTE;
    } else {
      outcome = settle(lease, run(lease, steps));
    }
    listener.eventProcessed(
        event.type(), outcome, Duration.between(event.receivedAt(), clock.instant()));
    return outcome;
  }

  private TaskResult run(Lease lease, List<Step> steps) {
    WebhookEvent event = lease.event();
    GitHubApi api;
    try {
      api = gitHub.forEvent(event);
    } catch (RuntimeException e) {
      return TaskResult.retryLater("choosing the GitHub API for the event failed: " + e);
    }
    if (api == null) {
      return TaskResult.retryLater(
          "choosing the GitHub API for the event failed: it returned null");
    }
    ChainRunner runner =
        new ChainRunner(
            steps,
            done -> queue.checkpoint(lease, done),
            clock,
            lease.expiresAt().minus(LEASE_MARGIN));
    TaskContext context = new TaskContext(event, api, clock, lease.attempt(), 0);
    return runner.run(context, lease.completedSteps());
  }

  private ProcessOutcome settle(Lease lease, TaskResult result) {
    WebhookEvent event = lease.event();
    if (result instanceof TaskResult.Done) {
      queue.ack(lease);
      log.info("{}: succeeded on attempt {}", event, lease.attempt());
      return ProcessOutcome.SUCCEEDED;
    }
    if (result instanceof TaskResult.RetryLater retry) {
      Disposition d = queue.retryLater(lease, retry.reason(), retry.notBefore());
      switch (d.kind()) {
        case RETRY:
          log.warn(
              "{}: attempt {} failed, retrying at {}: {}",
              event,
              lease.attempt(),
              d.retryAt(),
              retry.reason());
          return ProcessOutcome.RETRIED;
        case DEAD_LETTER:
          log.error(
              "{}: attempt {} failed, retries used up, dead-lettered: {}",
              event,
              lease.attempt(),
              retry.reason());
          return ProcessOutcome.DEAD_LETTERED;
        default:
          log.warn("{}: lease lost before the failure could be recorded", event);
          return ProcessOutcome.RETRIED;
      }
    }
    TaskResult.Failed failed = (TaskResult.Failed) result;
    queue.deadLetter(lease, failed.reason());
    log.error("{}: failed for good, dead-lettered: {}", event, failed.reason());
    return ProcessOutcome.DEAD_LETTERED;
  }
}
