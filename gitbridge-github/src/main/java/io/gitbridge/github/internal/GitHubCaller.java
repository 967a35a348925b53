package io.gitbridge.github.internal;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.github.GitHubApiException;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.github.Sleeper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends a request until GitHub answers 2xx, or gives up: waits out rate limits, spaces mutating
 * requests per credential, retries 5xx and network failures with exponential back-off, caps the
 * requests in flight, and tells the listener about every answer.
 *
 * <p>No wait is longer than {@code maxWait}: a longer one becomes a retryable {@link
 * GitHubApiException} whose {@code retryAfter} says how long, so the queue retries the event later
 * instead of a worker blocking. Thread-safe.
 */
public final class GitHubCaller {
  private final Exchange exchange;
  private final Semaphore permits;
  private final GitBridgeListener listener;
  private final Clock clock;
  private final Sleeper sleeper;
  private final int maxAttempts;
  private final Duration maxWait;
  private final Duration retryBackoff;
  private final Duration mutatingSpacing;
  private final Map<String, TokenPacing> pacing = new ConcurrentHashMap<>();

  public GitHubCaller(
      Exchange exchange,
      int maxConcurrentRequests,
      GitBridgeListener listener,
      Clock clock,
      Sleeper sleeper,
      int maxAttempts,
      Duration maxWait,
      Duration retryBackoff,
      Duration mutatingSpacing) {
    this.exchange = requireNonNull(exchange, "exchange == null");
    this.permits = new Semaphore(maxConcurrentRequests, true);
    this.listener = requireNonNull(listener, "listener == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.sleeper = requireNonNull(sleeper, "sleeper == null");
    this.maxAttempts = maxAttempts;
    this.maxWait = requireNonNull(maxWait, "maxWait == null");
    this.retryBackoff = requireNonNull(retryBackoff, "retryBackoff == null");
    this.mutatingSpacing = requireNonNull(mutatingSpacing, "mutatingSpacing == null");
  }

  /**
   * Sends {@code request} with {@code credential}.
   *
   * @return GitHub's 2xx answer
   * @throws GitHubApiException when GitHub says no, or still fails after the last attempt
   */
  public Answer call(GitHubRequest request, Credential credential) {
    TokenPacing tokenPacing = pacing.computeIfAbsent(credential.name(), name -> new TokenPacing());
    for (int attempt = 1; ; attempt++) {
      String authorization = credential.authorization();
      awaitTurn(request, credential, tokenPacing);
      Answer answer;
      try {
        answer = send(request, authorization);
      } catch (IOException e) {
        listener.gitHubRequest(request.endpoint(), 0);
        backOff(request, attempt, 0, "no answer (" + e + ")", e, Duration.ZERO);
        continue;
      }
      listener.gitHubRequest(request.endpoint(), answer.status());
      Instant now = clock.instant();
      Instant exhausted = RateLimits.exhaustedUntil(answer);
      if (exhausted != null) {
        tokenPacing.blockUntil(exhausted);
      }
      if (answer.successful()) {
        tokenPacing.succeeded();
        return answer;
      }
      if (RateLimits.isRateLimited(answer)) {
        int strikes = RateLimits.hinted(answer) ? 0 : tokenPacing.strike();
        Duration wait = RateLimits.waitAfter(answer, now, strikes);
        tokenPacing.blockUntil(now.plus(wait));
        if (attempt >= maxAttempts || wait.compareTo(maxWait) > 0) {
          String message = ErrorMessages.message(answer) + " (rate limited by " + credential.name();
          throw failure(
              request, answer.status(), message + "; retry in " + seconds(wait) + ")", true, wait);
        }
      } else if (answer.status() >= 500) {
        Duration hint = RateLimits.retryAfter(answer);
        backOff(
            request,
            attempt,
            answer.status(),
            ErrorMessages.describe(answer),
            null,
            hint == null ? Duration.ZERO : hint);
      } else if (answer.status() != 401 || attempt >= maxAttempts || !credential.refresh()) {
        throw failure(request, answer.status(), ErrorMessages.describe(answer), false, null);
      }
    }
  }

  /** Waits for a lifted rate limit and, for a mutating request, its slot. */
  private void awaitTurn(GitHubRequest request, Credential credential, TokenPacing tokenPacing) {
    Duration blocked = tokenPacing.blockedFor(clock.instant());
    if (blocked.compareTo(maxWait) > 0) {
      String message =
          "not sent: the rate limit of " + credential.name() + " lifts in " + seconds(blocked);
      throw failure(request, 0, message, true, blocked);
    }
    sleep(request, blocked);
    if (request.endpoint().mutating() && !mutatingSpacing.isZero()) {
      Duration turn = tokenPacing.reserveMutation(clock.instant(), mutatingSpacing, maxWait);
      if (turn.compareTo(maxWait) > 0) {
        String message = "not sent: too many mutating requests waiting for " + credential.name();
        throw failure(request, 0, message, true, turn);
      }
      sleep(request, turn);
    }
  }

  private Answer send(GitHubRequest request, String authorization) throws IOException {
    try {
      if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
        String message = "not sent: " + permits.availablePermits() + " free of the in-flight cap";
        throw failure(request, 0, message + " after " + seconds(maxWait), true, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(request, 0, "interrupted while waiting to send", true, null);
    }
    try {
      return exchange.send(request, authorization);
    } finally {
      permits.release();
    }
  }

  /**
   * Waits before the next attempt, or throws when there is none or the wait is too long.
   *
   * @param atLeast GitHub's {@code retry-after} on a 5xx, or zero
   */
  private void backOff(
      GitHubRequest request,
      int attempt,
      int status,
      String message,
      Throwable e,
      Duration atLeast) {
    Duration exponential = retryBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    Duration backoff = exponential.compareTo(atLeast) >= 0 ? exponential : atLeast;
    if (attempt >= maxAttempts) {
      throw failure(request, status, message + " (after " + attempt + " attempts)", true, null, e);
    }
    if (backoff.compareTo(maxWait) > 0) {
      throw failure(request, status, message, true, backoff, e);
    }
    sleep(request, backoff);
  }

  private void sleep(GitHubRequest request, Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(request, 0, "interrupted while waiting " + seconds(duration), true, null, e);
    }
  }

  /** A wait as people read it: {@code 120 s}, {@code 0.5 s}. */
  private static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
  }

  private static GitHubApiException failure(
      GitHubRequest request, int status, String message, boolean retryable, Duration retryAfter) {
    return failure(request, status, message, retryable, retryAfter, null);
  }

  private static GitHubApiException failure(
      GitHubRequest request,
      int status,
      String message,
      boolean retryable,
      Duration retryAfter,
      Throwable cause) {
    return new GitHubApiException(
        request.method(), request.path(), status, message, retryable, retryAfter, cause);
  }
}
