package io.gitbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.GitBridgeListener.ProcessOutcome;
import io.gitbridge.core.github.GitHubApiException;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.core.github.GitHubResponse;
import io.gitbridge.core.ingest.IngestOutcome;
import io.gitbridge.core.ingest.WebhookSignature;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.queue.RetryPolicy;
import io.gitbridge.core.task.Route;
import io.gitbridge.core.task.TaskResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One signed webhook in, GitHub calls out: the whole path on the in-memory adapters. */
class WholePathTest {
  private static final String ROUTES =
      "[{\"on\":[\"pull_request.opened\",\"pull_request.synchronize\"],"
          + "\"if\":{\"pull_request.draft\":false},"
          + "\"tasks\":[{\"commit-status\":{\"sha\":\"{{pull_request.head.sha}}\","
          + "\"state\":\"pending\",\"context\":\"gitbridge\",\"description\":\"queued\"}},"
          + "{\"label\":{\"add\":[\"needs-review\"]}}]},"
          + "{\"on\":[\"*\"],\"tasks\":[{\"repository-dispatch\":{\"repo\":\"acme/audit\","
          + "\"event_type\":\"gh-{{event}}\",\"client_payload\":{\"delivery\":\"{{delivery_id}}\"}}}]}]";

  private static final RetryPolicy TWO_RETRIES =
      RetryPolicy.builder()
          .maxRetries(2)
          .baseDelay(Duration.ofSeconds(1))
          .maxDelay(Duration.ofSeconds(4))
          .jitter(0)
          .build();

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void recordedPullRequestRunsTheConfiguredChainWithValuesFromThePayload() throws Exception {
    JsonNode routes = json(ROUTES);
    try (GitBridgeHarness h = GitBridgeHarness.create(b -> b.routeDefinitions(routes))) {
      DeliveryId id = Payloads.newDeliveryId();
      assertThat(
              h.deliver("pull_request", id, Payloads.read(Payloads.PULL_REQUEST_OPENED)).status())
          .isEqualTo(202);

      assertThat(h.drain()).containsExactly(ProcessOutcome.SUCCEEDED);

      List<GitHubRequest> calls = h.gitHub().requests();
      assertThat(calls)
          .extracting(GitHubRequest::toString)
          .containsExactly(
              "POST /repos/octo-org/hello-world/statuses/6dcb09b5b57875f334f61aebed695e2e4193db5e",
              "POST /repos/octo-org/hello-world/issues/42/labels",
              "POST /repos/acme/audit/dispatches");
      assertThat(calls.get(0).body().toString())
          .isEqualTo(
              "{\"state\":\"pending\",\"context\":\"gitbridge\",\"description\":\"queued\"}");
      assertThat(calls.get(2).body().path("client_payload").path("delivery").asText())
          .isEqualTo(id.value());
      assertThat(h.stats().live()).isZero();
    }
  }

  @Test
  void recordedSignaturesAreAcceptedAsGitHubMadeThem() {
    for (String name :
        List.of(Payloads.PULL_REQUEST_OPENED, Payloads.ISSUE_COMMENT_CREATED, Payloads.PUSH)) {
      byte[] body = Payloads.read(name).getBytes(StandardCharsets.UTF_8);
      assertThat(WebhookSignature.sign(Payloads.TEST_SECRET, body))
          .as(name)
          .isEqualTo(Payloads.recordedSignature(name));
    }
  }

  @Test
  void draftPullRequestOnlyGetsTheCatchAllRoute() throws Exception {
    JsonNode routes = json(ROUTES);
    String draft =
        Payloads.read(Payloads.PULL_REQUEST_OPENED).replace("\"draft\": false", "\"draft\": true");
    try (GitBridgeHarness h = GitBridgeHarness.create(b -> b.routeDefinitions(routes))) {
      h.deliver("pull_request", draft);
      h.drain();
      assertThat(h.gitHub().requests())
          .extracting(GitHubRequest::endpoint)
          .containsExactly(GitHubEndpoint.CREATE_REPOSITORY_DISPATCH);
    }
  }

