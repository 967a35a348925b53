package io.gitbridge.core.github;

import io.gitbridge.core.GitBridgeException;
import java.time.Duration;

/**
 * A call to GitHub failed. Names the method, path and status (0 when no answer came) and carries
 * GitHub's own message; never a token.
 */
public final class GitHubApiException extends GitBridgeException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;
  private final int status;
  private final boolean retryable;
  private final transient Duration retryAfter;

  /**
   * @param retryable whether the same call may succeed later (5xx, rate limit, network)
   * @param retryAfter how long GitHub asked to wait, or {@link Duration#ZERO}
   */
  public GitHubApiException(
      String method,
      String path,
      int status,
      String gitHubMessage,
      boolean retryable,
      Duration retryAfter,
      Throwable cause) {
    super(
        method + " " + path + " -> " + (status == 0 ? "no answer" : status) + ": " + gitHubMessage,
        cause);
    this.method = method;
    this.path = path;
    this.status = status;
    this.retryable = retryable;
    this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The HTTP status, or 0 when GitHub could not be reached. */
  public int status() {
    return status;
  }

  public boolean retryable() {
    return retryable;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
