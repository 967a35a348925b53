package io.gitbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.GitBridgeListener.ProcessOutcome;
import io.gitbridge.core.github.GitHubApi;
import io.gitbridge.core.github.GitHubApiException;
import io.gitbridge.core.github.GitHubApiSelector;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.github.UnavailableGitHubApi;
import io.gitbridge.core.internal.Json;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.task.Route;
import io.gitbridge.core.task.Router;
import io.gitbridge.core.task.Task;
import io.gitbridge.core.task.TaskChain;
import io.gitbridge.core.work.EventProcessor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** GitHub chosen per event: what a GitHub App needs to act as each event's installation. */
class GitHubPerEventTest {
  private static final String LABEL_ISSUES =
      "[{\"on\":\"issues.opened\",\"tasks\":[{\"label\":{\"add\":[\"triage\"]}}]}]";

  private static final Task LABEL_STEP =
      chain -> {
        chain
            .context()
            .gitHub()
            .execute(
                new GitHubRequest(
                    GitHubEndpoint.ADD_LABELS,
                    Map.of("owner", "o", "repo", "r", "issue_number", "5"),
                    Json.parse("{\"labels\":[\"x\"]}")));
        return chain.proceed();
      };

  private final List<WebhookEvent> selected = new CopyOnWriteArrayList<>();
  private final Map<Long, RecordingGitHubApi> installations = new ConcurrentHashMap<>();

  /** Like an App's selector: one API per installation.id, an unavailable one without it. */
  private final GitHubApiSelector byInstallation =
      event -> {
        selected.add(event);
        long id = event.payload().path("installation").path("id").asLong(0);
        return id == 0
            ? new UnavailableGitHubApi("the event names no installation.id")
            : installations.computeIfAbsent(id, i -> new RecordingGitHubApi());
      };

  private static WebhookEvent issueOpened(String delivery, Long installationId) {
    String installation =
        installationId == null ? "" : ",\"installation\":{\"id\":" + installationId + "}";
    return new WebhookEvent(
        new DeliveryId(delivery),
        "issues",
        "{\"action\":\"opened\",\"issue\":{\"number\":5},\"repository\":{\"full_name\":\"o/r\"}"
            + installation
            + "}",
        Instant.now());
  }

  private static GitBridge.Builder bridge() {
    return GitBridge.builder().webhookSecret("s").queue(InMemoryEventQueue.create());
  }

  /** Offers the event and processes it on this thread, as a worker would. */
  private static ProcessOutcome process(GitBridge bridge, WebhookEvent event) {
    bridge.queue().offer(event);
    List<Lease> leases = bridge.queue().lease("test", 1);
    assertThat(leases).hasSize(1);
    return bridge.processor().process(leases.get(0));
  }

  private static QueueEntry entry(GitBridge bridge, String delivery) {
    return bridge.queue().find(new DeliveryId(delivery)).orElseThrow();
  }

  @Test
  void selectorReceivesEachEventAndTheTasksCallTheApiItChose() {
    try (GitBridge bridge =
        bridge()
            .gitHubPerEvent(byInstallation)
            .routeDefinitions(Json.parse(LABEL_ISSUES))
            .build()) {
      WebhookEvent first = issueOpened("d-1", 11L);
      WebhookEvent second = issueOpened("d-2", 22L);
      WebhookEvent third = issueOpened("d-3", 11L);

      assertThat(process(bridge, first)).isEqualTo(ProcessOutcome.SUCCEEDED);
      assertThat(process(bridge, second)).isEqualTo(ProcessOutcome.SUCCEEDED);
      assertThat(process(bridge, third)).isEqualTo(ProcessOutcome.SUCCEEDED);

      assertThat(selected).containsExactly(first, second, third);
      assertThat(installations.get(11L).requests(GitHubEndpoint.ADD_LABELS)).hasSize(2);
      assertThat(installations.get(22L).requests(GitHubEndpoint.ADD_LABELS)).hasSize(1);
      assertThat(bridge.gitHubSelector()).isSameAs(byInstallation);
    }
  }

  @Test
  void eventTheSelectorCannotServeIsDeadLetteredByTheStepThatCallsGitHub() {
    try (GitBridge bridge =
        bridge()
            .gitHubPerEvent(byInstallation)
            .route(Route.on("issues").step("look", TaskChain::proceed).build())
            .routeDefinitions(Json.parse(LABEL_ISSUES))
            .build()) {
      assertThat(process(bridge, issueOpened("no-installation", null)))
          .isEqualTo(ProcessOutcome.DEAD_LETTERED);

      QueueEntry dead = entry(bridge, "no-installation");
      assertThat(dead.section()).isEqualTo(QueueSection.DEAD);
      assertThat(dead.lastError())
          .isEqualTo(
              "step 2 (label): POST /repos/o/r/issues/5/labels -> no answer: not sent: the event"
                  + " names no installation.id");
    }
  }

