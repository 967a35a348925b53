package io.gitbridge.core.github;

/**
 * The port to GitHub's REST API: sends one request and returns GitHub's answer.
 *
 * <p>Implementations authenticate, add GitHub's required headers, respect its rate limits and retry
 * what is worth retrying before giving up. They are thread-safe.
 *
 * <p>Failures are {@link GitHubApiException}s that say whether retrying later may succeed (5xx,
 * limits, network) or not (422 validation, 404): the task chain turns the first into a retry of the
 * event and the second into a dead letter.
 */
public interface GitHubApi {
  /**
   * Sends {@code request}.
   *
   * @return the 2xx answer
   * @throws GitHubApiException for any non-2xx answer or a failure to reach GitHub
   */
  GitHubResponse execute(GitHubRequest request);
}
