package io.gitbridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.testkit.Payloads;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API on a bridge whose workers are stopped, so events stay where a test puts them. */
class AdminApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String[] ADMIN = {"Authorization", "Bearer " + ServerFixture.ADMIN_TOKEN};
  static final String[] READ = {"Authorization", "Bearer " + ServerFixture.READ_TOKEN};

  ServerFixture fixture;
  Http http;
  EventQueue queue;

  @BeforeEach
  void startServer() {
    fixture =
        ServerFixture.start(
            InMemoryEventQueue.create(),
            false,
            b -> {},
            s -> s.adminToken(ServerFixture.ADMIN_TOKEN).readToken(ServerFixture.READ_TOKEN));
    http = fixture.http;
    queue = fixture.bridge.queue();
  }

  @AfterEach
  void stopServer() {
    fixture.close();
  }

  @Test
  void everyPathNeedsAValidBearerToken() {
    for (String[] auth :
        new String[][] {
          {},
          {"Authorization", "Bearer wrong-token"},
          {"Authorization", "Bearer " + ServerFixture.ADMIN_TOKEN + "x"},
          {"Authorization", "Basic " + ServerFixture.ADMIN_TOKEN},
          {"Authorization", "Bearer"},
        }) {
      for (String path : new String[] {"/api/queue/stats", "/api/nope", "/api/events/x/retry"}) {
        HttpResponse<String> response = http.get(path, auth);

        assertThat(response.statusCode()).as("%s %s", path, List.of(auth)).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .hasValue("Bearer realm=\"gitbridge\"");
        assertThat(response.body()).doesNotContain(ServerFixture.ADMIN_TOKEN);
      }
    }
  }

  @Test
  void readTokenMayLookButNotChange() {
    DeliveryId id = accept();

    assertThat(http.get("/api/queue/stats", READ).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/queue/ready", READ).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/events/" + id, READ).statusCode()).isEqualTo(200);
    for (String[] change :
        new String[][] {
          {"POST", "/api/events/" + id + "/retry"},
          {"DELETE", "/api/events/" + id},
          {"POST", "/api/queue/ready/purge"},
          {"POST", "/api/queue/pause"},
          {"POST", "/api/queue/resume"},
        }) {
      HttpResponse<String> response = http.send(change[0], change[1], "", READ);

      assertThat(response.statusCode()).as(String.join(" ", change)).isEqualTo(403);
      assertThat(response.body()).isEqualTo("{\"error\":\"this token may only read\"}");
    }
    assertThat(queue.find(id)).isPresent();
  }

  @Test
  void statsCountEverySection() throws Exception {
    deadLetter(accept());
    accept();
    accept();
    fixture.http.webhook("/webhook", "push", Payloads.newDeliveryId(), "not json");

    JsonNode stats = json(http.get("/api/queue/stats", ADMIN), 200);

    assertThat(stats.toString())
        .isEqualTo("{\"ready\":2,\"in_flight\":0,\"retry\":0,\"dead\":1,\"quarantine\":1}");
  }

  @Test
  void browsingPagesThroughASectionWithACursor() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(accept().value());
    }

    JsonNode first = json(http.get("/api/queue/ready?limit=2", ADMIN), 200);
    String cursor = first.get("next_cursor").asText();
    JsonNode second = json(http.get("/api/queue/ready?limit=2&cursor=" + cursor, ADMIN), 200);

    assertThat(first.get("section").asText()).isEqualTo("ready");
    assertThat(deliveries(first)).containsExactly(ids.get(0), ids.get(1));
    assertThat(deliveries(second)).containsExactly(ids.get(2));
    assertThat(second.get("next_cursor").isNull()).isTrue();
    JsonNode entry = first.get("entries").get(0);
    assertThat(entry.get("type").asText()).isEqualTo("push");
    assertThat(entry.get("attempts").asInt()).isZero();
    assertThat(entry.has("received_at")).isTrue();
    assertThat(entry.has("body")).isFalse();
  }

  @Test
  void browsingFiltersAPageByDeliveryOrType() throws Exception {
    DeliveryId wanted = accept();
    accept();

    JsonNode byId =
        json(http.get("/api/queue/ready?q=" + wanted.value().substring(0, 13), ADMIN), 200);
    JsonNode byType = json(http.get("/api/queue/ready?q=PUS", ADMIN), 200);
    JsonNode none = json(http.get("/api/queue/ready?q=pull_request", ADMIN), 200);

    assertThat(deliveries(byId)).containsExactly(wanted.value());
    assertThat(deliveries(byType)).hasSize(2);
    assertThat(deliveries(none)).isEmpty();
  }

  @Test
  void browsingRefusesBadSectionsLimitsAndCursors() {
    for (String path :
        new String[] {
          "/api/queue/nope",
          "/api/queue/ready?limit=0",
          "/api/queue/ready?limit=501",
          "/api/queue/ready?limit=ten",
          "/api/queue/ready?cursor=abc",
        }) {
      assertThat(http.get(path, ADMIN).statusCode()).as(path).isEqualTo(400);
    }
    assertThat(http.get("/api/queue/nope", ADMIN).body()).contains("unknown queue section 'nope'");
    assertThat(http.send("POST", "/api/queue/dead", "", ADMIN).statusCode()).isEqualTo(405);
    assertThat(http.send("POST", "/api/queue/stats", "", ADMIN).statusCode()).isEqualTo(405);
  }

  @Test
  void anEventIsShownWithItsBody() throws Exception {
    DeliveryId id = accept();

    JsonNode event = json(http.get("/api/events/" + id, ADMIN), 200);

    assertThat(event.get("delivery").asText()).isEqualTo(id.value());
    assertThat(event.get("section").asText()).isEqualTo("ready");
    assertThat(event.get("body").asText()).isEqualTo(ServerFixture.PUSH);
  }

  @Test
  void unknownDeliveriesAre404AndMalformedOnes400() {
    assertThat(http.get("/api/events/no-such-delivery", ADMIN).statusCode()).isEqualTo(404);
    assertThat(http.send("POST", "/api/events/no-such-delivery/retry", "", ADMIN).statusCode())
        .isEqualTo(404);
    assertThat(http.send("DELETE", "/api/events/no-such-delivery", "", ADMIN).statusCode())
        .isEqualTo(404);
    assertThat(http.get("/api/events/%41bc", ADMIN).statusCode()).isEqualTo(400);
    assertThat(http.send("PUT", "/api/events/abc", "", ADMIN).statusCode()).isEqualTo(405);
  }

  @Test
  void retryMovesADeadLetterBackToReady() throws Exception {
    DeliveryId id = accept();
    deadLetter(id);

    JsonNode answer = json(http.send("POST", "/api/events/" + id + "/retry", "", ADMIN), 200);

    assertThat(answer.toString()).isEqualTo("{\"delivery\":\"" + id + "\",\"requeued\":true}");
    assertThat(queue.find(id).orElseThrow().section()).isEqualTo(QueueSection.READY);
  }

  @Test
  void retryOfAReadyEventIsAConflict() {
    DeliveryId id = accept();

    HttpResponse<String> response = http.send("POST", "/api/events/" + id + "/retry", "", ADMIN);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).contains("is ready; not requeued");
  }

  @Test
  void retryOfAQuarantinedDeliveryThatIsStillBrokenIsAConflict() {
    DeliveryId id = Payloads.newDeliveryId();
    http.webhook("/webhook", "push", id, "{broken");

    HttpResponse<String> response = http.send("POST", "/api/events/" + id + "/retry", "", ADMIN);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).contains("still cannot be processed");
    assertThat(queue.find(id).orElseThrow().section()).isEqualTo(QueueSection.QUARANTINE);
  }

  @Test
  void deleteRemovesAnEventButNotOneInFlight() throws Exception {
    DeliveryId gone = accept();

    JsonNode answer = json(http.send("DELETE", "/api/events/" + gone, "", ADMIN), 200);
    DeliveryId running = accept();
    queue.lease("test", 1);
    HttpResponse<String> inFlight = http.send("DELETE", "/api/events/" + running, "", ADMIN);

    assertThat(answer.get("deleted").asBoolean()).isTrue();
    assertThat(queue.find(gone)).isEmpty();
    assertThat(inFlight.statusCode()).isEqualTo(409);
    assertThat(queue.find(running)).isPresent();
  }

  @Test
  void purgeEmptiesASectionButNeverTheOneInFlight() throws Exception {
    accept();
    accept();

    JsonNode answer = json(http.send("POST", "/api/queue/ready/purge", "", ADMIN), 200);

    assertThat(answer.toString()).isEqualTo("{\"section\":\"ready\",\"purged\":2}");
    assertThat(queue.stats().ready()).isZero();
    assertThat(http.send("POST", "/api/queue/in_flight/purge", "", ADMIN).statusCode())
        .isEqualTo(400);
    assertThat(http.send("POST", "/api/queue/nope/purge", "", ADMIN).statusCode()).isEqualTo(400);
    assertThat(http.get("/api/queue/ready/purge", ADMIN).statusCode()).isEqualTo(405);
  }

  @Test
  void pauseResumeAndStreamAreNotImplementedYet() {
    for (String[] call :
        new String[][] {
          {"POST", "/api/queue/pause"}, {"POST", "/api/queue/resume"}, {"GET", "/api/stream"}
        }) {
      HttpResponse<String> response = http.send(call[0], call[1], "", ADMIN);

      assertThat(response.statusCode()).as(call[1]).isEqualTo(501);
      assertThat(response.body()).isEqualTo("{\"error\":\"not implemented yet\"}");
    }
  }

  @Test
  void unknownApiPathsAre404() {
    for (String path :
        new String[] {
          "/api/",
          "/api/nope",
          "/api/queue",
          "/api/queue/ready/x",
          "/api/events",
          "/api/events/a/b/c",
          "/api/events/a/nope",
          "/api/stream/x"
        }) {
      assertThat(http.get(path, ADMIN).statusCode()).as(path).isEqualTo(404);
    }
  }

  private DeliveryId accept() {
    DeliveryId id = Payloads.newDeliveryId();
    assertThat(http.webhook("/webhook", "push", id, ServerFixture.PUSH).statusCode())
        .isEqualTo(202);
    return id;
  }

  /** Dead-letters {@code id}, which must be the oldest ready event. */
  private void deadLetter(DeliveryId id) {
    Lease lease = queue.lease("test", 1).get(0);
    assertThat(lease.event().deliveryId()).isEqualTo(id);
    queue.deadLetter(lease, "boom");
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static List<String> deliveries(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("entries").forEach(e -> ids.add(e.get("delivery").asText()));
    return ids;
  }
}
