package io.gitbridge.core.github;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.WebhookEvent;

/**
 * Chooses the {@link GitHubApi} an event's tasks call GitHub through: the port that lets one
 * GitBridge act for many GitHub App installations, each event as the installation that sent it (its
 * {@code installation.id}). With one token for everything, {@link #always} is the selector.
 *
 * <p>Called once per processed attempt of an event, on a worker thread, before its chain runs;
 * implementations are thread-safe, fast, and do not call GitHub themselves (fetching credentials
 * belongs in the returned API's {@code execute}, where its failures retry like any call).
 *
 * <p>An event the selector cannot serve (an App webhook without {@code installation.id}) is not an
 * exception: return an {@link UnavailableGitHubApi} saying why. Then only steps that call GitHub
 * fail, for good, with that reason, and the event is dead-lettered; routes that only log or forward
 * still run. A selector that throws anyway, or returns null, has the event retried later.
 */
@FunctionalInterface
public interface GitHubApiSelector {
  /**
   * The API for {@code event}'s tasks.
   *
   * @param event the event about to be processed; never null
   * @return the API to use, never null
   */
  GitHubApi forEvent(WebhookEvent event);

  /** A selector that gives every event the same {@code api}: token auth, dry run, tests. */
  static GitHubApiSelector always(GitHubApi api) {
    requireNonNull(api, "api == null");
    return new GitHubApiSelector() {
      @Override
      public GitHubApi forEvent(WebhookEvent event) {
        return api;
      }

      @Override
      public String toString() {
        return "always " + api;
      }
    };
  }
}
