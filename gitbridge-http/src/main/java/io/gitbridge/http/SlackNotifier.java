package io.gitbridge.http;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.ingest.IngestOutcome;
import io.gitbridge.core.tasks.WebhookSender;
import io.gitbridge.http.internal.NoticeThrottle;
import io.gitbridge.http.internal.NotificationPoster;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells operators when the queue is full and when it fails over to local storage and back: a log
 * line, and, when a URL is configured ({@code notifications.url}), a POST of Slack's
 * incoming-webhook JSON {@code {"text": "..."}}, which Mattermost and Rocket.Chat accept too.
 *
 * <pre>{@code
 * SlackNotifier notifier = SlackNotifier.builder().url(url).meterRegistry(registry).build();
 * GitBridge bridge = GitBridge.builder().listener(GitBridgeListener.all(metrics, notifier))...;
 * // on shutdown, after the bridge: notifier.close();
 * }</pre>
 *
 * <p>Queue-full notices are throttled: at most one per {@link Builder#queueFullInterval}, which
 * says how many webhooks were refused since the previous one (refusals after the last notice are
 * told with the next, and each is logged by the ingestor and counted in {@code
 * gitbridge_webhooks_received_total{outcome="rejected_full"}}). Failover notices are sent on every
 * change.
 *
 * <p>Thread-safe. Listener methods never block on the network and never throw: posts go out from
 * one thread of the notifier's own, behind a bounded queue; when it is full a notice is dropped,
 * logged and counted. {@code gitbridge_notifications_total{kind,outcome}} counts posts by kind
 * ({@value #QUEUE_FULL}, {@value #FAILOVER_STARTED}, {@value #FAILOVER_ENDED}) and outcome (sent,
 * failed, dropped) when a registry is given. Logs name the URL's host only: such URLs carry their
 * secret in the path. {@link #close()} stops the thread.
 */
public final class SlackNotifier implements GitBridgeListener, AutoCloseable {
  public static final Duration DEFAULT_QUEUE_FULL_INTERVAL = Duration.ofMinutes(1);
  public static final int DEFAULT_MAX_PENDING = 100;
  public static final Duration DEFAULT_POST_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_CLOSE_GRACE = Duration.ofSeconds(5);

  /** The {@code kind} label of each notice. */
  public static final String QUEUE_FULL = "queue_full";

  public static final String FAILOVER_STARTED = "failover_started";
  public static final String FAILOVER_ENDED = "failover_ended";

  private static final Logger log = LoggerFactory.getLogger(SlackNotifier.class);
  private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final NoticeThrottle queueFull;
  private final NotificationPoster poster;

  private SlackNotifier(Builder b) {
    this.queueFull = new NoticeThrottle(b.clock, b.queueFullInterval);
    if (b.url == null) {
      this.poster = null;
    } else {
      WebhookSender sender =
          b.sender != null ? b.sender : new JdkWebhookSender(DEFAULT_POST_TIMEOUT);
      this.poster = new NotificationPoster(b.url, sender, b.maxPending, b.registry, b.closeGrace);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether notices are posted, not only logged. */
  public boolean posts() {
    return poster != null;
  }

  @Override
  public void webhookReceived(String eventType, IngestOutcome outcome) {
    if (outcome != IngestOutcome.REJECTED_FULL) {
      return;
    }
    try {
      NoticeThrottle.Notice notice = queueFull.occurred();
      if (notice != null) {
        String text = queueFullText(eventType, notice);
        log.warn(text);
        post(QUEUE_FULL, text);
      }
    } catch (RuntimeException e) {
      log.warn("could not notify of a full queue: {}", e.toString());
    }
  }

  @Override
  public void failoverChanged(boolean active) {
    try {
      if (active) {
        String text =
            "GitBridge: the queue failed over to local storage: the shared queue (Redis) does not"
                + " answer. Webhooks are still accepted and kept on this node, in memory and in a"
                + " spool file, until it answers again.";
        log.warn(text);
        post(FAILOVER_STARTED, text);
      } else {
        String text =
            "GitBridge: the queue recovered: the events kept on this node during the failover are"
                + " back in the shared queue (Redis).";
        log.info(text);
        post(FAILOVER_ENDED, text);
      }
    } catch (RuntimeException e) {
      log.warn("could not notify of a failover change: {}", e.toString());
    }
  }

  private void post(String kind, String text) {
    if (poster != null) {
      poster.post(kind, text);
    }
  }

  static String queueFullText(String eventType, NoticeThrottle.Notice notice) {
    String event =
        "`"
            + (eventType != null && EVENT_NAME.matcher(eventType).matches() ? eventType : "unknown")
            + "`";
    Instant previous = notice.previousNotice();
    long refused = notice.occurrences();
    String what =
        previous == null
            ? "a " + event + " webhook was refused"
            : refused
                + (refused == 1 ? " webhook was" : " webhooks were")
                + " refused since the last notice ("
                + previous.truncatedTo(ChronoUnit.SECONDS)
                + "), the latest a "
                + event;
    return "GitBridge: the queue is full: "
        + what
        + " with 503 and Retry-After. Events arrive faster than the workers finish them; GitHub"
        + " does not redeliver refused deliveries by itself (`gitbridge recover` asks it to).";
  }

  /** Stops the posting thread, letting waiting notices go out for the close grace. Idempotent. */
  @Override
  public void close() {
    long heldBack = queueFull.heldBack();
    if (heldBack > 0) {
      log.warn("GitBridge: {} more webhook(s) refused as the queue was full", heldBack);
    }
    if (poster != null) {
      poster.close();
    }
  }

  /** Collects the notifier's settings; {@link #build()} checks them. */
  public static final class Builder {
    private URI url;
    private WebhookSender sender;
    private MeterRegistry registry;
    private Clock clock = Clock.systemUTC();
    private Duration queueFullInterval = DEFAULT_QUEUE_FULL_INTERVAL;
    private int maxPending = DEFAULT_MAX_PENDING;
    private Duration closeGrace = DEFAULT_CLOSE_GRACE;

    private Builder() {}

    /**
     * Where notices are POSTed ({@code http} or {@code https}); without one they are only logged.
     */
    public Builder url(URI url) {
      this.url = requireNonNull(url, "url == null");
      return this;
    }

    /** What posts; default a {@link JdkWebhookSender} with {@link #DEFAULT_POST_TIMEOUT}. */
    public Builder sender(WebhookSender sender) {
      this.sender = requireNonNull(sender, "sender == null");
      return this;
    }

    /** Where {@code gitbridge_notifications_total} is counted; default none. */
    public Builder meterRegistry(MeterRegistry registry) {
      this.registry = requireNonNull(registry, "registry == null");
      return this;
    }

    /** What the queue-full throttle reads the time from; default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** At most one queue-full notice per this interval; default one minute. */
    public Builder queueFullInterval(Duration interval) {
      this.queueFullInterval = requireNonNull(interval, "interval == null");
      return this;
    }

    /** Notices that may wait behind the one being posted; more are dropped. Default 100. */
    public Builder maxPending(int maxPending) {
      this.maxPending = maxPending;
      return this;
    }

    /** How long {@link SlackNotifier#close()} lets waiting notices go out; default 5 s. */
    public Builder closeGrace(Duration closeGrace) {
      this.closeGrace = requireNonNull(closeGrace, "closeGrace == null");
      return this;
    }

    /**
     * @throws IllegalArgumentException if the URL is not an absolute http(s) URL with a host, the
     *     interval is not positive, {@code maxPending} is below 1, or the close grace is negative
     */
    public SlackNotifier build() {
      if (url != null) {
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
          // the URL itself is not quoted: it holds the secret
          throw new IllegalArgumentException("notifications url must be http(s)://HOST/...");
        }
      }
      if (queueFullInterval.isNegative() || queueFullInterval.isZero()) {
        throw new IllegalArgumentException(
            "queue full interval must be positive, was " + queueFullInterval);
      }
      if (maxPending < 1) {
        throw new IllegalArgumentException("max pending must be at least 1, was " + maxPending);
      }
      if (closeGrace.isNegative()) {
        throw new IllegalArgumentException("close grace must not be negative, was " + closeGrace);
      }
      return new SlackNotifier(this);
    }
  }
}
