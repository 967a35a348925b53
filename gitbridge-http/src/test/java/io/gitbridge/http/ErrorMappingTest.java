package io.gitbridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.queue.QueueUnavailableException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a broken queue behind the admin API turns into: statuses, never stack traces. */
class ErrorMappingTest {
  static final String[] ADMIN = {"Authorization", "Bearer " + ServerFixture.ADMIN_TOKEN};
  static final FlakyQueue queue = new FlakyQueue();
  static ServerFixture fixture;

  @BeforeAll
  static void startServer() {
    fixture =
        ServerFixture.start(queue, false, b -> {}, s -> s.adminToken(ServerFixture.ADMIN_TOKEN));
  }

  @AfterAll
  static void stopServer() {
    fixture.close();
  }

  @BeforeEach
  void heal() {
    queue.failWith(null);
  }

  @Test
  void anUnexpectedExceptionIsA500WithoutItsMessage() {
    queue.failWith(new IllegalStateException("Exception: password=hunter2 at io.gitbridge.X"));

    HttpResponse<String> response = fixture.http.get("/api/queue/stats", ADMIN);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(response.body()).isEqualTo("{\"error\":\"internal error\"}");
  }

  @Test
  void anUnreachableQueueIsA503WithRetryAfter() {
    queue.failWith(new QueueUnavailableException("redis at 10.0.0.1:6379 refused"));

    HttpResponse<String> response = fixture.http.get("/api/queue/dead", ADMIN);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(response.body()).isEqualTo("{\"error\":\"queue unavailable, retry later\"}");
  }

  @Test
  void theServerKeepsAnsweringAfterAFailure() {
    queue.failWith(new IllegalStateException("boom"));
    fixture.http.get("/api/queue/stats", ADMIN);
    queue.failWith(null);

    assertThat(fixture.http.get("/api/queue/stats", ADMIN).statusCode()).isEqualTo(200);
    assertThat(fixture.http.get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void queueDepthIsNaNWhileTheQueueCannotSay() {
    queue.failWith(new QueueUnavailableException("down"));

    String metrics = fixture.http.get("/metrics").body();

    assertThat(metrics).contains("gitbridge_queue_depth{state=\"ready\"} NaN");
  }
}
