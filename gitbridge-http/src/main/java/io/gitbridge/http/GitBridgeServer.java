package io.gitbridge.http;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import io.gitbridge.core.GitBridge;
import io.gitbridge.core.health.HealthCheck;
import io.gitbridge.http.internal.AdminApi;
import io.gitbridge.http.internal.BearerTokens;
import io.gitbridge.http.internal.Dispatcher;
import io.gitbridge.http.internal.Endpoint;
import io.gitbridge.http.internal.HealthEndpoint;
import io.gitbridge.http.internal.MetricsEndpoint;
import io.gitbridge.http.internal.ReadinessEndpoint;
import io.gitbridge.http.internal.RequestGate;
import io.gitbridge.http.internal.WebhookEndpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GitBridge's HTTP front end on the JDK's {@code com.sun.net.httpserver}: the webhook endpoint,
 * {@code /healthz}, {@code /readyz}, {@code /metrics} and the admin API under {@code /api/}. It
 * only translates HTTP to the {@link GitBridge} and back; see {@code docs/http.md} for every
 * status.
 *
 * <pre>{@code
 * GitBridgeServer server = GitBridgeServer.builder().bridge(bridge).port(0).build().start();
 * System.out.println("listening on " + server.url());
 * }</pre>
 *
 * <p>The server owns its request threads. {@link #close()} turns new requests away (503), lets
 * requests in progress finish for up to the stop grace, then stops listening and stops its threads;
 * it does not close the bridge, which the caller closes after the server. {@code start} and {@code
 * close} are thread-safe.
 */
public final class GitBridgeServer implements AutoCloseable {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_WEBHOOK_PATH = "/webhook";
  public static final int DEFAULT_THREADS = 8;
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(5);

  /** How much longer than the grace close waits for interrupted request threads to end. */
  static final Duration THREADS_STOP_WAIT = Duration.ofSeconds(5);

  static final Set<String> RESERVED_PATHS = Set.of("/healthz", "/readyz", "/metrics");

  private static final Logger log = LoggerFactory.getLogger(GitBridgeServer.class);

  private final Builder config;
  private final RequestGate gate = new RequestGate();
  private final Dispatcher dispatcher;
  private HttpServer server;
  private ExecutorService executor;
  private boolean closed;

  private GitBridgeServer(Builder b) {
    this.config = b;
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    Timer ingestLatency = null;
    if (b.registry != null) {
      endpoints.put("/metrics", new MetricsEndpoint(b.registry));
      ingestLatency =
          Timer.builder("gitbridge.ingest.latency")
              .description("From a webhook request's arrival to its answer")
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(1))
              .maximumExpectedValue(Duration.ofSeconds(30))
              .register(b.registry);
    }
    endpoints.put(b.webhookPath, new WebhookEndpoint(b.bridge.ingestor(), ingestLatency));
    endpoints.put("/healthz", new HealthEndpoint());
    endpoints.put("/readyz", new ReadinessEndpoint(b.bridge, b.healthChecks));
    AdminApi api = new AdminApi(b.bridge.queue(), new BearerTokens(b.adminToken, b.readToken));
    this.dispatcher = new Dispatcher(gate, endpoints, AdminApi.PREFIX, api);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds and starts serving.
   *
   * @throws ServerStartException if the address cannot be bound
   * @throws IllegalStateException if already started or closed
   */
  public synchronized GitBridgeServer start() {
    if (closed || server != null) {
      throw new IllegalStateException(closed ? "server is closed" : "server already started");
    }
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(config.host, config.port), 0);
    } catch (IOException | RuntimeException e) {
      throw new ServerStartException(config.host, config.port, e);
    }
    ExecutorService pool =
        new ThreadPoolExecutor(
            config.threads,
            config.threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            new NamedThreads());
    http.setExecutor(pool);
    http.createContext("/", dispatcher);
    http.start();
    this.server = http;
    this.executor = pool;
    log.info("listening on {}", url());
    return this;
  }

  /**
   * The address actually bound (port 0 resolved).
   *
   * @throws IllegalStateException if not started
   */
  public synchronized InetSocketAddress address() {
    if (server == null) {
      throw new IllegalStateException("server not started");
    }
    return server.getAddress();
  }

  /** {@code http://HOST:PORT} of the bound address, for example {@code http://127.0.0.1:8080}. */
  public String url() {
    InetSocketAddress address = address();
    InetAddress ip = address.getAddress();
    String host = ip.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + address.getPort();
  }

  /**
   * Stops in order: turns new requests away with 503 and {@code Retry-After}, waits up to the stop
   * grace for requests in progress (then interrupts them), stops listening, and stops the request
   * threads. Idempotent; the bridge stays open.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (server == null) {
      return;
    }
    boolean drained = false;
    try {
      drained = gate.closeAndDrain(config.stopGrace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop(0);
    executor.shutdown();
    if (!drained) {
      log.warn("requests still running after {}; interrupting them", config.stopGrace);
      executor.shutdownNow();
    }
    try {
      if (!executor.awaitTermination(
          config.stopGrace.plus(THREADS_STOP_WAIT).toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("request threads did not stop");
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    server = null;
    log.info("stopped");
  }

  /** Whether {@link #close()} has begun turning requests away. */
  boolean stopping() {
    return gate.isClosed();
  }

  private static final class NamedThreads implements ThreadFactory {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "gitbridge-http-" + next.getAndIncrement());
      t.setDaemon(true);
      return t;
    }
  }

  /** Collects the server's settings; {@link #build()} checks them. */
  public static final class Builder {
    private GitBridge bridge;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private String webhookPath = DEFAULT_WEBHOOK_PATH;
    private PrometheusMeterRegistry registry;
    private final List<HealthCheck> healthChecks = new ArrayList<>();
    private String adminToken;
    private String readToken;
    private int threads = DEFAULT_THREADS;
    private Duration stopGrace = DEFAULT_STOP_GRACE;

    private Builder() {}

    /** The bridge whose ingestor, queue and workers the server exposes. Required. */
    public Builder bridge(GitBridge bridge) {
      this.bridge = requireNonNull(bridge, "bridge == null");
      return this;
    }

    /**
     * The address to listen on ({@code server.host}); default {@value
     * GitBridgeServer#DEFAULT_HOST}.
     */
    public Builder host(String host) {
      this.host = requireNonNull(host, "host == null");
      return this;
    }

    /** The port ({@code server.port}); 0 picks any free port, see {@link #address()}. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Where GitHub posts ({@code server.webhook_path}); default {@code /webhook}. */
    public Builder webhookPath(String webhookPath) {
      this.webhookPath = requireNonNull(webhookPath, "webhookPath == null");
      return this;
    }

    /**
     * Serves {@code /metrics} from this registry and records {@code
     * gitbridge_ingest_latency_seconds} in it. Without one there is no {@code /metrics}.
     */
    public Builder meterRegistry(PrometheusMeterRegistry registry) {
      this.registry = requireNonNull(registry, "registry == null");
      return this;
    }

    /** Adds a component to {@code /readyz}; names must be unique and not {@code workers}. */
    public Builder healthCheck(HealthCheck check) {
      this.healthChecks.add(requireNonNull(check, "check == null"));
      return this;
    }

    /** The admin API's token that may change the queue ({@code admin.token}). */
    public Builder adminToken(String token) {
      this.adminToken = requireNonNull(token, "token == null");
      return this;
    }

    /** The admin API's token that may only look ({@code admin.read_token}). */
    public Builder readToken(String token) {
      this.readToken = requireNonNull(token, "token == null");
      return this;
    }

    /** Request threads; default {@value #DEFAULT_THREADS}. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** How long {@link #close()} waits for requests in progress before interrupting them. */
    public Builder stopGrace(Duration stopGrace) {
      this.stopGrace = requireNonNull(stopGrace, "stopGrace == null");
      return this;
    }

    /**
     * @throws IllegalStateException if no bridge was set
     * @throws IllegalArgumentException if a setting is out of range or two settings clash
     */
    public GitBridgeServer build() {
      if (bridge == null) {
        throw new IllegalStateException("a bridge is required");
      }
      if (host.isBlank()) {
        throw new IllegalArgumentException("host is blank");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
      }
      checkWebhookPath();
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + threads);
      }
      if (stopGrace.isNegative()) {
        throw new IllegalArgumentException("stop grace must not be negative");
      }
      checkTokens();
      Set<String> names = new HashSet<>(Set.of(ReadinessEndpoint.WORKERS));
      for (HealthCheck check : healthChecks) {
        if (!names.add(check.name())) {
          throw new IllegalArgumentException("two health checks are named '" + check.name() + "'");
        }
      }
      return new GitBridgeServer(this);
    }

    private void checkWebhookPath() {
      if (!webhookPath.startsWith("/")
          || webhookPath.length() < 2
          || webhookPath.contains("?")
          || webhookPath.contains("#")
          || RESERVED_PATHS.contains(webhookPath)
          || (webhookPath + "/").startsWith(AdminApi.PREFIX)) {
        throw new IllegalArgumentException(
            "webhook path must start with '/' and not be /healthz, /readyz, /metrics or under"
                + " /api/, was '"
                + webhookPath
                + "'");
      }
    }

    private void checkTokens() {
      if ((adminToken != null && adminToken.isBlank())
          || (readToken != null && readToken.isBlank())) {
        throw new IllegalArgumentException("an admin API token is blank");
      }
      if (adminToken != null && adminToken.equals(readToken)) {
        throw new IllegalArgumentException("the admin and read tokens must differ");
      }
    }
  }
}
