package io.gitbridge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.GitBridgeListener.ProcessOutcome;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.ingest.IngestOutcome;
import io.gitbridge.core.queue.QueueUnavailableException;
import io.gitbridge.testkit.ManualClock;
import io.gitbridge.testkit.Payloads;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MicrometerListenerTest {
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final AtomicLong nanos = new AtomicLong();
  final MicrometerListener metrics = new MicrometerListener(registry, nanos::get);

  @Test
  void webhooksAreCountedByEventAndOutcome() {
    metrics.webhookReceived("push", IngestOutcome.ACCEPTED);
    metrics.webhookReceived("push", IngestOutcome.ACCEPTED);
    metrics.webhookReceived("unknown", IngestOutcome.REJECTED_INVALID);

    assertThat(registry.scrape())
        .contains("gitbridge_webhooks_received_total{event=\"push\",outcome=\"accepted\"} 2.0")
        .contains(
            "gitbridge_webhooks_received_total{event=\"unknown\",outcome=\"rejected_invalid\"} 1.0");
  }

  @Test
  void processedEventsAreCountedAndFinalOnesTimed() {
    metrics.eventProcessed("push", ProcessOutcome.RETRIED, Duration.ofSeconds(1));
    metrics.eventProcessed("push", ProcessOutcome.SUCCEEDED, Duration.ofSeconds(3));
    metrics.eventProcessed("issues", ProcessOutcome.DEAD_LETTERED, Duration.ofSeconds(5));
    metrics.eventProcessed("ping", ProcessOutcome.NO_ROUTE, Duration.ofMillis(2));

    assertThat(registry.scrape())
        .contains("gitbridge_events_processed_total{event=\"push\",outcome=\"retried\"} 1.0")
        .contains("gitbridge_events_processed_total{event=\"push\",outcome=\"succeeded\"} 1.0")
        .contains(
            "gitbridge_events_processed_total{event=\"issues\",outcome=\"dead_lettered\"} 1.0")
        .contains("gitbridge_events_processed_total{event=\"ping\",outcome=\"no_route\"} 1.0")
        .contains("gitbridge_event_latency_seconds_count 3")
        .contains("gitbridge_event_latency_seconds_sum 8.002")
        .contains("gitbridge_event_latency_seconds_bucket{le=\"+Inf\"} 3")
        .contains("gitbridge_event_latency_seconds_max 5.0");
  }

  @Test
  void gitHubRequestsAreCountedByEndpointAndStatus() {
    metrics.gitHubRequest(GitHubEndpoint.CREATE_COMMIT_STATUS, 201);
    metrics.gitHubRequest(GitHubEndpoint.ADD_LABELS, 0);

    assertThat(registry.scrape())
        .contains(
            "gitbridge_github_requests_total{endpoint=\"create_commit_status\",status=\"201\"} 1.0")
        .contains("gitbridge_github_requests_total{endpoint=\"add_labels\",status=\"0\"} 1.0");
  }

  @Test
  void failoverIsAZeroOrOneGauge() {
    assertThat(registry.scrape()).contains("gitbridge_queue_failover_active 0.0");
    metrics.failoverChanged(true);
    assertThat(registry.scrape()).contains("gitbridge_queue_failover_active 1.0");
    metrics.failoverChanged(false);
    assertThat(registry.scrape()).contains("gitbridge_queue_failover_active 0.0");
  }

  @Test
  void queueDepthIsAskedAtMostOncePerSecond() {
    FlakyQueue queue = new FlakyQueue();
    metrics.bindQueue(queue);
    queue.offer(Payloads.event("d-1", ManualClock.DEFAULT_START));

    assertThat(registry.scrape())
        .contains("gitbridge_queue_depth{state=\"ready\"} 1.0")
        .contains("gitbridge_queue_depth{state=\"in_flight\"} 0.0")
        .contains("gitbridge_queue_depth{state=\"retry\"} 0.0")
        .contains("gitbridge_queue_depth{state=\"dead\"} 0.0")
        .contains("gitbridge_queue_depth{state=\"quarantine\"} 0.0");
    assertThat(queue.statsCalls).isEqualTo(1);

    queue.offer(Payloads.event("d-2", ManualClock.DEFAULT_START));
    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(registry.scrape()).contains("gitbridge_queue_depth{state=\"ready\"} 1.0");
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(registry.scrape()).contains("gitbridge_queue_depth{state=\"ready\"} 2.0");
    assertThat(queue.statsCalls).isEqualTo(2);
  }

  @Test
  void queueDepthIsNaNWhenTheQueueCannotSayAndRecovers() {
    FlakyQueue queue = new FlakyQueue();
    metrics.bindQueue(queue);
    queue.failWith(new QueueUnavailableException("down"));

    assertThat(registry.scrape()).contains("gitbridge_queue_depth{state=\"dead\"} NaN");
    queue.failWith(null);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(registry.scrape()).contains("gitbridge_queue_depth{state=\"dead\"} 0.0");
  }

  @Test
  void onlyOneQueueMayBeBound() {
    metrics.bindQueue(new FlakyQueue());

    assertThatThrownBy(() -> metrics.bindQueue(new FlakyQueue()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void eventLabelsStayFewWhateverRequestsClaim() {
    metrics.webhookReceived("Robert'); DROP TABLE", IngestOutcome.REJECTED_SIGNATURE);
    for (int i = 0; i < MicrometerListener.MAX_EVENT_LABELS + 50; i++) {
      metrics.webhookReceived("made_up_" + i, IngestOutcome.REJECTED_SIGNATURE);
    }
    metrics.webhookReceived("made_up_0", IngestOutcome.REJECTED_SIGNATURE);

    String scrape = registry.scrape();
    assertThat(scrape)
        .contains(
            "gitbridge_webhooks_received_total{event=\"other\",outcome=\"rejected_signature\"} 51.0")
        .contains(
            "gitbridge_webhooks_received_total{event=\"made_up_0\",outcome=\"rejected_signature\"}"
                + " 2.0")
        .doesNotContain("DROP");
    assertThat(scrape.lines().filter(l -> l.startsWith("gitbridge_webhooks_received_total{")))
        .hasSize(MicrometerListener.MAX_EVENT_LABELS + 1);
  }

  @Test
  void aMeterThatCannotBeRegisteredIsIgnored() {
    registry.counter("gitbridge.webhooks.received", "other_key", "x");
    registry.counter("gitbridge.events.processed", "other_key", "x");
    registry.counter("gitbridge.github.requests", "other_key", "x");

    metrics.webhookReceived("push", IngestOutcome.ACCEPTED);
    metrics.eventProcessed("push", ProcessOutcome.SUCCEEDED, Duration.ofSeconds(1));
    metrics.gitHubRequest(GitHubEndpoint.ADD_LABELS, 200);

    assertThat(registry.scrape()).doesNotContain("event=\"push\"");
  }
}
