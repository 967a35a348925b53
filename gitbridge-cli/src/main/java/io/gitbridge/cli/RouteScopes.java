package io.gitbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classic OAuth scopes a token needs for the tasks the routes use: {@code repo} for statuses,
 * check runs, comments, labels and repository dispatches, {@code workflow} for workflow dispatch.
 * {@code write:packages}, which the setup guide asks for, is accepted without a warning.
 */
final class RouteScopes {
  /** Scopes the setup guide grants that are not a sign of an over-broad token. */
  static final Set<String> EXPECTED = Set.of("repo", "workflow", "write:packages");

  private static final Map<String, Set<String>> BY_TASK =
      Map.of(
          "commit-status", Set.of("repo"),
          "check-run", Set.of("repo"),
          "comment", Set.of("repo"),
          "label", Set.of("repo"),
          "repository-dispatch", Set.of("repo"),
          "dispatch-workflow", Set.of("repo", "workflow"));

  private RouteScopes() {}

  /** The scopes {@code routes} need; empty when no task calls GitHub. */
  static Set<String> needed(JsonNode routes) {
    Set<String> needed = new TreeSet<>();
    for (JsonNode route : routes) {
      for (JsonNode task : route.path("tasks")) {
        String name =
            task.isTextual()
                ? task.asText()
                : task.fieldNames().hasNext() ? task.fieldNames().next() : "";
        needed.addAll(BY_TASK.getOrDefault(name, Set.of()));
      }
    }
    return needed;
  }
}
