package io.gitbridge.core.recovery;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.RepositoryName;
import java.util.Map;

/**
 * A webhook on GitHub: {@code owner/repo/HOOK_ID} for a repository's hook, {@code org/HOOK_ID} for
 * an organization's.
 *
 * @param owner the organization, or the repository's owner
 * @param repo the repository's name, or {@code null} for an organization hook
 * @param hookId the hook's numeric id (GitHub shows it in the hook's settings URL)
 */
public record HookRef(String owner, String repo, long hookId) {
  public HookRef {
    requireNonNull(owner, "owner == null");
    if (hookId < 1) {
      throw new IllegalArgumentException("hook id must be a positive number");
    }
  }

  /** Parses {@code owner/repo/123} or {@code org/123}. */
  public static HookRef parse(String text) {
    String[] parts = requireNonNull(text, "text == null").split("/");
    try {
      if (parts.length == 3) {
        RepositoryName name = new RepositoryName(parts[0], parts[1]);
        return new HookRef(name.owner(), name.name(), Long.parseLong(parts[2]));
      }
      if (parts.length == 2 && !parts[0].isEmpty()) {
        return new HookRef(parts[0], null, Long.parseLong(parts[1]));
      }
    } catch (NumberFormatException e) {
      // fall through to the explanation
    }
    throw new IllegalArgumentException(
        "not a hook: '" + text + "' (OWNER/REPO/HOOK_ID or ORG/HOOK_ID)");
  }

  GitHubEndpoint listEndpoint() {
    return repo == null
        ? GitHubEndpoint.LIST_ORG_WEBHOOK_DELIVERIES
        : GitHubEndpoint.LIST_REPO_WEBHOOK_DELIVERIES;
  }

  GitHubEndpoint redeliverEndpoint() {
    return repo == null
        ? GitHubEndpoint.REDELIVER_ORG_WEBHOOK_DELIVERY
        : GitHubEndpoint.REDELIVER_REPO_WEBHOOK_DELIVERY;
  }

  Map<String, String> pathParameters() {
    return repo == null
        ? Map.of("org", owner, "hook_id", Long.toString(hookId))
        : Map.of("owner", owner, "repo", repo, "hook_id", Long.toString(hookId));
  }

  @Override
  public String toString() {
    return (repo == null ? owner : owner + "/" + repo) + "/" + hookId;
  }
}
