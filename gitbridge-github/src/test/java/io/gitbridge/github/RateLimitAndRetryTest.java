package io.gitbridge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gitbridge.core.github.GitHubApiException;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class RateLimitAndRetryTest extends GitHubServerTest {
  @Test
  void secondaryLimitWithRetryAfterWaitsThatLongThenSucceeds() {
    server.enqueue(GitHubAnswers.secondaryLimit(403, clock, 3));
    server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());

    assertThat(api().execute(comment("x")).status()).isEqualTo(201);

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    assertThat(listener.requests())
        .containsExactly("create_issue_comment 403", "create_issue_comment 201");
  }

  @Test
  void secondaryLimitLongerThanMaxWaitIsLeftToTheQueueAndHoldsBackLaterRequests() {
    server.enqueue(GitHubAnswers.secondaryLimit(403, clock, 120));
    OkHttpGitHubApi api = api();

    GitHubApiException limited =
        catchThrowableOfType(GitHubApiException.class, () -> api.execute(comment("x")));
    clock.advance(Duration.ofSeconds(20));
    GitHubApiException held =
        catchThrowableOfType(GitHubApiException.class, () -> api.execute(getUser()));

    assertThat(limited.retryable()).isTrue();
    assertThat(limited.status()).isEqualTo(403);
    assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    assertThat(limited.getMessage()).contains("secondary rate limit").contains("retry in 120 s");
    assertThat(held.retryable()).isTrue();
    assertThat(held.status()).isZero();
    assertThat(held.retryAfter()).isEqualTo(Duration.ofSeconds(100));
    assertThat(held.getMessage()).contains("GET /user").contains("not sent");
    assertThat(held.getMessage()).contains("rate limit of token lifts in 100 s");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void secondaryLimitWithoutRetryAfterBacksOffAMinuteThenLongerEachTime() {
    OkHttpGitHubApi api = api();
    server.enqueue(GitHubAnswers.secondaryLimit(403, clock, null));
    GitHubApiException first =
        catchThrowableOfType(GitHubApiException.class, () -> api.execute(comment("x")));
    clock.advance(first.retryAfter());
    server.enqueue(GitHubAnswers.secondaryLimit(403, clock, null));
    GitHubApiException second =
        catchThrowableOfType(GitHubApiException.class, () -> api.execute(comment("x")));

    assertThat(first.retryable()).isTrue();
    assertThat(first.retryAfter()).isEqualTo(Duration.ofMinutes(1));
    assertThat(second.retryAfter()).isEqualTo(Duration.ofMinutes(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void secondaryLimitBackOffIsWaitedInProcessWhenMaxWaitAllows() {
    server.enqueue(GitHubAnswers.secondaryLimit(403, clock, null));
    server.enqueue(GitHubAnswers.secondaryLimit(403, clock, null));
    server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());
    OkHttpGitHubApi api = track(builder().maxWait(Duration.ofMinutes(10)).build());

    assertThat(api.execute(comment("x")).status()).isEqualTo(201);

    assertThat(sleeper.waits()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2));
  }

  @Test
  void tooManyRequestsWithoutHintsIsTreatedAsASecondaryLimit() {
    server.enqueue(new MockResponse.Builder().code(429).body("").build());

    GitHubApiException e =
        catchThrowableOfType(GitHubApiException.class, () -> api().execute(getUser()));

    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(1));
    assertThat(listener.requests()).containsExactly("get_authenticated_user 429");
  }

  @Test
  void tooManyRequestsWithRetryAfterIsRetriedAfterThatWait() {
    server.enqueue(GitHubAnswers.secondaryLimit(429, clock, 1));
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());

    assertThat(api().execute(getUser()).body().path("login").asText()).isEqualTo("octocat");
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterAsADateIsNotUnderstoodSoTheMinuteBackOffApplies() {
    server.enqueue(
        GitHubAnswers.json(403, "secondary-rate-limit.json", clock)
            .addHeader("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")
            .build());

    GitHubApiException e =
        catchThrowableOfType(GitHubApiException.class, () -> api().execute(getUser()));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void exhaustedPrimaryLimitWaitsUntilTheResetThenSends() throws Exception {
    Instant start = clock.instant();
    server.enqueue(GitHubAnswers.primaryLimit(clock, start.getEpochSecond() + 2));
    server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());

    assertThat(api().execute(comment("x")).status()).isEqualTo(201);

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    assertThat(clock.instant()).isAfterOrEqualTo(start.plusSeconds(2));
    assertThat(listener.requests())
        .containsExactly("create_issue_comment 403", "create_issue_comment 201");
    assertThat(take().getTarget()).isEqualTo("/repos/acme/widgets/issues/7/comments");
    assertThat(take().getTarget()).isEqualTo("/repos/acme/widgets/issues/7/comments");
  }

  @Test
  void exhaustedPrimaryLimitFarAwayIsLeftToTheQueue() {
    long reset = clock.instant().getEpochSecond() + 900;
    server.enqueue(GitHubAnswers.primaryLimit(clock, reset));

    GitHubApiException e =
        catchThrowableOfType(GitHubApiException.class, () -> api().execute(getUser()));

    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(900));
    assertThat(e.getMessage()).contains("API rate limit exceeded");
  }

  @Test
  void successfulAnswerThatUsedTheLastRequestHoldsBackTheNextUntilReset() {
    long reset = clock.instant().getEpochSecond() + 5;
    server.enqueue(
        GitHubAnswers.headers(200, clock, 0)
            .setHeader("X-RateLimit-Reset", reset)
            .body(GitHubAnswers.body("user.json"))
            .build());
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());
    OkHttpGitHubApi api = api();

    api.execute(getUser());
    api.execute(getUser());

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(5));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void badGatewayIsRetriedAfterABackOff() {
    server.enqueue(GitHubAnswers.json(502, "bad-gateway.json", clock).build());
    server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());

    assertThat(api().execute(comment("x")).status()).isEqualTo(201);

    assertThat(sleeper.waits()).containsExactly(OkHttpGitHubApi.DEFAULT_RETRY_BACKOFF);
    assertThat(listener.requests())
        .containsExactly("create_issue_comment 502", "create_issue_comment 201");
  }

  @Test
  void serviceUnavailableWithRetryAfterWaitsAtLeastThatLong() {
    server.enqueue(
        GitHubAnswers.json(503, "bad-gateway.json", clock).addHeader("Retry-After", 5).build());
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());

    assertThat(api().execute(getUser()).status()).isEqualTo(200);
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void serverErrorsOnEveryAttemptEndRetryableWithBackOffsDoubling() {
    server.enqueue(GitHubAnswers.json(502, "bad-gateway.json", clock).build());
    server.enqueue(GitHubAnswers.json(503, "bad-gateway.json", clock).build());
    server.enqueue(GitHubAnswers.json(500, "bad-gateway.json", clock).build());
    OkHttpGitHubApi api = track(builder().mutatingRequestSpacing(Duration.ZERO).build());

    GitHubApiException e =
        catchThrowableOfType(GitHubApiException.class, () -> api.execute(comment("x")));

    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isEqualTo(500);
    assertThat(e.getMessage()).contains("Server Error").contains("after 3 attempts");
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void backOffLongerThanMaxWaitIsLeftToTheQueue() {
    server.enqueue(GitHubAnswers.json(502, "bad-gateway.json", clock).build());
    OkHttpGitHubApi api = track(builder().maxWait(Duration.ofMillis(500)).build());

    GitHubApiException e =
        catchThrowableOfType(GitHubApiException.class, () -> api.execute(getUser()));

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void rateLimitOnTheLastAttemptIsRetryableWithItsWait() {
    server.enqueue(GitHubAnswers.secondaryLimit(403, clock, 2));
    OkHttpGitHubApi api = track(builder().maxAttempts(1).build());

    GitHubApiException e =
        catchThrowableOfType(GitHubApiException.class, () -> api.execute(getUser()));

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void unreachableGitHubIsRetryableWithStatusZero() {
    OkHttpGitHubApi api = api();
    server.close();

    GitHubApiException e =
        catchThrowableOfType(GitHubApiException.class, () -> api.execute(getUser()));

    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).contains("GET /user -> no answer").doesNotContain(TOKEN);
    assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
    assertThat(listener.requests()).containsOnly("get_authenticated_user 0").hasSize(3);
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void interruptedWaitEndsRetryableAndKeepsTheInterrupt() {
    server.enqueue(GitHubAnswers.json(502, "bad-gateway.json", clock).build());
    Sleeper interrupted =
        duration -> {
          throw new InterruptedException();
        };
    OkHttpGitHubApi api = track(builder().sleeper(interrupted).build());

    GitHubApiException e =
        catchThrowableOfType(GitHubApiException.class, () -> api.execute(getUser()));

    assertThat(Thread.interrupted()).isTrue();
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("interrupted");
  }
}
