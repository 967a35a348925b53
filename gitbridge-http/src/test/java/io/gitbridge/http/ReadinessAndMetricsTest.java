package io.gitbridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.health.Health;
import io.gitbridge.core.health.HealthCheck;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.testkit.Await;
import io.gitbridge.testkit.Payloads;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadinessAndMetricsTest {
  static final AtomicReference<Supplier<Health>> redis = new AtomicReference<>();
  static ServerFixture fixture;
  static Http http;

  @BeforeAll
  static void startServer() {
    fixture =
        ServerFixture.start(
            InMemoryEventQueue.create(),
            true,
            b -> {},
            s ->
                s.healthCheck(check("queue", () -> Health.up("in memory")))
                    .healthCheck(check("redis", () -> redis.get().get())));
    http = fixture.http;
  }

  @AfterAll
  static void stopServer() {
    fixture.close();
  }

  @BeforeEach
  void redisIsUp() {
    redis.set(() -> Health.up("PONG"));
  }

  @Test
  void healthzIsUpWhileTheProcessLives() {
    HttpResponse<String> response = http.get("/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"up\"}");
    assertThat(http.send("POST", "/healthz", "").statusCode()).isEqualTo(405);
  }

  @Test
  void readyzIs200WithEveryComponentWhenAllAreUp() {
    HttpResponse<String> response = http.get("/readyz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"up\",\"components\":{"
                + "\"workers\":{\"status\":\"up\",\"detail\":\"running\"},"
                + "\"queue\":{\"status\":\"up\",\"detail\":\"in memory\"},"
                + "\"redis\":{\"status\":\"up\",\"detail\":\"PONG\"}}}");
  }

  @Test
  void readyzIs200WhenAComponentIsDegraded() {
    redis.set(() -> Health.degraded("on the failover queue"));

    HttpResponse<String> response = http.get("/readyz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .startsWith("{\"status\":\"degraded\"")
        .contains("\"redis\":{\"status\":\"degraded\",\"detail\":\"on the failover queue\"}");
  }

  @Test
  void readyzIs503WhenAComponentIsDown() {
    redis.set(() -> Health.down("connection refused"));

    HttpResponse<String> response = http.get("/readyz");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .startsWith("{\"status\":\"down\"")
        .contains("\"redis\":{\"status\":\"down\",\"detail\":\"connection refused\"}");
  }

  @Test
  void readyzCountsACheckThatThrowsOrAnswersNothingAsDown() {
    redis.set(
        () -> {
          throw new IllegalStateException("secret-bearing failure");
        });
    HttpResponse<String> thrown = http.get("/readyz");
    redis.set(() -> null);
    HttpResponse<String> nothing = http.get("/readyz");

    assertThat(thrown.statusCode()).isEqualTo(503);
    assertThat(thrown.body())
        .contains("\"redis\":{\"status\":\"down\",\"detail\":\"check failed\"}")
        .doesNotContain("secret");
    assertThat(nothing.statusCode()).isEqualTo(503);
    assertThat(nothing.body()).contains("\"detail\":\"no answer\"");
  }

  @Test
  void metricsServeTheContractNamesInPrometheusTextFormat() {
    DeliveryId id = Payloads.newDeliveryId();
    http.webhook("/webhook", "push", id, ServerFixture.PUSH);
    Await.until("the event is processed", () -> fixture.processed.contains(id.value()));
    Await.until(
        "the ingest latency is recorded",
        () -> !http.get("/metrics").body().contains("gitbridge_ingest_latency_seconds_count 0"));

    HttpResponse<String> response = http.get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body())
        .contains("gitbridge_webhooks_received_total{event=\"push\",outcome=\"accepted\"}")
        .contains("gitbridge_events_processed_total{event=\"push\",outcome=\"succeeded\"}")
        .contains("gitbridge_queue_depth{state=\"ready\"}")
        .contains("gitbridge_queue_depth{state=\"in_flight\"}")
        .contains("gitbridge_queue_depth{state=\"retry\"}")
        .contains("gitbridge_queue_depth{state=\"dead\"}")
        .contains("gitbridge_queue_depth{state=\"quarantine\"}")
        .contains("gitbridge_event_latency_seconds_bucket{le=")
        .contains("gitbridge_event_latency_seconds_count 1")
        .contains("gitbridge_ingest_latency_seconds_bucket{le=")
        .contains("gitbridge_queue_failover_active 0");
    assertThat(http.send("POST", "/metrics", "").statusCode()).isEqualTo(405);
  }

  private static HealthCheck check(String name, Supplier<Health> health) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Health check() {
        return health.get();
      }
    };
  }
}
