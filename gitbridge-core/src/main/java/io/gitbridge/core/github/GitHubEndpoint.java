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
  CREATE_REPOSITORY_DISPATCH("POST", "/repos/{owner}/{repo}/dispatches"),
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
