package io.gitbridge.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.core.github.GitHubResponse;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.internal.Json;
import io.gitbridge.core.task.ChainRunner;
import io.gitbridge.core.task.Route;
import io.gitbridge.core.task.TaskContext;
import io.gitbridge.core.task.TaskResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Tasks whose retries edit what an earlier attempt made instead of making it again. */
class IdempotentTasksTest {
  private static final String PR =
      "{\"action\":\"synchronize\",\"number\":42,\"pull_request\":{\"number\":42,"
          + "\"head\":{\"sha\":\"6dcb09b\"}},\"repository\":{\"full_name\":\"o/r\","
          + "\"default_branch\":\"main\"}}";

  private final RecordingGitHubApi gitHub = new RecordingGitHubApi();

  private TaskResult run(String tasksJson, int attempt, String type, String body) {
    List<Route> routes =
        BuiltInTasks.registry()
            .routes("routes", Json.parse("[{\"on\":\"*\",\"tasks\":" + tasksJson + "}]"));
    WebhookEvent event = new WebhookEvent(new DeliveryId("d-1"), type, body, Instant.EPOCH);
    return new ChainRunner(routes.get(0).steps(), done -> {})
        .run(new TaskContext(event, gitHub, Clock.systemUTC(), attempt, 0), 0);
  }

  private void answer(GitHubEndpoint endpoint, String json) {
    JsonNode body = Json.parse(json);
    Function<GitHubRequest, GitHubResponse> answers =
        r ->
            new GitHubResponse(
                r.endpoint() == endpoint ? 200 : 201, r.endpoint() == endpoint ? body : null);
    gitHub.answer(answers);
  }

  @Test
  void firstAttemptCreatesACheckRunNamedAfterTheDeliveryAndStep() {
    run(
        "[{\"check-run\":{\"name\":\"gitbridge\",\"conclusion\":\"success\",\"title\":\"ok\","
            + "\"summary\":\"all good\",\"text\":\"t\",\"details_url\":\"https://x/{{number}}\"}}]",
        1,
        "pull_request",
        PR);
    assertThat(gitHub.requests()).hasSize(1);
    GitHubRequest r = gitHub.requests().get(0);
    assertThat(r.toString()).isEqualTo("POST /repos/o/r/check-runs");
    assertThat(r.body().toString())
        .isEqualTo(
            "{\"name\":\"gitbridge\",\"status\":\"completed\",\"conclusion\":\"success\","
                + "\"details_url\":\"https://x/42\",\"output\":{\"title\":\"ok\","
                + "\"summary\":\"all good\",\"text\":\"t\"},\"head_sha\":\"6dcb09b\","
                + "\"external_id\":\"d-1:0\"}");
  }

  @Test
  void retriedCheckRunUpdatesTheRunItsFirstAttemptCreated() {
    answer(
        GitHubEndpoint.LIST_CHECK_RUNS_FOR_REF,
        "{\"total_count\":2,\"check_runs\":[{\"id\":1,\"external_id\":\"other\"},"
            + "{\"id\":77,\"external_id\":\"d-1:0\"}]}");
    run("[{\"check-run\":{\"name\":\"ci\",\"status\":\"in_progress\"}}]", 2, "pull_request", PR);
    assertThat(gitHub.requests())
        .extracting(GitHubRequest::toString)
        .containsExactly(
            "GET /repos/o/r/commits/6dcb09b/check-runs?check_name=ci&filter=all&per_page=100",
            "PATCH /repos/o/r/check-runs/77");
    assertThat(gitHub.requests().get(1).body().has("head_sha")).isFalse();
  }

  @Test
  void retriedCheckRunThatFindsNothingCreates() {
    answer(GitHubEndpoint.LIST_CHECK_RUNS_FOR_REF, "{\"total_count\":0,\"check_runs\":[]}");
    String push = "{\"after\":\"abc\",\"repository\":{\"full_name\":\"o/r\"}}";
    run("[{\"check-run\":{\"name\":\"ci\"}}]", 3, "push", push);
    assertThat(gitHub.requests(GitHubEndpoint.CREATE_CHECK_RUN)).hasSize(1);
    assertThat(gitHub.requests().get(1).body().path("head_sha").asText()).isEqualTo("abc");
  }

