package io.gitbridge.core.github;

import java.util.Locale;

/**
 * Every GitHub REST endpoint GitBridge calls, in one place: the method, the path template as
 * GitHub's OpenAPI description writes it, and the name used in the {@code endpoint} label of {@code
 * gitbridge_github_requests_total}.
 *
 * <p>Adding a call to GitHub means adding it here first; adapters translate whatever is listed.
 */
public enum GitHubEndpoint {
  /** Reads the token's identity and, from the headers, its scopes. */
  GET_AUTHENTICATED_USER("GET", "/user"),
  CREATE_COMMIT_STATUS("POST", "/repos/{owner}/{repo}/statuses/{sha}"),
  CREATE_ISSUE_COMMENT("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments"),
  ADD_LABELS("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels"),
  REMOVE_LABEL("DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"),
  LIST_ISSUE_COMMENTS("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments"),
  UPDATE_ISSUE_COMMENT("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}"),
  CREATE_REACTION_FOR_ISSUE_COMMENT(
      "POST", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"),
  CREATE_CHECK_RUN("POST", "/repos/{owner}/{repo}/check-runs"),
  UPDATE_CHECK_RUN("PATCH", "/repos/{owner}/{repo}/check-runs/{check_run_id}"),
  LIST_CHECK_RUNS_FOR_REF("GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs"),
  CREATE_WORKFLOW_DISPATCH(
      "POST", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"),
  CREATE_REPOSITORY_DISPATCH("POST", "/repos/{owner}/{repo}/dispatches"),
  LIST_REPO_WEBHOOK_DELIVERIES("GET", "/repos/{owner}/{repo}/hooks/{hook_id}/deliveries"),
  REDELIVER_REPO_WEBHOOK_DELIVERY(
      "POST", "/repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"),
  LIST_ORG_WEBHOOK_DELIVERIES("GET", "/orgs/{org}/hooks/{hook_id}/deliveries"),
  REDELIVER_ORG_WEBHOOK_DELIVERY(
      "POST", "/orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"),
  /** Exchanges a GitHub App's JWT for a token of one installation (GitHub App auth only). */
  CREATE_INSTALLATION_ACCESS_TOKEN("POST", "/app/installations/{installation_id}/access_tokens");

  private final String method;
  private final String pathTemplate;

  GitHubEndpoint(String method, String pathTemplate) {
    this.method = method;
    this.pathTemplate = pathTemplate;
  }

  public String method() {
    return method;
  }

  public String pathTemplate() {
    return pathTemplate;
  }

  /** Whether the call changes something on GitHub (GitHub asks that those be spaced out). */
  public boolean mutating() {
    return !method.equals("GET");
  }

  /** The metrics label: the constant's name in lowercase, for example {@code add_labels}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
