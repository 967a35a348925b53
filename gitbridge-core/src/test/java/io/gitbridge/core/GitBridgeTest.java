package io.gitbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.GitBridgeListener.ProcessOutcome;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.ingest.IngestRequest;
import io.gitbridge.core.ingest.IngestResult;
import io.gitbridge.core.ingest.WebhookSignature;
import io.gitbridge.core.internal.Json;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.task.Route;
import io.gitbridge.core.task.TaskChain;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class GitBridgeTest {
  private static final String SECRET = "s";

  private static IngestResult deliver(GitBridge bridge, String type, String id, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return bridge
        .ingestor()
        .ingest(
            new IngestRequest(
                Map.of(
                    "Content-Type",
                    "application/json",
                    "X-GitHub-Event",
                    type,
                    "X-GitHub-Delivery",
                    id,
                    "X-Hub-Signature-256",
                    WebhookSignature.sign(SECRET, bytes)),
                bytes,
                "127.0.0.1"));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  @Test
  void workersProcessAcceptedEventsThroughConfiguredRoutes() throws Exception {
    RecordingGitHubApi gitHub = new RecordingGitHubApi();
    ConcurrentLinkedQueue<ProcessOutcome> outcomes = new ConcurrentLinkedQueue<>();
    try (GitBridge bridge =
        GitBridge.builder()
            .webhookSecrets(List.of(SECRET))
            .gitHub(gitHub)
            .workers(2)
            .pollInterval(Duration.ofMillis(20))
            .shutdownGrace(Duration.ofSeconds(5))
            .consumerName("test")
            .maxPayloadBytes(4096)
            .listener(
                new GitBridgeListener() {
                  @Override
                  public void eventProcessed(String t, ProcessOutcome o, Duration latency) {
                    outcomes.add(o);
                  }
                })
            .routeDefinitions(
                Json.parse(
                    "[{\"on\":\"issues.opened\",\"tasks\":[{\"label\":{\"add\":[\"triage\"]}}]}]"))
            .build()
            .start()) {
      assertThat(bridge.isRunning()).isTrue();
      String body =
          "{\"action\":\"opened\",\"issue\":{\"number\":5},\"repository\":{\"full_name\":\"o/r\"}}";
      for (int i = 0; i < 20; i++) {
        assertThat(deliver(bridge, "issues", "d-" + i, body).status()).isEqualTo(202);
      }
      deliver(bridge, "push", "p-1", "{\"ref\":\"x\",\"repository\":{}}");
      await(() -> outcomes.size() == 21);
      assertThat(gitHub.requests(GitHubEndpoint.ADD_LABELS)).hasSize(20);
      assertThat(outcomes).filteredOn(o -> o == ProcessOutcome.NO_ROUTE).hasSize(1);
      assertThat(bridge.queue().stats().live()).isZero();
      assertThat(bridge.router().routes()).hasSize(1);
      assertThat(bridge.gitHub()).isSameAs(gitHub);
    }
  }

  @Test
  void closeStopsWorkersAndIsIdempotent() {
    GitBridge bridge =
        GitBridge.builder()
            .webhookSecret(SECRET)
            .queue(InMemoryEventQueue.create())
            .route(Route.on("*").step("noop", TaskChain::proceed).build())
            .build();
    bridge.start().start();
    bridge.close();
    assertThat(bridge.isRunning()).isFalse();
    bridge.close();
  }

  @Test
  void buildRefusesIncompleteOrImpossibleWiring() {
    assertThatThrownBy(() -> GitBridge.builder().build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("github.webhook_secret");
    assertThatThrownBy(() -> GitBridge.builder().webhookSecret(SECRET).workers(0).build())
        .hasMessageContaining("workers");
    assertThatThrownBy(() -> GitBridge.builder().webhookSecret(SECRET).maxPayloadBytes(0).build())
        .hasMessageContaining("payload");
    assertThatThrownBy(
            () -> GitBridge.builder().webhookSecret(SECRET).pollInterval(Duration.ZERO).build())
        .hasMessageContaining("poll");
    assertThatThrownBy(
            () ->
                GitBridge.builder()
                    .webhookSecret(SECRET)
                    .routeDefinitions(Json.parse("[{\"on\":\"push\",\"tasks\":[\"nope\"]}]"))
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("routes[0].tasks[0]");
  }

  @Test
  void customTasksAreAvailableToRouteDefinitions() {
    GitBridge bridge =
        GitBridge.builder()
            .webhookSecret(SECRET)
            .task("deploy", options -> TaskChain::proceed)
            .routeDefinitions(Json.parse("[{\"on\":\"push\",\"tasks\":[\"deploy\"]}]"))
            .build();
    assertThat(bridge.router().routes().get(0).steps().get(0).name()).isEqualTo("deploy");
    bridge.close();
  }
}
