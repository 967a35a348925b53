package io.gitbridge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.GitBridge;
import io.gitbridge.core.GitBridgeListener.ProcessOutcome;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.github.GitHubApiSelector;
import io.gitbridge.core.github.UnavailableGitHubApi;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.testkit.Payloads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** GitBridge acting as each event's App installation, against GitHub played by MockWebServer. */
class InstallationSelectorTest extends GitHubServerTest {
  private static final String LABELS_PATH = "/api/v3/repos/octo-org/hello-world/issues/42/labels";

  private OkHttpGitHubApi.Builder appBuilder() {
    return OkHttpGitHubApi.builder()
        .baseUrl(server.url("/api/v3").toString())
        .appAuth(new GitHubAppCredentials("12345", TestKeys.pkcs1Pem()))
        .mutatingRequestSpacing(Duration.ZERO)
        .clock(clock)
        .sleeper(sleeper)
        .listener(listener);
  }

  private GitBridge bridge(OkHttpGitHubApi app) throws Exception {
    return GitBridge.builder()
        .webhookSecret("s")
        .queue(InMemoryEventQueue.create())
        .gitHubPerEvent(app.perInstallation())
        .routeDefinitions(
            MAPPER.readTree(
                "[{\"on\":\"pull_request.opened\",\"tasks\":[{\"label\":{\"add\":[\"needs-review\"]}}]}]"))
        .clock(clock)
        .build();
  }

  /** The recorded pull_request.opened payload as sent by installation {@code id} (or none). */
  private static WebhookEvent pullRequestOpened(String delivery, String installation) {
    String body =
        Payloads.read(Payloads.PULL_REQUEST_OPENED)
            .replace(
                "\"installation\": {\n    \"id\": 43219876,", "\"installation\": " + installation);
    return new WebhookEvent(new DeliveryId(delivery), "pull_request", body, Instant.EPOCH);
  }

  private static WebhookEvent fromInstallation(String delivery, long id) {
    return pullRequestOpened(delivery, "{\n    \"id\": " + id + ",");
  }

  private static ProcessOutcome process(GitBridge bridge, WebhookEvent event) {
    bridge.queue().offer(event);
    List<Lease> leases = bridge.queue().lease("test", 1);
    assertThat(leases).hasSize(1);
    return bridge.processor().process(leases.get(0));
  }

  private MockResponse installationToken(String token) {
    String body =
        GitHubAnswers.body("installation-token.json")
            .replace("%TOKEN%", token)
            .replace("%EXPIRES_AT%", clock.instant().plus(Duration.ofHours(1)).toString());
    return GitHubAnswers.headers(201, clock, 4990).body(body).build();
  }

  private MockResponse labelsAdded() {
    return GitHubAnswers.json(200, "labels-added.json", clock).build();
  }

  private static String bearer(RecordedRequest request) {
    return request.getHeaders().get("Authorization").substring("Bearer ".length());
  }

  @Test
  void eventsOfTwoInstallationsGetTwoTokensAndASecondEventReusesItsInstallationsToken()
      throws Exception {
    server.enqueue(installationToken("ghs_one"));
    server.enqueue(labelsAdded());
    server.enqueue(installationToken("ghs_two"));
    server.enqueue(labelsAdded());
    server.enqueue(labelsAdded());
    OkHttpGitHubApi app = track(appBuilder().build());

    try (GitBridge bridge = bridge(app)) {
      assertThat(process(bridge, fromInstallation("d-1", 1001)))
          .isEqualTo(ProcessOutcome.SUCCEEDED);
      assertThat(process(bridge, fromInstallation("d-2", 2002)))
          .isEqualTo(ProcessOutcome.SUCCEEDED);
      assertThat(process(bridge, fromInstallation("d-3", 1001)))
          .isEqualTo(ProcessOutcome.SUCCEEDED);
    }

    RecordedRequest firstToken = take();
    assertThat(firstToken.getTarget()).isEqualTo("/api/v3/app/installations/1001/access_tokens");
    assertThat(TestKeys.verifiedClaims(bearer(firstToken)).path("iss").asText()).isEqualTo("12345");
    RecordedRequest first = take();
    assertThat(first.getTarget()).isEqualTo(LABELS_PATH);
    assertThat(bearer(first)).isEqualTo("ghs_one");
    assertThat(first.getBody().utf8()).isEqualTo("{\"labels\":[\"needs-review\"]}");
    assertThat(take().getTarget()).isEqualTo("/api/v3/app/installations/2002/access_tokens");
    assertThat(bearer(take())).isEqualTo("ghs_two");
    RecordedRequest third = take();
    assertThat(third.getTarget()).as("no new token for 1001").isEqualTo(LABELS_PATH);
    assertThat(bearer(third)).isEqualTo("ghs_one");
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void eventWithoutInstallationIsDeadLetteredByItsGitHubStepWithoutCallingGitHub()
      throws Exception {
    OkHttpGitHubApi app = track(appBuilder().build());

    try (GitBridge bridge = bridge(app)) {
      assertThat(process(bridge, pullRequestOpened("no-id", "{")))
          .isEqualTo(ProcessOutcome.DEAD_LETTERED);
      assertThat(process(bridge, pullRequestOpened("bad-id", "{\"id\": \"43219876\",")))
          .isEqualTo(ProcessOutcome.DEAD_LETTERED);

      QueueEntry noId = bridge.queue().find(new DeliveryId("no-id")).orElseThrow();
      assertThat(noId.lastError())
          .isEqualTo(
              "step 1 (label): POST /repos/octo-org/hello-world/issues/42/labels -> no answer: not"
                  + " sent: pull_request.opened no-id names no installation.id, and GitHub App"
                  + " auth calls GitHub as the installation the event names (is this webhook the"
                  + " App's own?)");
      assertThat(bridge.queue().find(new DeliveryId("bad-id")).orElseThrow().lastError())
          .contains("installation.id that is not a positive whole number");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void eventWithoutInstallationActsAsTheDefaultInstallationWhenOneIsSet() throws Exception {
    server.enqueue(installationToken("ghs_default"));
    server.enqueue(labelsAdded());
    OkHttpGitHubApi app = track(appBuilder().installationId(7).build());

    try (GitBridge bridge = bridge(app)) {
      assertThat(process(bridge, pullRequestOpened("no-id", "{")))
          .isEqualTo(ProcessOutcome.SUCCEEDED);
    }

    assertThat(take().getTarget()).isEqualTo("/api/v3/app/installations/7/access_tokens");
    assertThat(bearer(take())).isEqualTo("ghs_default");
  }

  @Test
  void selectorNeedsAnAppAndSaysWhatItServes() {
    OkHttpGitHubApi app = track(appBuilder().build());
    GitHubApiSelector selector = app.perInstallation();

    assertThat(selector.forEvent(fromInstallation("d", 5)).toString())
        .endsWith("as installation 5");
    assertThat(selector.forEvent(pullRequestOpened("d", "{")))
        .isInstanceOf(UnavailableGitHubApi.class);
    assertThat(selector.toString()).startsWith("InstallationSelector[OkHttpGitHubApi[");
    assertThatThrownBy(() -> api().perInstallation())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("appAuth");
    assertThat(server.getRequestCount()).isZero();
  }
}