  @Test
  void sameDeliveryTwiceIsProcessedOnce() throws Exception {
    JsonNode routes = json(ROUTES);
    try (GitBridgeHarness h = GitBridgeHarness.create(b -> b.routeDefinitions(routes))) {
      DeliveryId id = Payloads.newDeliveryId();
      String body = Payloads.read(Payloads.PUSH);
      assertThat(h.deliver("push", id, body).outcome()).isEqualTo(IngestOutcome.ACCEPTED);
      h.drain();
      assertThat(h.deliver("push", id, body).outcome()).isEqualTo(IngestOutcome.DUPLICATE);
      assertThat(h.drain()).isEmpty();
      assertThat(h.gitHub().requests()).hasSize(1);
    }
  }

  @Test
  void taskThatThrowsIsRetriedWithBackoffThenDeadLetteredWithoutRepeatingEarlierSteps() {
    AtomicInteger firstStepRuns = new AtomicInteger();
    List<java.time.Instant> failedAt = new ArrayList<>();
    try (GitBridgeHarness h =
        GitBridgeHarness.create(
            TWO_RETRIES,
            b ->
                b.route(
                    Route.on("push")
                        .step(
                            "count",
                            chain -> {
                              firstStepRuns.incrementAndGet();
                              return chain.proceed();
                            })
                        .step(
                            "explode",
                            chain -> {
                              failedAt.add(chain.context().clock().instant());
                              throw new IllegalStateException("downstream is down");
                            })
                        .build()))) {
      DeliveryId id = Payloads.newDeliveryId();
      h.deliver("push", id, Payloads.read(Payloads.PUSH));

      assertThat(h.drain()).containsExactly(ProcessOutcome.RETRIED);
      h.advance(Duration.ofMillis(999));
      assertThat(h.drain()).as("not before the 1 s backoff").isEmpty();
      h.advance(Duration.ofMillis(1));
      assertThat(h.drain()).containsExactly(ProcessOutcome.RETRIED);
      h.advance(Duration.ofSeconds(2));
      assertThat(h.drain()).containsExactly(ProcessOutcome.DEAD_LETTERED);

      assertThat(failedAt).hasSize(3);
      assertThat(Duration.between(failedAt.get(0), failedAt.get(1)))
          .isEqualTo(Duration.ofSeconds(1));
      assertThat(Duration.between(failedAt.get(1), failedAt.get(2)))
          .isEqualTo(Duration.ofSeconds(2));
      assertThat(firstStepRuns).as("step 1 ran once, before the checkpoint").hasValue(1);
      QueueEntry dead = h.bridge().queue().find(id).orElseThrow();
      assertThat(dead.section()).isEqualTo(QueueSection.DEAD);
      assertThat(dead.lastError()).contains("step 2 (explode)").contains("downstream is down");
    }
  }

  @Test
  void chainFailingAtStepTwoOfThreeResumesAtStepTwo() {
    AtomicInteger gitHubFailures = new AtomicInteger(1);
    try (GitBridgeHarness h =
        GitBridgeHarness.create(
            b ->
                b.routeDefinitions(
                    jsonUnchecked(
                        "[{\"on\":\"pull_request\",\"tasks\":["
                            + "{\"commit-status\":{\"state\":\"pending\"}},"
                            + "{\"comment\":{\"body\":\"hello\"}},"
                            + "{\"commit-status\":{\"state\":\"success\"}}]}]")))) {
      h.gitHub()
          .answer(
              r -> {
                if (r.endpoint() == GitHubEndpoint.CREATE_ISSUE_COMMENT
                    && gitHubFailures.getAndDecrement() > 0) {
                  throw new GitHubApiException(
                      "POST", r.path(), 502, "Bad Gateway", true, Duration.ZERO, null);
                }
                return new GitHubResponse(201, null);
              });
      h.deliver(Payloads.PULL_REQUEST_OPENED);
      assertThat(h.drainWithRetries(Duration.ofSeconds(5)))
          .containsExactly(ProcessOutcome.RETRIED, ProcessOutcome.SUCCEEDED);
      assertThat(h.gitHub().requests())
          .extracting(GitHubRequest::endpoint)
          .filteredOn(GitHubEndpoint::mutating)
          .containsExactly(
              GitHubEndpoint.CREATE_COMMIT_STATUS,
              GitHubEndpoint.CREATE_ISSUE_COMMENT,
              GitHubEndpoint.CREATE_ISSUE_COMMENT,
              GitHubEndpoint.CREATE_COMMIT_STATUS);
    }
  }