  @Test
  void routeThatNeverCallsGitHubRunsWithoutAnInstallation() {
    try (GitBridge bridge =
        bridge()
            .gitHubPerEvent(byInstallation)
            .route(Route.on("issues").step("look", TaskChain::proceed).build())
            .build()) {
      assertThat(process(bridge, issueOpened("log-only", null)))
          .isEqualTo(ProcessOutcome.SUCCEEDED);
      assertThat(selected).hasSize(1);
    }
  }

  @Test
  void eventWithoutARouteDoesNotAskTheSelector() {
    try (GitBridge bridge = bridge().gitHubPerEvent(byInstallation).build()) {
      assertThat(process(bridge, issueOpened("unrouted", 1L))).isEqualTo(ProcessOutcome.NO_ROUTE);
      assertThat(selected).isEmpty();
    }
  }

  @Test
  void selectorThatThrowsOrAnswersNullHasTheEventRetried() {
    GitHubApiSelector broken =
        event -> {
          if (event.deliveryId().value().equals("throws")) {
            throw new IllegalStateException("key store offline");
          }
          return null;
        };
    try (GitBridge bridge =
        bridge().gitHubPerEvent(broken).routeDefinitions(Json.parse(LABEL_ISSUES)).build()) {
      assertThat(process(bridge, issueOpened("throws", 1L))).isEqualTo(ProcessOutcome.RETRIED);
      assertThat(process(bridge, issueOpened("null", 1L))).isEqualTo(ProcessOutcome.RETRIED);

      assertThat(entry(bridge, "throws").section()).isEqualTo(QueueSection.RETRY);
      assertThat(entry(bridge, "throws").lastError())
          .isEqualTo(
              "choosing the GitHub API for the event failed:"
                  + " java.lang.IllegalStateException: key store offline");
      assertThat(entry(bridge, "null").lastError()).endsWith("it returned null");
    }
  }

  @Test
  void singleApiIsTheSelectorsAnswerForEveryEvent() {
    RecordingGitHubApi api = new RecordingGitHubApi();
    try (GitBridge bridge =
        bridge()
            .gitHubPerEvent(byInstallation)
            .gitHub(api)
            .routeDefinitions(Json.parse(LABEL_ISSUES))
            .build()) {
      assertThat(bridge.gitHub()).isSameAs(api);
      assertThat(bridge.gitHubSelector().forEvent(issueOpened("any", 3L))).isSameAs(api);
      assertThat(bridge.gitHubSelector().toString()).startsWith("always ");
      assertThat(process(bridge, issueOpened("d", 3L))).isEqualTo(ProcessOutcome.SUCCEEDED);
      assertThat(api.requests()).hasSize(1);
      assertThat(selected).as("replaced by gitHub(api)").isEmpty();
    }
  }

  @Test
  void processorBuiltWithOneApiGivesItToEveryEvent() {
    RecordingGitHubApi api = new RecordingGitHubApi();
    InMemoryEventQueue queue = InMemoryEventQueue.create();
    EventProcessor processor =
        new EventProcessor(
            queue,
            new Router(List.of(Route.on("issues").step("label", LABEL_STEP).build())),
            api,
            Clock.systemUTC(),
            GitBridgeListener.NOOP);
    queue.offer(issueOpened("one", 1L));
    queue.offer(issueOpened("two", 2L));

    queue.lease("test", 2).forEach(processor::process);

    assertThat(api.requests(GitHubEndpoint.ADD_LABELS)).hasSize(2);
    queue.close();
  }

  @Test
  void perEventBridgeHasNoSingleApiAndSaysSo() {
    try (GitBridge bridge =
        bridge().gitHub(new RecordingGitHubApi()).gitHubPerEvent(byInstallation).build()) {
      GitHubApi single = bridge.gitHub();
      GitHubRequest request =
          new GitHubRequest(GitHubEndpoint.GET_AUTHENTICATED_USER, Map.of(), null);

      assertThat(single).isInstanceOf(UnavailableGitHubApi.class);
      assertThatThrownBy(() -> single.execute(request))
          .isInstanceOf(GitHubApiException.class)
          .hasMessage(
              "GET /user -> no answer: not sent: this GitBridge chooses the GitHub API per event"
                  + " (gitHubPerEvent); use gitHubSelector().forEvent(event)")
          .satisfies(e -> assertThat(((GitHubApiException) e).retryable()).isFalse());
      assertThat(single.toString()).contains("per event");
      assertThat(((UnavailableGitHubApi) single).reason()).startsWith("this GitBridge");
      assertThatThrownBy(() -> GitBridge.builder().gitHubPerEvent(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("selector == null");
      assertThatThrownBy(() -> GitHubApiSelector.always(null))
          .isInstanceOf(NullPointerException.class);
    }
  }
}
