package io.gitbridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.ingest.WebhookIngestor;
import io.gitbridge.core.ingest.WebhookSignature;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.testkit.Await;
import io.gitbridge.testkit.Payloads;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {
  static final int LIMIT = 1024;
  static ServerFixture fixture;
  static Http http;

  @BeforeAll
  static void startServer() {
    fixture =
        ServerFixture.start(
            InMemoryEventQueue.create(), true, b -> b.maxPayloadBytes(LIMIT), s -> {});
    http = fixture.http;
  }

  @AfterAll
  static void stopServer() {
    fixture.close();
  }

  @Test
  void acceptedEventIsAnswered202AndThenProcessed() {
    DeliveryId id = Payloads.newDeliveryId();

    HttpResponse<String> response = http.webhook("/webhook", "push", id, ServerFixture.PUSH);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"accepted\",\"delivery\":\"" + id + "\",\"message\":\"accepted\"}");
    Await.until("the event is processed", () -> fixture.processed.contains(id.value()));
  }

  @Test
  void redeliveryIsAnswered200AndProcessedOnce() {
    DeliveryId id = Payloads.newDeliveryId();

    HttpResponse<String> first = http.webhook("/webhook", "push", id, ServerFixture.PUSH);
    HttpResponse<String> second = http.webhook("/webhook", "push", id, ServerFixture.PUSH);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("\"status\":\"duplicate\"");
    Await.until("the event is processed", () -> fixture.processed.contains(id.value()));
    Await.until("the queue is drained", () -> fixture.bridge.queue().find(id).isEmpty());
    assertThat(Collections.frequency(fixture.processed, id.value())).isEqualTo(1);
  }

  @Test
  void pingIsAnswered200AndNotQueued() {
    DeliveryId id = Payloads.newDeliveryId();

    HttpResponse<String> response =
        http.webhook("/webhook", "ping", id, "{\"zen\":\"Keep it logically awesome.\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"ping\"");
    assertThat(fixture.bridge.queue().find(id)).isEmpty();
  }

  @Test
  void wrongSignatureIsAnswered401() {
    HttpResponse<String> response =
        post(ServerFixture.PUSH, "application/json", "push", "sha256=" + "0".repeat(64));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"status\":\"rejected_signature\"");
  }

  @Test
  void missingSignatureIsAnswered401() {
    HttpResponse<String> response =
        http.send(
            "POST",
            "/webhook",
            ServerFixture.PUSH,
            "Content-Type",
            "application/json",
            WebhookIngestor.EVENT_HEADER,
            "push",
            WebhookIngestor.DELIVERY_HEADER,
            Payloads.newDeliveryId().value());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void missingEventHeaderIsAnswered400() {
    HttpResponse<String> response =
        http.send(
            "POST",
            "/webhook",
            ServerFixture.PUSH,
            "Content-Type",
            "application/json",
            WebhookIngestor.DELIVERY_HEADER,
            Payloads.newDeliveryId().value(),
            WebhookSignature.HEADER,
            Http.sign(ServerFixture.PUSH));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("X-GitHub-Event");
  }

  @Test
  void bodyDeclaredLargerThanTheLimitIsAnswered413() {
    String big = "{\"pad\":\"" + "x".repeat(LIMIT * 4) + "\"}";

    HttpResponse<String> response = post(big, "application/json", "push", Http.sign(big));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"status\":\"rejected_invalid\"");
  }

  @Test
  void chunkedBodyLargerThanTheLimitIsAnswered413() {
    byte[] big = ("{\"pad\":\"" + "x".repeat(LIMIT * 4) + "\"}").getBytes();

    HttpResponse<String> response =
        http.send(
            "POST",
            "/webhook",
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)),
            "Content-Type",
            "application/json",
            WebhookIngestor.EVENT_HEADER,
            "push",
            WebhookIngestor.DELIVERY_HEADER,
            Payloads.newDeliveryId().value());

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void bodyOfExactlyTheLimitIsRead() {
    String prefix = "{\"ref\":\"x\",\"repository\":{},\"pad\":\"";
    String body = prefix + "x".repeat(LIMIT - prefix.length() - 2) + "\"}";
    assertThat(body).hasSize(LIMIT);

    HttpResponse<String> response = post(body, "application/json", "push", Http.sign(body));

    assertThat(response.statusCode()).isEqualTo(202);
  }

  @Test
  void textPlainIsAnswered415() {
    HttpResponse<String> response =
        post(ServerFixture.PUSH, "text/plain", "push", Http.sign(ServerFixture.PUSH));

    assertThat(response.statusCode()).isEqualTo(415);
  }

  @Test
  void signedBrokenJsonIsAnswered400AndQuarantined() {
    String broken = "{\"ref\": ";
    DeliveryId id = Payloads.newDeliveryId();
    long before = fixture.bridge.queue().stats().quarantine();

    HttpResponse<String> response = http.webhook("/webhook", "push", id, broken);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"status\":\"quarantined\"");
    assertThat(fixture.bridge.queue().stats().quarantine()).isEqualTo(before + 1);
    assertThat(fixture.bridge.queue().find(id))
        .hasValueSatisfying(e -> assertThat(e.section()).isEqualTo(QueueSection.QUARANTINE));
  }

  @Test
  void otherMethodsAreAnswered405WithAllowPost() {
    for (String method : new String[] {"GET", "PUT", "DELETE"}) {
      HttpResponse<String> response = http.send(method, "/webhook", "");

      assertThat(response.statusCode()).as(method).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).as(method).hasValue("POST");
      assertThat(response.body()).isEqualTo("{\"error\":\"method not allowed\"}");
    }
  }

  @Test
  void headIsAnswered405WithoutABody() {
    HttpResponse<String> response =
        http.send("HEAD", "/healthz", java.net.http.HttpRequest.BodyPublishers.noBody());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void unknownPathIsAnswered404Json() {
    for (String path : new String[] {"/", "/nope", "/webhook/", "/healthz/x", "/webhooks"}) {
      HttpResponse<String> response = http.get(path);

      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).isEqualTo("{\"error\":\"not found\"}");
    }
  }

  @Test
  void adminApiIsOffWithoutTokens() {
    HttpResponse<String> response =
        http.get("/api/queue/stats", "Authorization", "Bearer " + ServerFixture.ADMIN_TOKEN);

    assertThat(response.statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> post(
      String body, String contentType, String event, String signature) {
    return http.send(
        "POST",
        "/webhook",
        body,
        "Content-Type",
        contentType,
        WebhookIngestor.EVENT_HEADER,
        event,
        WebhookIngestor.DELIVERY_HEADER,
        Payloads.newDeliveryId().value(),
        WebhookSignature.HEADER,
        signature);
  }
}
