package io.gitbridge.core.github;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A {@link GitHubApi} that sends nothing: every call fails for good with a {@link
 * GitHubApiException} naming the method, the path and why no API is available. What a {@link
 * GitHubApiSelector} returns for an event it cannot serve, so that the step calling GitHub is
 * dead-lettered with a clear reason instead of the worker crashing.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnavailableGitHubApi implements GitHubApi {
  private final String reason;

  /**
   * @param reason why no call can be made, read by operators in the dead letter; never a secret
   */
  public UnavailableGitHubApi(String reason) {
    this.reason = requireNonNull(reason, "reason == null");
  }

  public String reason() {
    return reason;
  }

  /**
   * @throws GitHubApiException always: status 0, not retryable, with {@link #reason()}
   */
  @Override
  public GitHubResponse execute(GitHubRequest request) {
    requireNonNull(request, "request == null");
    throw new GitHubApiException(
        request.method(), request.path(), 0, "not sent: " + reason, false, Duration.ZERO, null);
  }

  @Override
  public String toString() {
    return "UnavailableGitHubApi[" + reason + "]";
  }
}
