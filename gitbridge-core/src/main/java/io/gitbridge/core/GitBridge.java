package io.gitbridge.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.github.GitHubApi;
import io.gitbridge.core.github.GitHubApiSelector;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.github.UnavailableGitHubApi;
import io.gitbridge.core.ingest.WebhookIngestor;
import io.gitbridge.core.ingest.WebhookSignature;
import io.gitbridge.core.queue.EventIntake;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.core.queue.QuarantinedDelivery;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.task.Route;
import io.gitbridge.core.task.Router;
import io.gitbridge.core.task.TaskFactory;
import io.gitbridge.core.task.TaskRegistry;
import io.gitbridge.core.tasks.BuiltInTasks;
import io.gitbridge.core.tasks.WebhookSender;
import io.gitbridge.core.work.EventProcessor;
import io.gitbridge.core.work.WorkSignal;
import io.gitbridge.core.work.WorkerPool;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One GitBridge: the ingestor that front ends call, the queue, and the workers that run chains.
 *
 * <p>Wire it with {@link #builder()}; every setting has a {@code DEFAULT_*} and is checked in
 * {@link Builder#build()}. {@link #start()} starts the workers, {@link #close()} stops them and
 * closes the queue. The ingestor works before {@code start()}: events accepted then wait in the
 * queue.
 *
 * <pre>{@code
 * GitBridge bridge = GitBridge.builder()
 *     .webhookSecret(System.getenv("WEBHOOK_SECRET"))
 *     .gitHub(gitHub)
 *     .route(Route.on("pull_request.opened").step("hello", chain -> chain.proceed()).build())
 *     .build();
 * bridge.start();
 * }</pre>
 *
 * <p>GitHub is either one {@link GitHubApi} for every event ({@link Builder#gitHub}, a token) or
 * chosen per event ({@link Builder#gitHubPerEvent}, a GitHub App acting as each event's
 * installation).
 */
public final class GitBridge implements AutoCloseable {
  public static final int DEFAULT_WORKERS = 4;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private final EventQueue queue;
  private final WebhookIngestor ingestor;
  private final EventProcessor processor;
  private final WorkerPool workers;
  private final Router router;
  private final GitHubApi gitHub;
  private final GitHubApiSelector gitHubSelector;

  private GitBridge(Builder b, List<Route> routes) {
    this.queue =
        b.queue != null
            ? b.queue
            : new InMemoryEventQueue(QueuePolicy.builder().clock(b.clock).build());
    if (b.gitHubSelector != null) {
      this.gitHubSelector = b.gitHubSelector;
      this.gitHub =
          new UnavailableGitHubApi(
              "this GitBridge chooses the GitHub API per event (gitHubPerEvent); use"
                  + " gitHubSelector().forEvent(event)");
    } else {
      this.gitHub = b.gitHub != null ? b.gitHub : new RecordingGitHubApi().logRequests(true);
      this.gitHubSelector = GitHubApiSelector.always(gitHub);
    }
    this.router = new Router(routes);
    WorkSignal signal = new WorkSignal();
    this.ingestor =
        new WebhookIngestor(
            new SignallingIntake(queue, signal),
            new WebhookSignature(b.webhookSecrets),
            b.maxPayloadBytes,
            b.clock,
            b.listener);
    this.processor = new EventProcessor(queue, router, gitHubSelector, b.clock, b.listener);
    this.workers =
        new WorkerPool(
            queue, processor, signal, b.workers, b.pollInterval, b.shutdownGrace, b.consumerName);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What webhook front ends hand requests to. */
  public WebhookIngestor ingestor() {
    return ingestor;
  }

  public EventQueue queue() {
    return queue;
  }

  /** Processes single leases; for harnesses that drive the queue themselves. */
  public EventProcessor processor() {
    return processor;
  }

  public Router router() {
    return router;
  }

  /**
   * The API given to {@link Builder#gitHub} (or the default dry-run one). When GitHub is chosen per
   * event ({@link Builder#gitHubPerEvent}) there is no single API: this is then an {@link
   * UnavailableGitHubApi} whose calls fail saying so; ask {@link #gitHubSelector()} instead.
   */
  public GitHubApi gitHub() {
    return gitHub;
  }

  /**
   * What chooses each event's API: the one given to {@link Builder#gitHubPerEvent}, or one that
   * always returns {@link #gitHub()}.
   */
  public GitHubApiSelector gitHubSelector() {
    return gitHubSelector;
  }

  /** Starts the workers; idempotent. */
  public GitBridge start() {
    workers.start();
    return this;
  }

  public boolean isRunning() {
    return workers.isRunning();
  }

  /** Stops the workers (letting running chains finish within the grace period), then the queue. */
  @Override
  public void close() {
    workers.close();
    queue.close();
  }

  /** Wakes the workers when an event is accepted. */
  private static final class SignallingIntake implements EventIntake {
    private final EventIntake delegate;
    private final WorkSignal signal;

    SignallingIntake(EventIntake delegate, WorkSignal signal) {
      this.delegate = delegate;
      this.signal = signal;
    }

    @Override
    public OfferResult offer(WebhookEvent event) {
      OfferResult result = delegate.offer(event);
      if (result == OfferResult.ACCEPTED) {
        signal.signal();
      }
      return result;
    }

    @Override
    public void quarantine(QuarantinedDelivery delivery) {
      delegate.quarantine(delivery);
    }
  }

  /** Collects the wiring; {@link #build()} validates it and reads route definitions. */
  public static final class Builder {
    private EventQueue queue;
    private GitHubApi gitHub;
    private GitHubApiSelector gitHubSelector;
    private final List<String> webhookSecrets = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private JsonNode routeDefinitions;
    private final Map<String, TaskFactory> tasks = new LinkedHashMap<>();
    private WebhookSender webhookSender;
    private int workers = DEFAULT_WORKERS;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
    private Clock clock = Clock.systemUTC();
    private GitBridgeListener listener = GitBridgeListener.NOOP;
    private int maxPayloadBytes = WebhookIngestor.DEFAULT_MAX_BODY_BYTES;
    private String consumerName = ManagementFactory.getRuntimeMXBean().getName();

    private Builder() {}

    /** The queue; default an {@link InMemoryEventQueue} on this builder's clock. */
    public Builder queue(EventQueue queue) {
      this.queue = requireNonNull(queue, "queue == null");
      return this;
    }

    /**
     * GitHub for every event; default a {@link RecordingGitHubApi} that logs (dry run). Replaces an
     * earlier {@link #gitHubPerEvent}.
     */
    public Builder gitHub(GitHubApi gitHub) {
      this.gitHub = requireNonNull(gitHub, "gitHub == null");
      this.gitHubSelector = null;
      return this;
    }

    /**
     * GitHub chosen per event by {@code selector}, for example as the GitHub App installation named
     * in each event's {@code installation.id}. Replaces an earlier {@link #gitHub}.
     */
    public Builder gitHubPerEvent(GitHubApiSelector selector) {
      this.gitHubSelector = requireNonNull(selector, "selector == null");
      this.gitHub = null;
      return this;
    }

    /** Adds a webhook secret; several may be valid at once, for rotation. At least one. */
    public Builder webhookSecret(String secret) {
      this.webhookSecrets.add(requireNonNull(secret, "secret == null"));
      return this;
    }

    public Builder webhookSecrets(List<String> secrets) {
      secrets.forEach(this::webhookSecret);
      return this;
    }

    /** Adds a route built in Java; routes run in the order added, before route definitions. */
    public Builder route(Route route) {
      this.routes.add(requireNonNull(route, "route == null"));
      return this;
    }

    /**
     * Route definitions in the configuration file's {@code routes:} format, read in {@link
     * #build()} with the built-in and registered tasks.
     */
    public Builder routeDefinitions(JsonNode routes) {
      this.routeDefinitions = routes;
      return this;
    }

    /** Registers a custom task for route definitions, beside the built-in ones. */
    public Builder task(String name, TaskFactory factory) {
      tasks.put(requireNonNull(name, "name == null"), requireNonNull(factory, "factory == null"));
      return this;
    }

    /** What the {@code forward} task posts through; without one, routes cannot use it. */
    public Builder webhookSender(WebhookSender webhookSender) {
      this.webhookSender = requireNonNull(webhookSender, "webhookSender == null");
      return this;
    }

    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /** How long an idle worker waits before looking for due retries again. */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = requireNonNull(pollInterval, "pollInterval == null");
      return this;
    }

    public Builder shutdownGrace(Duration shutdownGrace) {
      this.shutdownGrace = requireNonNull(shutdownGrace, "shutdownGrace == null");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    public Builder listener(GitBridgeListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    public Builder maxPayloadBytes(int maxPayloadBytes) {
      this.maxPayloadBytes = maxPayloadBytes;
      return this;
    }

    /** This node's name among the queue's consumers; default {@code pid@host}. */
    public Builder consumerName(String consumerName) {
      this.consumerName = requireNonNull(consumerName, "consumerName == null");
      return this;
    }

    /**
     * @throws ConfigurationException if a route definition is wrong, naming its key
     * @throws IllegalArgumentException if a setting is out of range
     */
    public GitBridge build() {
      if (webhookSecrets.isEmpty()) {
        throw new ConfigurationException(
            "github.webhook_secret", "at least one webhook secret is required");
      }
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, was " + workers);
      }
      if (maxPayloadBytes < 1) {
        throw new IllegalArgumentException("max payload bytes must be at least 1");
      }
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("poll interval must be positive");
      }
      TaskRegistry registry = BuiltInTasks.registry(webhookSender);
      tasks.forEach(registry::register);
      List<Route> all = new ArrayList<>(routes);
      all.addAll(registry.routes("routes", routeDefinitions));
      return new GitBridge(this, all);
    }
  }
}
