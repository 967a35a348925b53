package io.gitbridge.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.ConfigurationException;
import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.github.GitHubApiException;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.internal.Json;
import io.gitbridge.core.task.ChainRunner;
import io.gitbridge.core.task.Route;
import io.gitbridge.core.task.TaskContext;
import io.gitbridge.core.task.TaskRegistry;
import io.gitbridge.core.task.TaskResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInTasksTest {
  private static final String PR =
      "{\"action\":\"opened\",\"number\":42,\"pull_request\":{\"number\":42,"
          + "\"title\":\"Add retry\",\"head\":{\"sha\":\"6dcb09b\"}},"
          + "\"repository\":{\"full_name\":\"octo-org/hello-world\"}}";

  private final TaskRegistry registry = BuiltInTasks.registry();
  private final RecordingGitHubApi gitHub = new RecordingGitHubApi();

  private TaskResult run(String routesJson, String type, String body) {
    List<Route> routes = registry.routes("routes", Json.parse(routesJson));
    WebhookEvent event = new WebhookEvent(new DeliveryId("d-1"), type, body, Instant.EPOCH);
    ChainRunner runner = new ChainRunner(routes.get(0).steps(), done -> {});
    return runner.run(new TaskContext(event, gitHub, Clock.systemUTC(), 1, 0), 0);
  }

  private TaskResult runOnPr(String tasksJson) {
    return run("[{\"on\":\"pull_request\",\"tasks\":" + tasksJson + "}]", "pull_request", PR);
  }

  @Test
  void commitStatusPostsStateContextAndDescriptionToTheHeadSha() {
    TaskResult result =
        runOnPr(
            "[{\"commit-status\":{\"state\":\"pending\",\"description\":\"{{pull_request.title}}\","
                + "\"target_url\":\"https://ci.example.com/{{delivery_id}}\"}}]");
    assertThat(result).isInstanceOf(TaskResult.Done.class);
    GitHubRequest r = gitHub.requests().get(0);
    assertThat(r.endpoint()).isEqualTo(GitHubEndpoint.CREATE_COMMIT_STATUS);
    assertThat(r.path()).isEqualTo("/repos/octo-org/hello-world/statuses/6dcb09b");
    assertThat(r.body().get("state").asText()).isEqualTo("pending");
    assertThat(r.body().get("context").asText()).isEqualTo("gitbridge");
    assertThat(r.body().get("description").asText()).isEqualTo("Add retry");
    assertThat(r.body().get("target_url").asText()).isEqualTo("https://ci.example.com/d-1");
  }

  @Test
  void commitStatusDescriptionIsCutToGitHubsLimit() {
    runOnPr(
        "[{\"commit-status\":{\"state\":\"success\",\"description\":\""
            + "x".repeat(200)
            + "\"}}]");
    assertThat(gitHub.requests().get(0).body().get("description").asText()).hasSize(140);
  }

  @Test
  void commitStatusStateMustBeOneGitHubKnows() {
    assertThatThrownBy(() -> runOnPr("[{\"commit-status\":{\"state\":\"green\"}}]"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("routes[0].tasks[0].commit-status.state")
        .hasMessageContaining("pending, success, failure, error");
  }

  @Test
  void commentPostsTheRenderedBodyOnThePullRequest() {
    runOnPr("[{\"comment\":{\"body\":\"Thanks for #{{number}}!\"}}]");
    GitHubRequest r = gitHub.requests(GitHubEndpoint.CREATE_ISSUE_COMMENT).get(0);
    assertThat(r.path()).isEqualTo("/repos/octo-org/hello-world/issues/42/comments");
    assertThat(r.body().get("body").asText())
        .isEqualTo("Thanks for #42!\n\n<!-- gitbridge:routes[0].tasks[0] -->");
  }

  @Test
  void commentFindsTheIssueNumberOfIssueEventsAndHonoursAnExplicitOne() {
    String issue =
        "{\"action\":\"opened\",\"issue\":{\"number\":9},\"repository\":{\"full_name\":\"o/r\"}}";
    run("[{\"on\":\"issues\",\"tasks\":[{\"comment\":{\"body\":\"hi\"}}]}]", "issues", issue);
    run(
        "[{\"on\":\"issues\",\"tasks\":[{\"comment\":{\"body\":\"hi\",\"issue\":\"3\","
            + "\"repo\":\"acme/other\"}}]}]",
        "issues",
        issue);
    assertThat(gitHub.requests(GitHubEndpoint.CREATE_ISSUE_COMMENT))
        .extracting(GitHubRequest::path)
        .containsExactly("/repos/o/r/issues/9/comments", "/repos/acme/other/issues/3/comments");
  }

  @Test
  void stepFailsForGoodWhenTheEventHasNoIssueNumberOrRepository() {
    String push = "{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"o/r\"}}";
    TaskResult noIssue =
        run("[{\"on\":\"push\",\"tasks\":[{\"comment\":{\"body\":\"x\"}}]}]", "push", push);
    assertThat(noIssue).isInstanceOf(TaskResult.Failed.class);
    assertThat(((TaskResult.Failed) noIssue).reason())
        .isEqualTo("step 1 (comment): this push payload has no issue or pull request number");
    TaskResult noRepo =
        run(
            "[{\"on\":\"push\",\"tasks\":[{\"log\":{}},{\"label\":{\"add\":\"x\"}}]}]",
            "push",
            "{}");
    assertThat(((TaskResult.Failed) noRepo).reason()).startsWith("step 2 (label)");
    TaskResult badIssue =
        runOnPr("[{\"comment\":{\"body\":\"x\",\"issue\":\"{{pull_request.title}}\"}}]");
    assertThat(((TaskResult.Failed) badIssue).reason()).contains("is not an issue number");
    TaskResult badRepo = runOnPr("[{\"comment\":{\"body\":\"x\",\"repo\":\"nope\"}}]");
    assertThat(((TaskResult.Failed) badRepo).reason()).contains("repo:");
  }

  @Test
  void labelAddsAndRemovesAndToleratesAnAbsentLabel() {
    gitHub.answer(
        r -> {
          if (r.endpoint() == GitHubEndpoint.REMOVE_LABEL) {
            throw new GitHubApiException(
                "DELETE", r.path(), 404, "Label does not exist", false, null, null);
          }
          return new io.gitbridge.core.github.GitHubResponse(200, null);
        });
    TaskResult result =
        runOnPr("[{\"label\":{\"add\":[\"needs-review\",\"{{action}}\"],\"remove\":\"wip\"}}]");
    assertThat(result).isInstanceOf(TaskResult.Done.class);
    assertThat(gitHub.requests().get(0).body().toString())
        .isEqualTo("{\"labels\":[\"needs-review\",\"opened\"]}");
    assertThat(gitHub.requests().get(1).path())
        .isEqualTo("/repos/octo-org/hello-world/issues/42/labels/wip");
  }

  @Test
  void labelRemovalFailureOtherThanAbsentIsNotHidden() {
    gitHub.answer(
        r -> {
          throw new GitHubApiException("DELETE", r.path(), 403, "Forbidden", false, null, null);
        });
    assertThat(runOnPr("[{\"label\":{\"remove\":[\"wip\"]}}]"))
        .isInstanceOf(TaskResult.Failed.class);
  }

  @Test
  void labelNeedsSomethingToDo() {
    assertThatThrownBy(() -> runOnPr("[{\"label\":{}}]"))
        .hasMessageContaining("routes[0].tasks[0].label: needs 'add' or 'remove'");
    assertThatThrownBy(() -> runOnPr("[{\"label\":{\"add\":{\"a\":1}}}]"))
        .hasMessageContaining("label.add");
    assertThatThrownBy(() -> runOnPr("[{\"label\":{\"add\":[[1]]}}]"))
        .hasMessageContaining("list of strings");
  }

  @Test
  void repositoryDispatchSendsEventTypeAndRenderedClientPayload() {
    runOnPr(
        "[{\"repository-dispatch\":{\"repo\":\"acme/audit\",\"event_type\":\"gh-{{event}}\","
            + "\"client_payload\":{\"delivery\":\"{{delivery_id}}\",\"n\":1,"
            + "\"tags\":[\"{{action}}\"]}}}]");
    GitHubRequest r = gitHub.requests().get(0);
    assertThat(r.path()).isEqualTo("/repos/acme/audit/dispatches");
    assertThat(r.body().toString())
        .isEqualTo(
            "{\"event_type\":\"gh-pull_request\",\"client_payload\":"
                + "{\"delivery\":\"d-1\",\"n\":1,\"tags\":[\"opened\"]}}");
    runOnPr("[{\"repository-dispatch\":{\"event_type\":\"x\"}}]");
    assertThat(gitHub.requests().get(1).body().has("client_payload")).isFalse();
    assertThatThrownBy(
            () ->
                runOnPr("[{\"repository-dispatch\":{\"event_type\":\"x\",\"client_payload\":1}}]"))
        .hasMessageContaining("client_payload: must be a mapping");
  }

  @Test
  void repositoryDispatchRefusesMoreClientPayloadEntriesThanGitHubTakes() {
    StringBuilder eleven = new StringBuilder("{");
    for (int i = 0; i < 11; i++) {
      eleven.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
    }
    assertThatThrownBy(
            () ->
                runOnPr(
                    "[{\"repository-dispatch\":{\"event_type\":\"x\",\"client_payload\":"
                        + eleven.append("}")
                        + "}}]"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("client_payload: must be a mapping of at most 10 entries");
  }

  @Test
  void logTaskWritesAndProceeds() {
    assertThat(runOnPr("[\"log\", {\"log\":{\"message\":\"{{number}}\"}}]"))
        .isInstanceOf(TaskResult.Done.class);
  }

  @Test
  void unknownOptionsAndTasksAreRefusedWithTheirKey() {
    assertThatThrownBy(() -> runOnPr("[{\"comment\":{\"body\":\"x\",\"bdy\":\"y\"}}]"))
        .hasMessage("routes[0].tasks[0].comment.bdy: is not an option of this task");
    assertThatThrownBy(() -> runOnPr("[{\"comment\":{}}]"))
        .hasMessage("routes[0].tasks[0].comment.body: is required");
    assertThatThrownBy(() -> runOnPr("[{\"comment\":{\"body\":[1]}}]"))
        .hasMessageContaining("must be a single value");
    assertThatThrownBy(() -> runOnPr("[{\"comment\":\"x\"}]"))
        .hasMessageContaining("options must be a mapping");
    assertThatThrownBy(() -> runOnPr("[{\"deploy\":{}}]"))
        .hasMessageContaining("unknown task 'deploy'")
        .hasMessageContaining("commit-status");
    assertThatThrownBy(() -> runOnPr("[{\"comment\":{\"body\":\"{{oops\"}}]"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("routes[0].tasks[0].comment");
  }
}
