package io.gitbridge.http.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitbridge.core.GitBridgeException;
import io.gitbridge.core.tasks.WebhookSender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts {@code {"text": ...}} to one URL from its own thread, so that callers never wait on the
 * network: at most {@code maxPending} notices wait behind the one being posted, and more are
 * dropped and counted. Logs name the URL's host only, since chat webhook URLs carry their secret in
 * the path. Counts {@code gitbridge_notifications_total{kind,outcome}} (sent, failed, dropped) when
 * given a registry. Thread-safe; {@link #post} never throws.
 */
public final class NotificationPoster implements AutoCloseable {
  public static final String THREAD_NAME = "gitbridge-notifier";

  private static final Logger log = LoggerFactory.getLogger(NotificationPoster.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> HEADERS =
      Map.of("Content-Type", "application/json", "User-Agent", "GitBridge-Notifier");

  private final URI url;
  private final WebhookSender sender;
  private final MeterRegistry registry;
  private final Duration closeGrace;
  private final ThreadPoolExecutor executor;

  /**
   * @param registry where the counter goes; null for none
   * @param closeGrace how long {@link #close} lets waiting notices go out
   */
  public NotificationPoster(
      URI url, WebhookSender sender, int maxPending, MeterRegistry registry, Duration closeGrace) {
    this.url = requireNonNull(url, "url == null");
    this.sender = requireNonNull(sender, "sender == null");
    this.registry = registry;
    this.closeGrace = requireNonNull(closeGrace, "closeGrace == null");
    this.executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(maxPending),
            task -> {
              Thread thread = new Thread(task, THREAD_NAME);
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** Queues {@code text} for posting; drops it (logged, counted) when too many wait already. */
  public void post(String kind, String text) {
    try {
      byte[] body = JSON.writeValueAsBytes(Map.of("text", text));
      executor.execute(() -> send(kind, body));
    } catch (RejectedExecutionException e) {
      if (executor.isShutdown()) {
        log.debug("notification {} not posted: the notifier is closed", kind);
        return;
      }
      log.warn("notification {} dropped: {} already wait to be posted", kind, pending());
      count(kind, "dropped");
    } catch (JsonProcessingException e) {
      log.warn("notification {} not posted: {}", kind, e.getClass().getSimpleName());
      count(kind, "failed");
    }
  }

  private void send(String kind, byte[] body) {
    String failure;
    try {
      int status = sender.post(url, HEADERS, body);
      if (status >= 200 && status < 300) {
        log.debug("notification {} posted to {}", kind, url.getHost());
        count(kind, "sent");
        return;
      }
      failure = "POST " + url.getHost() + " answered " + status;
    } catch (GitBridgeException e) {
      failure = e.getMessage(); // the JDK sender names the host only
    } catch (RuntimeException e) {
      // its message may quote the whole URL, secret path included
      failure = "POST " + url.getHost() + " failed: " + e.getClass().getSimpleName();
    }
    log.warn("notification {} not delivered: {}", kind, failure);
    count(kind, "failed");
  }

  private int pending() {
    return executor.getQueue().size();
  }

  private void count(String kind, String outcome) {
    if (registry == null) {
      return;
    }
    try {
      Counter.builder("gitbridge.notifications")
          .description("Notifications posted to notifications.url, by kind and outcome")
          .tag("kind", kind)
          .tag("outcome", outcome)
          .register(registry)
          .increment();
    } catch (RuntimeException e) {
      log.warn("could not count a notification: {}", e.toString());
    }
  }

  /**
   * Takes no more notices, lets the waiting ones go out for up to the close grace, then interrupts
   * the one being posted. Idempotent.
   */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(closeGrace.toMillis(), TimeUnit.MILLISECONDS)) {
        List<Runnable> unsent = executor.shutdownNow();
        log.warn("notifier closed with {} notification(s) not posted", unsent.size() + 1);
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
