package io.gitbridge.core.github;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link GitHubApi} that records every request instead of sending it: the dry-run mode of the
 * server and the GitHub of users' unit tests.
 *
 * <p>By default every request succeeds with 201 and an empty object. {@link #answer} scripts other
 * answers, including thrown {@link GitHubApiException}s. Thread-safe.
 */
public final class RecordingGitHubApi implements GitHubApi {
  private static final Logger log = LoggerFactory.getLogger(RecordingGitHubApi.class);

  private final List<GitHubRequest> requests = new ArrayList<>();
  private volatile Function<GitHubRequest, GitHubResponse> answers =
      request -> new GitHubResponse(201, JsonNodeFactory.instance.objectNode());
  private volatile boolean logRequests;

  /** Also logs each request at INFO: what {@code github.dry_run} shows an operator. */
  public RecordingGitHubApi logRequests(boolean enabled) {
    this.logRequests = enabled;
    return this;
  }

  /** Replaces how requests are answered; the function may throw {@link GitHubApiException}. */
  public RecordingGitHubApi answer(Function<GitHubRequest, GitHubResponse> answers) {
    this.answers = requireNonNull(answers, "answers == null");
    return this;
  }

  @Override
  public GitHubResponse execute(GitHubRequest request) {
    requireNonNull(request, "request == null");
    synchronized (requests) {
      requests.add(request);
    }
    if (logRequests) {
      log.info("dry run: {} {}", request, request.body() == null ? "" : request.body());
    }
    return answers.apply(request);
  }

  /** Every request so far, oldest first. */
  public List<GitHubRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The requests to one endpoint, oldest first. */
  public List<GitHubRequest> requests(GitHubEndpoint endpoint) {
    return requests().stream().filter(r -> r.endpoint() == endpoint).toList();
  }

  public void clear() {
    synchronized (requests) {
      requests.clear();
    }
  }
}