  @Test
  void validationErrorFromGitHubDeadLettersAtOnceWithGitHubsMessage() {
    try (GitBridgeHarness h =
        GitBridgeHarness.create(
            b ->
                b.routeDefinitions(
                    jsonUnchecked(
                        "[{\"on\":\"pull_request\",\"tasks\":[{\"label\":{\"add\":\"x\"}}]}]")))) {
      h.gitHub()
          .answer(
              r -> {
                throw new GitHubApiException(
                    "POST", r.path(), 422, "Validation Failed", false, null, null);
              });
      h.deliver(Payloads.PULL_REQUEST_OPENED);
      assertThat(h.drain()).containsExactly(ProcessOutcome.DEAD_LETTERED);
      assertThat(h.stats().dead()).isEqualTo(1);
    }
  }

  @Test
  void eventWithoutRouteIsAckedAsNoRoute() {
    try (GitBridgeHarness h = GitBridgeHarness.create(b -> {})) {
      h.deliver(Payloads.ISSUE_COMMENT_CREATED);
      assertThat(h.drain()).containsExactly(ProcessOutcome.NO_ROUTE);
      assertThat(h.stats().live()).isZero();
    }
  }

  @Test
  void taskAskingToRetryLaterWaitsAtLeastAsLongAsItAsked() {
    AtomicInteger runs = new AtomicInteger();
    try (GitBridgeHarness h =
        GitBridgeHarness.create(
            b ->
                b.route(
                    Route.on("push")
                        .step(
                            "wait",
                            chain ->
                                runs.incrementAndGet() == 1
                                    ? new TaskResult.RetryLater("not yet", Duration.ofMinutes(5))
                                    : chain.proceed())
                        .build()))) {
      h.deliver(Payloads.PUSH);
      h.drain();
      h.advance(Duration.ofMinutes(4));
      assertThat(h.drain()).isEmpty();
      h.advance(Duration.ofMinutes(1));
      assertThat(h.drain()).containsExactly(ProcessOutcome.SUCCEEDED);
      assertThat(h.clock().instant()).isAfter(ManualClock.DEFAULT_START);
    }
  }

  @Test
  void chainThatOutrunsItsLeaseStartsNoFurtherStepAndResumesOnTheNextAttempt() {
    List<String> ran = new ArrayList<>();
    try (GitBridgeHarness h =
        GitBridgeHarness.create(
            b ->
                b.route(
                    Route.on("push")
                        .step(
                            "slow",
                            chain -> {
                              ran.add("slow");
                              // the harness's manual clock: the lease (5 min) runs out here
                              ((ManualClock) chain.context().clock())
                                  .advance(Duration.ofMinutes(5));
                              return chain.proceed();
                            })
                        .step(
                            "next",
                            chain -> {
                              ran.add("next");
                              return chain.proceed();
                            })
                        .build()))) {
      h.deliver(Payloads.PUSH);
      assertThat(h.drainWithRetries(Duration.ofSeconds(5)))
          .containsExactly(ProcessOutcome.RETRIED, ProcessOutcome.SUCCEEDED);
      assertThat(ran).containsExactly("slow", "next");
    }
  }

  private static JsonNode jsonUnchecked(String text) {
    try {
      return json(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
