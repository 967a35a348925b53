package io.gitbridge.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.github.GitHubApiException;
import io.gitbridge.core.github.RecordingGitHubApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainRunnerTest {
  private final List<String> ran = new ArrayList<>();
  private final List<Integer> checkpoints = new ArrayList<>();
  private final TaskContext context =
      new TaskContext(
          new WebhookEvent(new DeliveryId("d"), "push", "{}", Instant.EPOCH),
          new RecordingGitHubApi(),
          Clock.systemUTC(),
          1,
          0);

  private Step step(String name) {
    return new Step(
        name,
        chain -> {
          ran.add(name + "@" + chain.context().step());
          return chain.proceed();
        });
  }

  private TaskResult run(int from, Step... steps) {
    return new ChainRunner(List.of(steps), checkpoints::add).run(context, from);
  }

  @Test
  void runsEveryStepInOrderAndCheckpointsAfterEach() {
    assertThat(run(0, step("a"), step("b"), step("c"))).isInstanceOf(TaskResult.Done.class);
    assertThat(ran).containsExactly("a@0", "b@1", "c@2");
    assertThat(checkpoints).containsExactly(1, 2, 3);
  }

  @Test
  void resumesAtTheCheckpointWithoutRepeatingEarlierSteps() {
    run(2, step("a"), step("b"), step("c"));
    assertThat(ran).containsExactly("c@2");
    assertThat(checkpoints).containsExactly(3);
    assertThat(run(3, step("a"))).isInstanceOf(TaskResult.Done.class);
  }

  @Test
  void stepThatThrowsAsksForARetryNamingItself() {
    Step boom =
        new Step(
            "boom",
            chain -> {
              throw new IllegalStateException("disk full");
            });
    TaskResult result = run(0, step("a"), boom, step("c"));
    assertThat(result)
        .isEqualTo(
            new TaskResult.RetryLater(
                "step 2 (boom): java.lang.IllegalStateException: disk full", Duration.ZERO));
    assertThat(checkpoints).containsExactly(1);
    assertThat(ran).containsExactly("a@0");
  }

  @Test
  void gitHubFailuresRetryOrFailForGoodAsGitHubSaid() {
    Step limited =
        new Step(
            "status",
            chain -> {
              throw new GitHubApiException(
                  "POST", "/x", 429, "slow down", true, Duration.ofSeconds(30), null);
            });
    TaskResult retry = run(0, limited);
    assertThat(retry).isInstanceOf(TaskResult.RetryLater.class);
    assertThat(((TaskResult.RetryLater) retry).notBefore()).isEqualTo(Duration.ofSeconds(30));

    Step invalid =
        new Step(
            "status",
            chain -> {
              throw new GitHubApiException(
                  "POST", "/x", 422, "Validation Failed", false, null, null);
            });
    assertThat(run(0, invalid))
        .isEqualTo(TaskResult.failed("step 1 (status): POST /x -> 422: Validation Failed"));
  }

  @Test
  void stepMayEndTheChainEarlyOrReportItsOwnResult() {
    Step stop = new Step("stop", chain -> TaskResult.done());
    assertThat(run(0, stop, step("never"))).isInstanceOf(TaskResult.Done.class);
    assertThat(ran).isEmpty();
    Step later = new Step("later", chain -> TaskResult.retryLater("not yet"));
    assertThat(run(0, later)).isEqualTo(TaskResult.retryLater("not yet"));
    Step nothing = new Step("nothing", chain -> null);
    assertThat(run(0, nothing)).isEqualTo(TaskResult.failed("step 1 (nothing): returned null"));
  }

  @Test
  void proceedingTwiceIsAProgrammingErrorThatRetries() {
    Step twice =
        new Step(
            "twice",
            chain -> {
              chain.proceed();
              return chain.proceed();
            });
    TaskResult result = run(0, twice);
    assertThat(result).isInstanceOf(TaskResult.RetryLater.class);
    assertThat(((TaskResult.RetryLater) result).reason()).contains("proceed() twice");
  }

  @Test
  void noStepStartsOnceTheDeadlineHasPassedAndTheChainResumesThere() {
    java.util.concurrent.atomic.AtomicReference<Instant> now =
        new java.util.concurrent.atomic.AtomicReference<>(Instant.EPOCH);
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    Step slow =
        new Step(
            "slow",
            chain -> {
              ran.add("slow");
              now.set(Instant.EPOCH.plusSeconds(60));
              return chain.proceed();
            });
    TaskResult result =
        new ChainRunner(
                List.of(slow, step("next")), checkpoints::add, clock, Instant.EPOCH.plusSeconds(60))
            .run(context, 0);
    assertThat(result).isInstanceOf(TaskResult.RetryLater.class);
    assertThat(((TaskResult.RetryLater) result).reason())
        .isEqualTo("step 2 (next) not started: the lease ends at 1970-01-01T00:01:00Z");
    assertThat(ran).containsExactly("slow");
    assertThat(checkpoints).containsExactly(1);
  }
}
