package io.gitbridge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gitbridge.core.github.GitHubApiException;
import io.gitbridge.core.github.GitHubResponse;
import io.gitbridge.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PacingTest extends GitHubServerTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void noMoreThanMaxConcurrentRequestsAreInFlight() throws Exception {
    HoldingDispatcher github = new HoldingDispatcher();
    server.setDispatcher(github);
    OkHttpGitHubApi api = track(builder().maxConcurrentRequests(2).build());

    List<Future<GitHubResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(threads.submit(() -> api.execute(getUser())));
    }
    for (int released = 0; released < 6; released++) {
      int stillToCome = 6 - released;
      Await.until("the held requests", () -> github.inFlight.get() == Math.min(2, stillToCome));
      github.release.release();
    }

    for (Future<GitHubResponse> call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
    assertThat(github.mostInFlight.get()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void mutatingRequestsOfOneTokenAreSpacedOut() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());
    }
    OkHttpGitHubApi api = api();

    for (int i = 0; i < 3; i++) {
      api.execute(comment("x" + i));
    }

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(OkHttpGitHubApi.DEFAULT_MUTATING_REQUEST_SPACING).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void readsAreNotSpacedAndSpacingCanBeTurnedOff() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());
    }
    OkHttpGitHubApi api = api();
    OkHttpGitHubApi unspaced = track(builder().mutatingRequestSpacing(Duration.ZERO).build());

    api.execute(getUser());
    api.execute(getUser());
    unspaced.execute(comment("a"));
    unspaced.execute(comment("b"));

    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void aMutatingRequestWaitingForItsTurnDoesNotHoldUpReads() throws Exception {
    server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());
    OkHttpGitHubApi api = api();
    api.execute(comment("first"));
    CountDownLatch gate = new CountDownLatch(1);
    sleeper.holdAt(gate);

    Future<GitHubResponse> second = threads.submit(() -> api.execute(comment("second")));
    Await.until("the held requests", () -> !sleeper.waits().isEmpty());
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());
    GitHubResponse read = api.execute(getUser());

    assertThat(read.status()).isEqualTo(200);
    assertThat(second.isDone()).isFalse();
    server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());
    gate.countDown();
    assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void mutatingRequestWhoseTurnIsBeyondMaxWaitIsLeftToTheQueue() {
    server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());
    OkHttpGitHubApi api =
        track(
            builder()
                .mutatingRequestSpacing(Duration.ofSeconds(10))
                .maxWait(Duration.ofSeconds(5))
                .build());
    api.execute(comment("first"));

    GitHubApiException e =
        catchThrowableOfType(GitHubApiException.class, () -> api.execute(comment("second")));

    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isZero();
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(10));
    assertThat(e.getMessage()).contains("not sent");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void requestThatCannotGetASlotWithinMaxWaitIsRetryable() throws Exception {
    HoldingDispatcher github = new HoldingDispatcher();
    server.setDispatcher(github);
    OkHttpGitHubApi api =
        track(builder().maxConcurrentRequests(1).maxWait(Duration.ofMillis(50)).build());
    Future<GitHubResponse> holder = threads.submit(() -> api.execute(getUser()));
    Await.until("the held requests", () -> github.inFlight.get() == 1);

    GitHubApiException e =
        catchThrowableOfType(GitHubApiException.class, () -> api.execute(getUser()));

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("in-flight cap");
    github.release.release();
    assertThat(holder.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  /** Holds each request until the test releases it, counting how many are in flight. */
  private static final class HoldingDispatcher extends Dispatcher {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    final Semaphore release = new Semaphore(0);

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        if (!release.tryAcquire(10, TimeUnit.SECONDS)) {
          return new MockResponse.Builder().code(500).build();
        }
      } finally {
        inFlight.decrementAndGet();
      }
      return new MockResponse.Builder()
          .code(200)
          .addHeader("Content-Type", "application/json; charset=utf-8")
          .body(GitHubAnswers.body("user.json"))
          .build();
    }
  }
}
