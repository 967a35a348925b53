package io.gitbridge.testkit;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.GitBridge;
import io.gitbridge.core.GitBridgeListener.ProcessOutcome;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.ingest.IngestResult;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.queue.QueueStats;
import io.gitbridge.core.queue.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a {@link GitBridge} synchronously for tests: {@link #deliver} signs and ingests a payload as
 * GitHub would, {@link #drain} processes everything that is ready on the calling thread, {@link
 * #advance} moves the manual clock so that retries fall due. No threads, no sleeping, no sockets.
 *
 * <pre>{@code
 * try (GitBridgeHarness h = GitBridgeHarness.create(b -> b.routeDefinitions(routes))) {
 *   h.deliver(Payloads.PULL_REQUEST_OPENED);
 *   h.drain();
 *   assertThat(h.gitHub().requests()).hasSize(2);
 * }
 * }</pre>
 *
 * Not thread-safe; one harness per test.
 */
public final class GitBridgeHarness implements AutoCloseable {
  /** Safety bound for {@link #drain()}: no test needs more, a loop would. */
  public static final int MAX_DRAIN = 100_000;

  private final ManualClock clock = new ManualClock();
  private final RecordingGitHubApi gitHub = new RecordingGitHubApi();
  private final GitBridge bridge;

  private GitBridgeHarness(Consumer<GitBridge.Builder> customizer, RetryPolicy retryPolicy) {
    InMemoryEventQueue queue =
        new InMemoryEventQueue(QueuePolicy.builder().clock(clock).retryPolicy(retryPolicy).build());
    GitBridge.Builder builder =
        GitBridge.builder()
            .clock(clock)
            .queue(queue)
            .gitHub(gitHub)
            .webhookSecret(Payloads.TEST_SECRET);
    customizer.accept(builder);
    this.bridge = builder.build();
  }

  /**
   * A harness whose bridge has a manual clock, an in-memory queue with the default retry policy, a
   * recording GitHub and the secret {@link Payloads#TEST_SECRET}; {@code customizer} adds routes
   * and may replace any of those.
   */
  public static GitBridgeHarness create(Consumer<GitBridge.Builder> customizer) {
    return new GitBridgeHarness(customizer, RetryPolicy.DEFAULT);
  }

  /** As {@link #create(Consumer)} with another retry policy for the in-memory queue. */
  public static GitBridgeHarness create(
      RetryPolicy retryPolicy, Consumer<GitBridge.Builder> customizer) {
    return new GitBridgeHarness(customizer, requireNonNull(retryPolicy, "retryPolicy == null"));
  }

  /** Delivers a shipped payload (see {@link Payloads}) with a fresh delivery id. */
  public IngestResult deliver(String payloadName) {
    return deliver(Payloads.eventTypeOf(payloadName), Payloads.read(payloadName));
  }

  /** Delivers {@code body} as an event of {@code eventType} with a fresh delivery id. */
  public IngestResult deliver(String eventType, String body) {
    return deliver(eventType, Payloads.newDeliveryId(), body);
  }

  /** Delivers {@code body} with a given delivery id, signed with the test secret. */
  public IngestResult deliver(String eventType, DeliveryId deliveryId, String body) {
    return bridge
        .ingestor()
        .ingest(Payloads.signedRequest(eventType, deliveryId, body, Payloads.TEST_SECRET));
  }

  /** Processes every event that is ready now, one at a time; returns how each attempt ended. */
  public List<ProcessOutcome> drain() {
    List<ProcessOutcome> outcomes = new ArrayList<>();
    EventQueue queue = bridge.queue();
    for (int i = 0; i < MAX_DRAIN; i++) {
      List<Lease> leases = queue.lease("harness", 1);
      if (leases.isEmpty()) {
        return outcomes;
      }
      outcomes.add(bridge.processor().process(leases.get(0)));
    }
    throw new IllegalStateException("drain() processed " + MAX_DRAIN + " events and goes on");
  }

  /**
   * Drains, then keeps advancing the clock by {@code step} and draining while events wait to be
   * retried, until none is live; returns every attempt's outcome.
   */
  public List<ProcessOutcome> drainWithRetries(Duration step) {
    List<ProcessOutcome> outcomes = new ArrayList<>(drain());
    for (int i = 0; i < 1000 && bridge.queue().stats().live() > 0; i++) {
      clock.advance(step);
      outcomes.addAll(drain());
    }
    return outcomes;
  }

  /** Moves the bridge's clock forward. */
  public GitBridgeHarness advance(Duration duration) {
    clock.advance(duration);
    return this;
  }

  public QueueStats stats() {
    return bridge.queue().stats();
  }

  public RecordingGitHubApi gitHub() {
    return gitHub;
  }

  public ManualClock clock() {
    return clock;
  }

  public GitBridge bridge() {
    return bridge;
  }

  @Override
  public void close() {
    bridge.close();
  }
}
