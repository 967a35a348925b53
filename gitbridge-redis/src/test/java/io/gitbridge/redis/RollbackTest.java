package io.gitbridge.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gitbridge.core.GitBridge;
import io.gitbridge.core.GitBridgeListener.ProcessOutcome;
import io.gitbridge.core.github.GitHubApiException;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.core.github.GitHubResponse;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.queue.RetryPolicy;
import io.gitbridge.core.task.Route;
import io.gitbridge.core.task.Task;
import io.gitbridge.testkit.ManualClock;
import io.gitbridge.testkit.Payloads;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A three-step chain on the Redis queue: a failure resumes at the failed step, and only a crash
 * between a step's GitHub call and its checkpoint repeats that step.
 */
class RollbackTest {
  private static final Duration LEASE_TIMEOUT = Duration.ofSeconds(30);

  private final ManualClock clock = new ManualClock();
  private final RecordingGitHubApi gitHub = new RecordingGitHubApi();
  private final AtomicBoolean crashInStepTwo = new AtomicBoolean();
  private RedisEventQueue queue;
  private GitBridge bridge;

  /** Thrown out of a step to stand for the worker's process dying there. */
  private static final class Crash extends Error {
    private static final long serialVersionUID = 1L;
  }

  private static Task calling(GitHubEndpoint endpoint) {
    return chain -> {
      chain.context().gitHub().execute(request(endpoint));
      return chain.proceed();
    };
  }

  private static GitHubRequest request(GitHubEndpoint endpoint) {
    return new GitHubRequest(
        endpoint,
        Map.of("owner", "octo-org", "repo", "hello", "sha", "abc", "issue_number", "1"),
        null);
  }

  @BeforeEach
  void wire() {
    TestRedis.shared().flush();
    queue =
        RedisEventQueue.builder()
            .url(TestRedis.shared().url())
            .policy(
                QueuePolicy.builder()
                    .clock(clock)
                    .leaseTimeout(LEASE_TIMEOUT)
                    .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofSeconds(1)).build())
                    .build())
            .build();
    Task stepTwo =
        chain -> {
          chain.context().gitHub().execute(request(GitHubEndpoint.ADD_LABELS));
          if (crashInStepTwo.getAndSet(false)) {
            throw new Crash();
          }
          return chain.proceed();
        };
    bridge =
        GitBridge.builder()
            .webhookSecret("s3cret")
            .queue(queue)
            .gitHub(gitHub)
            .clock(clock)
            .route(
                Route.on("push")
                    .step("status", calling(GitHubEndpoint.CREATE_COMMIT_STATUS))
                    .step("label", stepTwo)
                    .step("comment", calling(GitHubEndpoint.CREATE_ISSUE_COMMENT))
                    .build())
            .build();
    queue.offer(Payloads.event(Payloads.newDeliveryId().value(), clock.instant()));
  }

  @AfterEach
  void close() {
    bridge.close();
  }

  private Lease leaseOne() {
    return queue.lease("worker", 1).get(0);
  }

  @Test
  void chainFailingAtStepTwoIsRetriedFromStepTwo() {
    gitHub.answer(
        r -> {
          if (r.endpoint() == GitHubEndpoint.ADD_LABELS
              && gitHub.requests(GitHubEndpoint.ADD_LABELS).size() == 1) {
            throw new GitHubApiException(
                "POST", r.path(), 502, "Bad Gateway", true, Duration.ZERO, null);
          }
          return new GitHubResponse(201, JsonNodeFactory.instance.objectNode());
        });

    assertThat(bridge.processor().process(leaseOne())).isEqualTo(ProcessOutcome.RETRIED);
    clock.advance(Duration.ofSeconds(2));
    Lease retry = leaseOne();
    assertThat(retry.attempt()).isEqualTo(2);
    assertThat(retry.completedSteps()).isEqualTo(1);
    assertThat(bridge.processor().process(retry)).isEqualTo(ProcessOutcome.SUCCEEDED);

    assertThat(gitHub.requests(GitHubEndpoint.CREATE_COMMIT_STATUS)).hasSize(1);
    assertThat(gitHub.requests(GitHubEndpoint.ADD_LABELS)).hasSize(2);
    assertThat(gitHub.requests(GitHubEndpoint.CREATE_ISSUE_COMMENT)).hasSize(1);
    assertThat(queue.stats().live()).isZero();
  }

  @Test
  void crashBetweenAGitHubCallAndItsCheckpointRepeatsOnlyThatStep() {
    crashInStepTwo.set(true);
    Lease first = leaseOne();
    assertThatThrownBy(() -> bridge.processor().process(first)).isInstanceOf(Crash.class);

    clock.advance(LEASE_TIMEOUT.plusSeconds(1));
    Lease takeover = leaseOne();
    assertThat(takeover.attempt()).isEqualTo(2);
    assertThat(takeover.completedSteps()).isEqualTo(1);
    assertThat(bridge.processor().process(takeover)).isEqualTo(ProcessOutcome.SUCCEEDED);

    assertThat(gitHub.requests(GitHubEndpoint.CREATE_COMMIT_STATUS)).hasSize(1);
    assertThat(gitHub.requests(GitHubEndpoint.ADD_LABELS)).as("the one repeat").hasSize(2);
    assertThat(gitHub.requests(GitHubEndpoint.CREATE_ISSUE_COMMENT)).hasSize(1);
  }
}
