package io.gitbridge.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.EventIntake;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.core.queue.QuarantinedDelivery;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.queue.QueueUnavailableException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookIngestorTest {
  private static final String SECRET = "s3cret";
  private static final String PUSH =
      "{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"o/r\"}}";

  private final InMemoryEventQueue queue =
      new InMemoryEventQueue(QueuePolicy.builder().maxSize(2).build());
  private final List<IngestOutcome> seen = new ArrayList<>();
  private final GitBridgeListener listener =
      new GitBridgeListener() {
        @Override
        public void webhookReceived(String eventType, IngestOutcome outcome) {
          seen.add(outcome);
        }
      };
  private final WebhookIngestor ingestor = ingestor(queue, 1024);

  private WebhookIngestor ingestor(EventIntake intake, int maxBytes) {
    return new WebhookIngestor(
        intake, new WebhookSignature(List.of(SECRET)), maxBytes, Clock.systemUTC(), listener);
  }

  private static Map<String, String> headers(String event, String delivery, byte[] body) {
    Map<String, String> h = new HashMap<>();
    h.put("content-type", "application/json; charset=utf-8");
    h.put("X-GitHub-Event", event);
    h.put("X-GitHub-Delivery", delivery);
    h.put("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body));
    return h;
  }

  private IngestResult send(Map<String, String> headers, byte[] body) {
    return ingestor.ingest(new IngestRequest(headers, body, "127.0.0.1"));
  }

  private IngestResult send(String event, String delivery, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return send(headers(event, delivery, bytes), bytes);
  }

  @Test
  void signedEventIsAcceptedAndQueued() {
    IngestResult result = send("push", "d-1", PUSH);
    assertThat(result.status()).isEqualTo(202);
    assertThat(result.outcome()).isEqualTo(IngestOutcome.ACCEPTED);
    assertThat(result.deliveryId()).isEqualTo(new DeliveryId("d-1"));
    assertThat(queue.stats().ready()).isEqualTo(1);
    assertThat(seen).containsExactly(IngestOutcome.ACCEPTED);
  }

  @Test
  void sameDeliveryTwiceIsAnsweredOkButQueuedOnce() {
    send("push", "d-1", PUSH);
    IngestResult again = send("push", "d-1", PUSH);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.outcome()).isEqualTo(IngestOutcome.DUPLICATE);
    assertThat(queue.stats().ready()).isEqualTo(1);
  }

  @Test
  void pingIsAnsweredAndNotQueued() {
    IngestResult result = send("ping", "d-1", "{\"zen\":\"Keep it logically awesome.\"}");
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.outcome()).isEqualTo(IngestOutcome.PING);
    assertThat(queue.stats().live()).isZero();
  }

  @Test
  void wrongOrMissingSignatureIsUnauthorized() {
    byte[] body = PUSH.getBytes(StandardCharsets.UTF_8);
    Map<String, String> wrong = headers("push", "d-1", body);
    wrong.put("X-Hub-Signature-256", WebhookSignature.sign("not-the-secret", body));
    IngestResult result = send(wrong, body);
    assertThat(result.status()).isEqualTo(401);
    assertThat(result.outcome()).isEqualTo(IngestOutcome.REJECTED_SIGNATURE);
    assertThat(result.message()).doesNotContain(SECRET);

    Map<String, String> missing = headers("push", "d-2", body);
    missing.remove("X-Hub-Signature-256");
    assertThat(send(missing, body).status()).isEqualTo(401);
    assertThat(queue.stats().live()).isZero();
  }

  @Test
  void missingEventOrDeliveryHeaderIsBadRequest() {
    byte[] body = PUSH.getBytes(StandardCharsets.UTF_8);
    Map<String, String> noEvent = headers("push", "d-1", body);
    noEvent.remove("X-GitHub-Event");
    IngestResult result = send(noEvent, body);
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.message()).contains("X-GitHub-Event");

    Map<String, String> noDelivery = headers("push", "d-1", body);
    noDelivery.remove("X-GitHub-Delivery");
    assertThat(send(noDelivery, body).message()).contains("X-GitHub-Delivery");
    assertThat(send("push", "bad id with spaces", PUSH).status()).isEqualTo(400);
    assertThat(seen).containsOnly(IngestOutcome.REJECTED_INVALID);
  }

  @Test
  void bodyOverTheLimitIsTooLarge() {
    byte[] body = ("{\"ref\":\"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
    IngestResult result = send(headers("push", "d-1", body), body);
    assertThat(result.status()).isEqualTo(413);
    assertThat(ingestor.maxBodyBytes()).isEqualTo(1024);
  }

  @Test
  void otherContentTypesAreUnsupported() {
    byte[] body = PUSH.getBytes(StandardCharsets.UTF_8);
    Map<String, String> h = headers("push", "d-1", body);
    h.put("Content-Type", "text/plain");
    assertThat(send(h, body).status()).isEqualTo(415);
    h.remove("content-type");
    h.remove("Content-Type");
    assertThat(send(h, body).status()).isEqualTo(415);
  }

  @Test
  void formEncodedPayloadIsDecodedAndAccepted() {
    byte[] body =
        ("payload=" + URLEncoder.encode(PUSH, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.US_ASCII);
    Map<String, String> h = headers("push", "d-1", body);
    h.put("content-type", "application/x-www-form-urlencoded");
    assertThat(send(h, body).status()).isEqualTo(202);
    WebhookEvent event = queue.lease("w", 1).get(0).event();
    assertThat(event.body()).isEqualTo(PUSH);
  }

  @Test
  void formBodyWithoutPayloadFieldIsQuarantined() {
    byte[] body = "other=1".getBytes(StandardCharsets.US_ASCII);
    Map<String, String> h = headers("push", "d-1", body);
    h.put("content-type", "application/x-www-form-urlencoded");
    IngestResult result = send(h, body);
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.outcome()).isEqualTo(IngestOutcome.QUARANTINED);
  }

  @Test
  void signedButBrokenJsonIsQuarantinedWithItsReason() {
    IngestResult result = send("push", "d-1", "{\"ref\": ");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.outcome()).isEqualTo(IngestOutcome.QUARANTINED);
    assertThat(queue.stats().quarantine()).isEqualTo(1);
    assertThat(queue.find(new DeliveryId("d-1")).orElseThrow().section())
        .isEqualTo(QueueSection.QUARANTINE);
    assertThat(queue.find(new DeliveryId("d-1")).orElseThrow().lastError())
        .contains("not well-formed JSON");
  }

  @Test
  void signedPayloadOfTheWrongShapeIsQuarantined() {
    assertThat(send("pull_request", "d-1", "{\"action\":\"opened\"}").outcome())
        .isEqualTo(IngestOutcome.QUARANTINED);
    assertThat(send("push", "d-2", "[1,2]").outcome()).isEqualTo(IngestOutcome.QUARANTINED);
    assertThat(send("push", "d-3", "{\"action\":5}").outcome())
        .isEqualTo(IngestOutcome.QUARANTINED);
    assertThat(queue.stats().quarantine()).isEqualTo(3);
  }

  @Test
  void fullQueueAsksTheSenderToRetryLater() {
    send("push", "d-1", PUSH);
    send("push", "d-2", PUSH);
    IngestResult result = send("push", "d-3", PUSH);
    assertThat(result.status()).isEqualTo(503);
    assertThat(result.outcome()).isEqualTo(IngestOutcome.REJECTED_FULL);
    assertThat(result.retryAfter()).isEqualTo(WebhookIngestor.DEFAULT_RETRY_AFTER);
  }

  @Test
  void unavailableQueueIsServiceUnavailableNotAnException() {
    EventIntake down =
        new EventIntake() {
          @Override
          public OfferResult offer(WebhookEvent event) {
            throw new QueueUnavailableException("redis down");
          }

          @Override
          public void quarantine(QuarantinedDelivery delivery) {
            throw new QueueUnavailableException("redis down");
          }
        };
    WebhookIngestor broken = ingestor(down, 1024);
    byte[] ok = PUSH.getBytes(StandardCharsets.UTF_8);
    IngestResult offered = broken.ingest(new IngestRequest(headers("push", "d", ok), ok, "::1"));
    assertThat(offered.status()).isEqualTo(503);
    assertThat(offered.retryAfter()).isPositive();
    assertThat(offered.outcome()).isEqualTo(IngestOutcome.REJECTED_UNAVAILABLE);

    byte[] bad = "{".getBytes(StandardCharsets.UTF_8);
    IngestResult quarantined =
        broken.ingest(new IngestRequest(headers("push", "d2", bad), bad, "::1"));
    assertThat(quarantined.status()).isEqualTo(503);
  }

  @Test
  void multiValuedHeadersKeepTheFirstValue() {
    byte[] body = PUSH.getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> multi = new HashMap<>();
    headers("push", "d-1", body).forEach((k, v) -> multi.put(k, List.of(v, "ignored")));
    multi.put(null, List.of("HTTP/1.1 POST"));
    IngestRequest request = IngestRequest.ofMultiValued(multi, body, "127.0.0.1");
    assertThat(request.header("x-github-event")).isEqualTo("push");
    assertThat(request.peerAddress()).isEqualTo("127.0.0.1");
    assertThat(ingestor.ingest(request).status()).isEqualTo(202);
  }
}
