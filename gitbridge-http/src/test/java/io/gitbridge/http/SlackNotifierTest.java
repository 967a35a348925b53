package io.gitbridge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitbridge.core.ingest.IngestOutcome;
import io.gitbridge.http.internal.NoticeThrottle;
import io.gitbridge.http.internal.NotificationPoster;
import io.gitbridge.testkit.Await;
import io.gitbridge.testkit.ManualClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackNotifierTest {
  private static final String SECRET_PATH = "/services/T000/B000/s3cr3tPath?token=abc";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ManualClock clock = new ManualClock();
  private final CapturedLogs logs = new CapturedLogs(SlackNotifier.class, NotificationPoster.class);
  private NotificationReceiver receiver;
  private SlackNotifier notifier;

  @AfterEach
  void tearDown() {
    if (notifier != null) {
      notifier.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    logs.close();
  }

  private SlackNotifier.Builder postingTo(URI url) {
    return SlackNotifier.builder().url(url).meterRegistry(registry).clock(clock);
  }

  private double count(String kind, String outcome) {
    Counter counter =
        registry.find("gitbridge.notifications").tags("kind", kind, "outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private static String text(NotificationReceiver.Received request) throws Exception {
    JsonNode json = new ObjectMapper().readTree(request.body());
    assertThat(json.size()).as("only a text field: %s", request.body()).isEqualTo(1);
    return json.get("text").asText();
  }

  @Test
  void fullQueueIsPostedAsSlackJsonAndLogged() throws Exception {
    receiver = NotificationReceiver.answering(200);
    notifier = postingTo(receiver.url(SECRET_PATH)).build();

    notifier.webhookReceived("push", IngestOutcome.REJECTED_FULL);

    NotificationReceiver.Received request = receiver.take();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.target()).isEqualTo(SECRET_PATH);
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(text(request))
        .startsWith("GitBridge: the queue is full: a `push` webhook was refused with 503")
        .contains("gitbridge recover");
    assertThat(logs.lines()).contains("WARN " + text(request));
    Await.until("the post is counted", () -> count(SlackNotifier.QUEUE_FULL, "sent") == 1);
    assertThat(notifier.posts()).isTrue();
  }

  @Test
  void otherOutcomesAreNotNotified() throws Exception {
    receiver = NotificationReceiver.answering(200);
    notifier = postingTo(receiver.url("/hook")).build();

    for (IngestOutcome outcome : IngestOutcome.values()) {
      if (outcome != IngestOutcome.REJECTED_FULL) {
        notifier.webhookReceived("push", outcome);
      }
    }
    notifier.failoverChanged(true);

    // one thread posts in order: the failover notice comes first, so nothing went before it
    assertThat(text(receiver.take())).contains("failed over to local storage");
  }

  @Test
  void fullQueueIsToldOncePerIntervalWithTheRefusalsHeldBackInBetween() throws Exception {
    receiver = NotificationReceiver.answering(200);
    notifier = postingTo(receiver.url("/hook")).queueFullInterval(Duration.ofMinutes(1)).build();

    notifier.webhookReceived("push", IngestOutcome.REJECTED_FULL);
    for (int i = 0; i < 4; i++) { // at 10, 20, 30 and 59 s after the first notice: held back
      clock.advance(Duration.ofSeconds(i < 3 ? 10 : 29));
      notifier.webhookReceived("issues", IngestOutcome.REJECTED_FULL);
    }
    clock.advance(Duration.ofSeconds(1)); // 60 s: a notice is due
    notifier.webhookReceived("pull_request", IngestOutcome.REJECTED_FULL);

    assertThat(text(receiver.take())).contains("a `push` webhook was refused");
    assertThat(text(receiver.take()))
        .contains(
            "5 webhooks were refused since the last notice (2026-01-01T00:00:00Z), the latest"
                + " a `pull_request` with 503");
    Await.until("both posts are counted", () -> count(SlackNotifier.QUEUE_FULL, "sent") == 2);
    assertThat(receiver.waiting()).isZero();
    assertThat(logs.lines().stream().filter(l -> l.contains("the queue is full"))).hasSize(2);

    clock.advance(Duration.ofMinutes(5));
    notifier.webhookReceived("push", IngestOutcome.REJECTED_FULL);
    assertThat(text(receiver.take()))
        .contains("1 webhook was refused since the last notice (2026-01-01T00:01:00Z)");
  }

  @Test
  void failoverAndRecoveryArePostedOnEveryChange() throws Exception {
    receiver = NotificationReceiver.answering(204);
    notifier = postingTo(receiver.url("/hook")).build();

    notifier.failoverChanged(true);
    notifier.failoverChanged(false);

    assertThat(text(receiver.take()))
        .startsWith("GitBridge: the queue failed over to local storage");
    assertThat(text(receiver.take())).startsWith("GitBridge: the queue recovered");
    Await.until(
        "both posts are counted",
        () ->
            count(SlackNotifier.FAILOVER_STARTED, "sent") == 1
                && count(SlackNotifier.FAILOVER_ENDED, "sent") == 1);
    assertThat(logs.lines())
        .anyMatch(l -> l.startsWith("WARN GitBridge: the queue failed over"))
        .anyMatch(l -> l.startsWith("INFO GitBridge: the queue recovered"));
  }

  @Test
  void refusedPostIsLoggedNamingOnlyTheHostAndCountedAsFailed() throws Exception {
    receiver = NotificationReceiver.answering(500);
    notifier = postingTo(receiver.url(SECRET_PATH)).build();

    notifier.webhookReceived("push", IngestOutcome.REJECTED_FULL);

    Await.until("the failure is counted", () -> count(SlackNotifier.QUEUE_FULL, "failed") == 1);
    assertThat(logs.lines())
        .contains("WARN notification queue_full not delivered: POST 127.0.0.1 answered 500")
        .noneMatch(l -> l.contains("s3cr3t") || l.contains("token=abc"));
  }

  @Test
  void unreachableReceiverIsLoggedNamingOnlyTheHost() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    notifier = postingTo(URI.create("http://127.0.0.1:" + closedPort + SECRET_PATH)).build();

    notifier.failoverChanged(true);

    Await.until(
        "the failure is counted", () -> count(SlackNotifier.FAILOVER_STARTED, "failed") == 1);
    assertThat(logs.lines())
        .anyMatch(l -> l.startsWith("WARN notification failover_started not delivered: POST 127"))
        .noneMatch(l -> l.contains("s3cr3t") || l.contains("token=abc"));
  }

  @Test
  void aSenderFailingOtherwiseIsLoggedByItsExceptionTypeOnly() {
    notifier =
        postingTo(URI.create("https://hooks.example.com" + SECRET_PATH))
            .sender(
                (url, headers, body) -> {
                  throw new IllegalArgumentException("bad URI " + url);
                })
            .build();

    notifier.failoverChanged(false);

    Await.until("the failure is counted", () -> count(SlackNotifier.FAILOVER_ENDED, "failed") == 1);
    assertThat(logs.lines())
        .contains(
            "WARN notification failover_ended not delivered: POST hooks.example.com failed:"
                + " IllegalArgumentException")
        .noneMatch(l -> l.contains("s3cr3t"));
  }

  @Test
  void callersNeverWaitForTheNetworkAndNoticesBeyondTheQueueAreDropped() throws Exception {
    receiver = NotificationReceiver.holding();
    notifier = postingTo(receiver.url("/hook")).maxPending(1).build();

    notifier.failoverChanged(true);
    assertThat(text(receiver.take())).contains("failed over"); // now held by the receiver
    notifier.failoverChanged(false); // waits behind it
    notifier.failoverChanged(true); // no room: dropped, at once, on this thread

    assertThat(count(SlackNotifier.FAILOVER_STARTED, "dropped")).isEqualTo(1);
    assertThat(logs.lines())
        .contains("WARN notification failover_started dropped: 1 already wait to be posted");
    receiver.release();
    assertThat(text(receiver.take())).contains("recovered");
    Await.until(
        "the held and the waiting post are counted",
        () ->
            count(SlackNotifier.FAILOVER_STARTED, "sent") == 1
                && count(SlackNotifier.FAILOVER_ENDED, "sent") == 1);
  }

  @Test
  void withoutUrlNoticesAreOnlyLogged() {
    notifier = SlackNotifier.builder().clock(clock).build();

    notifier.webhookReceived("push", IngestOutcome.REJECTED_FULL);
    notifier.webhookReceived("push", IngestOutcome.REJECTED_FULL);
    notifier.failoverChanged(true);
    notifier.close();

    assertThat(notifier.posts()).isFalse();
    assertThat(logs.lines())
        .hasSize(3)
        .anyMatch(l -> l.startsWith("WARN GitBridge: the queue is full: a `push` webhook"))
        .anyMatch(l -> l.startsWith("WARN GitBridge: the queue failed over"))
        .contains("WARN GitBridge: 1 more webhook(s) refused as the queue was full");
  }

  @Test
  void closeLetsWaitingNoticesGoOutThenStopsItsThread() throws Exception {
    receiver = NotificationReceiver.answering(200);
    notifier = postingTo(receiver.url("/hook")).build();

    notifier.failoverChanged(true);
    notifier.failoverChanged(false);
    notifier.close();

    assertThat(receiver.waiting()).isEqualTo(2);
    Await.until("the notifier thread ends", () -> !notifierThreadAlive());
    notifier.failoverChanged(true); // closed: logged, neither posted nor counted as dropped
    assertThat(count(SlackNotifier.FAILOVER_STARTED, "dropped")).isZero();
    notifier.close();
  }

  @Test
  void closeInterruptsAPostThatOutlastsTheGrace() throws Exception {
    receiver = NotificationReceiver.holding();
    notifier = postingTo(receiver.url("/hook")).closeGrace(Duration.ZERO).build();
    notifier.failoverChanged(true);
    receiver.take();

    notifier.close();

    Await.until(
        "the interrupted post is counted",
        () -> count(SlackNotifier.FAILOVER_STARTED, "failed") == 1);
    assertThat(logs.lines()).contains("WARN notifier closed with 1 notification(s) not posted");
  }

  @Test
  void eventNamesThatAreNotNamesAreNotQuoted() {
    String text = SlackNotifier.queueFullText("<!channel> hi", new NoticeThrottle.Notice(1, null));

    assertThat(text).contains("a `unknown` webhook").doesNotContain("channel");
    assertThat(SlackNotifier.queueFullText(null, new NoticeThrottle.Notice(1, Instant.EPOCH)))
        .contains("1 webhook was refused since the last notice (1970-01-01T00:00:00Z)");
  }

  @Test
  void builderRefusesBadSettingsWithoutQuotingTheUrl() {
    assertThatThrownBy(() -> SlackNotifier.builder().url(URI.create("ftp://h/s3cr3t")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("notifications url must be http(s)://HOST/...");
    assertThatThrownBy(() -> SlackNotifier.builder().url(URI.create("http:///s3cr3t")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> SlackNotifier.builder().queueFullInterval(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queue full interval must be positive, was PT0S");
    assertThatThrownBy(() -> SlackNotifier.builder().maxPending(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max pending must be at least 1, was 0");
    assertThatThrownBy(() -> SlackNotifier.builder().closeGrace(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("close grace must not be negative, was PT-1S");
    assertThatThrownBy(() -> new NoticeThrottle(clock, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval must be positive, was PT-1S");
  }

  private static boolean notifierThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().equals(NotificationPoster.THREAD_NAME));
  }
}
