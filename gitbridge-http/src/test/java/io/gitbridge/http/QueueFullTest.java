package io.gitbridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.testkit.Payloads;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A queue of one event with no workers to drain it. */
class QueueFullTest {
  ServerFixture fixture;

  @BeforeEach
  void startServer() {
    fixture =
        ServerFixture.start(
            new InMemoryEventQueue(QueuePolicy.builder().maxSize(1).build()),
            false,
            b -> {},
            s -> {});
  }

  @AfterEach
  void stopServer() {
    fixture.close();
  }

  @Test
  void aFullQueueIsAnswered503WithRetryAfter() {
    HttpResponse<String> first =
        fixture.http.webhook("/webhook", "push", Payloads.newDeliveryId(), ServerFixture.PUSH);
    HttpResponse<String> second =
        fixture.http.webhook("/webhook", "push", Payloads.newDeliveryId(), ServerFixture.PUSH);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(second.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(second.body()).contains("\"status\":\"rejected_full\"");
    assertThat(fixture.bridge.queue().stats().ready()).isEqualTo(1);
    assertThat(fixture.http.get("/metrics").body())
        .contains(
            "gitbridge_webhooks_received_total{event=\"push\",outcome=\"rejected_full\"} 1.0");
  }

  @Test
  void readyzIs503WhileTheWorkersAreNotRunning() {
    HttpResponse<String> stopped = fixture.http.get("/readyz");
    fixture.bridge.start();
    HttpResponse<String> started = fixture.http.get("/readyz");

    assertThat(stopped.statusCode()).isEqualTo(503);
    assertThat(stopped.body())
        .isEqualTo(
            "{\"status\":\"down\",\"components\":{\"workers\":"
                + "{\"status\":\"down\",\"detail\":\"workers are not running\"}}}");
    assertThat(started.statusCode()).isEqualTo(200);
  }
}
