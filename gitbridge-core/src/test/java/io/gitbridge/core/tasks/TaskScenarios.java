package io.gitbridge.core.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.core.github.GitHubResponse;
import io.gitbridge.core.internal.Json;
import java.util.List;
import java.util.Map;

/**
 * Every meaningful way to configure the built-in tasks that call GitHub, each with the event it
 * runs on and how a recording GitHub answers the lookups (existing comments, check runs).
 */
final class TaskScenarios {
  static final String PR =
      "{\"action\":\"opened\",\"number\":42,\"pull_request\":{\"number\":42,\"title\":\"Add retry\","
          + "\"head\":{\"sha\":\"6dcb09b\",\"ref\":\"feature/retry\"}},"
          + "\"repository\":{\"full_name\":\"octo-org/hello-world\",\"default_branch\":\"main\"}}";
  static final String PUSH =
      "{\"ref\":\"refs/heads/main\",\"after\":\"abc123\","
          + "\"repository\":{\"full_name\":\"octo-org/hello-world\"}}";
  private static final String MARKER = "<!-- gitbridge:routes[0].tasks[0] -->";

  /**
   * One way to run a task.
   *
   * @param name what the scenario shows
   * @param tasks the route's {@code tasks:} list as JSON
   * @param attempt the attempt at the event (a retry finds what an earlier one made)
   * @param type the event type
   * @param payload the event's body
   * @param lookups what GitHub answers to the list endpoints; others get 201 and {@code {}}
   */
  record Scenario(
      String name,
      String tasks,
      int attempt,
      String type,
      String payload,
      Map<GitHubEndpoint, String> lookups) {
    GitHubResponse answer(GitHubRequest request) {
      String body = lookups.get(request.endpoint());
      if (body != null) {
        return new GitHubResponse(200, Json.parse(body));
      }
      JsonNode empty =
          Json.parse(
              request.endpoint() == GitHubEndpoint.LIST_ISSUE_COMMENTS
                  ? "[]"
                  : request.endpoint() == GitHubEndpoint.LIST_CHECK_RUNS_FOR_REF
                      ? "{\"total_count\":0,\"check_runs\":[]}"
                      : "{}");
      return new GitHubResponse(201, empty);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private TaskScenarios() {}

  private static Scenario onPr(String name, String tasks) {
    return new Scenario(name, tasks, 1, "pull_request", PR, Map.of());
  }

  static List<Scenario> all() {
    String tenEntries =
        "{\"delivery\":\"{{delivery_id}}\",\"n\":1,\"flag\":true,\"tags\":[\"{{action}}\"],"
            + "\"nested\":{\"sha\":\"{{pull_request.head.sha}}\"},\"f\":\"x\",\"g\":\"x\","
            + "\"h\":\"x\",\"i\":\"x\",\"j\":\"x\"}";
    return List.of(
        onPr("commit-status with only its state", "[{\"commit-status\":{\"state\":\"pending\"}}]"),
        onPr(
            "commit-status with every option",
            "[{\"commit-status\":{\"sha\":\"{{pull_request.head.sha}}\",\"state\":\"failure\","
                + "\"context\":\"ci/{{event}}\",\"description\":\""
                + "d".repeat(200)
                + "\",\"target_url\":\"https://ci.example.com/{{delivery_id}}\","
                + "\"repo\":\"acme/other\"}}]"),
        onPr(
            "check-run created completed with the whole output",
            "[{\"check-run\":{\"name\":\"gitbridge\",\"conclusion\":\"success\",\"title\":\"ok\","
                + "\"summary\":\"all good\",\"text\":\"t\",\"details_url\":\"https://x/{{number}}\","
                + "\"head_sha\":\"{{pull_request.head.sha}}\",\"repo\":\"acme/other\"}}]"),
        onPr(
            "check-run created queued",
            "[{\"check-run\":{\"name\":\"ci\",\"status\":\"queued\"}}]"),
        onPr(
            "check-run created in progress with only a title",
            "[{\"check-run\":{\"name\":\"ci\",\"title\":\"Running\"}}]"),
        new Scenario(
            "check-run created on a push after a retry found no earlier run",
            "[{\"check-run\":{\"name\":\"ci\",\"status\":\"in_progress\"}}]",
            2,
            "push",
            PUSH,
            Map.of()),
        new Scenario(
            "check-run updated by a retry",
            "[{\"check-run\":{\"name\":\"ci\",\"conclusion\":\"failure\",\"title\":\"broken\","
                + "\"summary\":\"2 failed\",\"details_url\":\"https://x\"}}]",
            2,
            "pull_request",
            PR,
            Map.of(
                GitHubEndpoint.LIST_CHECK_RUNS_FOR_REF,
                "{\"total_count\":1,\"check_runs\":[{\"id\":77,\"external_id\":\"d-1:0\"}]}")),
        onPr("sticky comment created", "[{\"comment\":{\"body\":\"Thanks for #{{number}}\"}}]"),
        onPr(
            "non-sticky comment created",
            "[{\"comment\":{\"body\":\"hi\",\"sticky\":false,\"marker\":\"greet\"}}]"),
        new Scenario(
            "sticky comment updated",
            "[{\"comment\":{\"body\":\"new\"}}]",
            1,
            "pull_request",
            PR,
            Map.of(
                GitHubEndpoint.LIST_ISSUE_COMMENTS,
                "[{\"id\":9,\"body\":" + Json.write("old\n\n" + MARKER) + "}]")),
        onPr(
            "comment on a named issue of another repository",
            "[{\"comment\":{\"body\":\"x\",\"issue\":\"7\",\"repo\":\"acme/other\"}}]"),
        onPr("label added", "[{\"label\":{\"add\":[\"needs-review\",\"{{action}}\"]}}]"),
        onPr("label removed", "[{\"label\":{\"remove\":\"needs: review/ok\"}}]"),
        onPr(
            "labels added and removed",
            "[{\"label\":{\"add\":\"a\",\"remove\":[\"wip\",\"b\"],\"issue\":\"3\"}}]"),
        onPr(
            "workflow dispatched without inputs",
            "[{\"dispatch-workflow\":{\"workflow\":\"ci.yml\"}}]"),
        onPr(
            "workflow dispatched with inputs and a ref",
            "[{\"dispatch-workflow\":{\"workflow\":\"1234\",\"ref\":\"{{pull_request.head.ref}}\","
                + "\"inputs\":{\"pr\":\"{{number}}\",\"debug\":true},\"repo\":\"acme/other\"}}]"),
        onPr(
            "repository dispatch without client_payload",
            "[{\"repository-dispatch\":{\"event_type\":\"gh-{{event}}\"}}]"),
        onPr(
            "repository dispatch with ten client_payload entries",
            "[{\"repository-dispatch\":{\"event_type\":\"x\",\"repo\":\"acme/audit\","
                + "\"client_payload\":"
                + tenEntries
                + "}}]"));
  }
}