  @Test
  void checkRunOptionsAreCheckedAtStart() {
    assertThatThrownBy(
            () -> run("[{\"check-run\":{\"name\":\"c\",\"status\":\"completed\"}}]", 1, "push", PR))
        .hasMessageContaining("check-run.conclusion: is required when completed");
    assertThatThrownBy(
            () ->
                run(
                    "[{\"check-run\":{\"name\":\"c\",\"status\":\"queued\",\"conclusion\":\"success\"}}]",
                    1,
                    "push",
                    PR))
        .hasMessageContaining("needs status completed");
    assertThatThrownBy(
            () -> run("[{\"check-run\":{\"name\":\"c\",\"summary\":\"s\"}}]", 1, "push", PR))
        .hasMessageContaining("check-run.title");
    assertThat(
            run(
                "[{\"check-run\":{\"name\":\"c\"}}]",
                1,
                "push",
                "{\"repository\":{\"full_name\":\"o/r\"}}"))
        .isEqualTo(
            TaskResult.failed(
                "step 1 (check-run): this push payload has no head commit; set head_sha"));
  }

  @Test
  void stickyCommentEditsTheCommentCarryingItsMarker() {
    answer(
        GitHubEndpoint.LIST_ISSUE_COMMENTS,
        "[{\"id\":5,\"body\":\"hi\"},{\"id\":9,\"body\":\"old\\n\\n<!-- gitbridge:routes[0].tasks[0] -->\"}]");
    run("[{\"comment\":{\"body\":\"new\"}}]", 1, "pull_request", PR);
    assertThat(gitHub.requests())
        .extracting(GitHubRequest::toString)
        .containsExactly(
            "GET /repos/o/r/issues/42/comments?page=1&per_page=100",
            "PATCH /repos/o/r/issues/comments/9");
    assertThat(gitHub.requests().get(1).body().path("body").asText())
        .isEqualTo("new\n\n<!-- gitbridge:routes[0].tasks[0] -->");
  }

  @Test
  void nonStickyCommentPostsOnFirstAttemptAndEditsOnRetry() {
    run(
        "[{\"comment\":{\"body\":\"hello\",\"sticky\":false,\"marker\":\"greet\"}}]",
        1,
        "pull_request",
        PR);
    assertThat(gitHub.requests())
        .extracting(GitHubRequest::endpoint)
        .containsExactly(GitHubEndpoint.CREATE_ISSUE_COMMENT);
    String posted = gitHub.requests().get(0).body().path("body").asText();
    assertThat(posted).endsWith("<!-- gitbridge:greet:d-1 -->");

    gitHub.clear();
    answer(GitHubEndpoint.LIST_ISSUE_COMMENTS, "[{\"id\":3,\"body\":" + Json.write(posted) + "}]");
    run(
        "[{\"comment\":{\"body\":\"hello\",\"sticky\":false,\"marker\":\"greet\"}}]",
        2,
        "pull_request",
        PR);
    assertThat(gitHub.requests())
        .extracting(GitHubRequest::endpoint)
        .containsExactly(GitHubEndpoint.LIST_ISSUE_COMMENTS, GitHubEndpoint.UPDATE_ISSUE_COMMENT);
  }

  @Test
  void commentLookupPagesUntilAShortPage() {
    StringBuilder full = new StringBuilder("[");
    for (int i = 0; i < CommentTask.PAGE_SIZE; i++) {
      full.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"body\":\"x\"}");
    }
    JsonNode fullPage = Json.parse(full.append("]").toString());
    gitHub.answer(
        r ->
            r.endpoint() == GitHubEndpoint.LIST_ISSUE_COMMENTS
                ? new GitHubResponse(
                    200, r.query().get("page").equals("1") ? fullPage : Json.parse("[]"))
                : new GitHubResponse(201, null));
    run("[{\"comment\":{\"body\":\"x\"}}]", 1, "pull_request", PR);
    assertThat(gitHub.requests(GitHubEndpoint.LIST_ISSUE_COMMENTS)).hasSize(2);
    assertThat(gitHub.requests(GitHubEndpoint.CREATE_ISSUE_COMMENT)).hasSize(1);
  }

  @Test
  void dispatchWorkflowStartsItOnTheDefaultBranchWithRenderedInputs() {
    run(
        "[{\"dispatch-workflow\":{\"workflow\":\"ci.yml\",\"inputs\":{\"pr\":\"{{number}}\"}}}]",
        1,
        "pull_request",
        PR);
    GitHubRequest r = gitHub.requests().get(0);
    assertThat(r.toString()).isEqualTo("POST /repos/o/r/actions/workflows/ci.yml/dispatches");
    assertThat(r.body().toString()).isEqualTo("{\"ref\":\"main\",\"inputs\":{\"pr\":\"42\"}}");
    assertThatThrownBy(
            () ->
                run("[{\"dispatch-workflow\":{\"workflow\":\"x\",\"inputs\":[1]}}]", 1, "push", PR))
        .hasMessageContaining("inputs: must be a mapping");
  }
}
