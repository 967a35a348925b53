package io.gitbridge.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.core.github.GitHubResponse;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.internal.Json;
import io.gitbridge.core.recovery.DeliveryRecovery;
import io.gitbridge.core.recovery.HookRef;
import io.gitbridge.core.task.ChainRunner;
import io.gitbridge.core.task.Route;
import io.gitbridge.core.task.TaskContext;
import io.gitbridge.core.task.TaskResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request GitBridge sends names an operation of GitHub's REST API with only the fields GitHub
 * documents, as read from GitHub's OpenAPI description into {@code rest-endpoints.json}.
 */
class GitHubEndpointConformanceTest {
  private static final RestEndpoints GITHUB = RestEndpoints.load();
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  @Test
  void everyEndpointConstantIsAGitHubOperationWithTheSameMethodPathAndParameters() {
    Pattern parameter = Pattern.compile("\\{([a-z_]+)}");
    for (GitHubEndpoint endpoint : GitHubEndpoint.values()) {
      JsonNode op = GITHUB.operation(endpoint);
      assertThat(op).as(endpoint + " in " + RestEndpoints.RESOURCE).isNotNull();
      assertThat(op.path("method").asText()).as(endpoint + " method").isEqualTo(endpoint.method());
      assertThat(op.path("path").asText())
          .as(endpoint + " path")
          .isEqualTo(endpoint.pathTemplate());
      Set<String> inTemplate = new java.util.HashSet<>();
      Matcher m = parameter.matcher(endpoint.pathTemplate());
      while (m.find()) {
        inTemplate.add(m.group(1));
      }
      assertThat(RestEndpoints.names(op.path("path_params"))).isEqualTo(inTemplate);
    }
  }

  @Test
  void theDescriptionListsOnlyTheEndpointsWeCallAndNamesWhereItWasRead() {
    List<JsonNode> operations = GITHUB.operations();
    assertThat(operations)
        .extracting(op -> op.path("endpoint").asText())
        .containsExactlyInAnyOrderElementsOf(
            EnumSet.allOf(GitHubEndpoint.class).stream().map(Enum::name).toList());
    assertThat(operations)
        .extracting(op -> op.path("operation_id").asText())
        .doesNotHaveDuplicates();
    assertThat(GITHUB.source().path("repository").asText())
        .isEqualTo("github/rest-api-description");
    assertThat(GITHUB.source().path("file").asText()).endsWith(".json");
    assertThat(GITHUB.source().path("commit").asText()).matches("[0-9a-f]{40}");
  }

  @Test
  void everyChoiceTheTasksOfferIsAValueGitHubDocuments() {
    JsonNode status = GITHUB.operation(GitHubEndpoint.CREATE_COMMIT_STATUS).path("body");
    assertThat(RestEndpoints.names(status.path("enums").path("state")))
        .containsAll(CommitStatusTask.STATES);
    for (GitHubEndpoint e :
        List.of(GitHubEndpoint.CREATE_CHECK_RUN, GitHubEndpoint.UPDATE_CHECK_RUN)) {
      JsonNode enums = GITHUB.operation(e).path("body").path("enums");
      assertThat(RestEndpoints.names(enums.path("status"))).containsAll(CheckRunTask.STATUSES);
      assertThat(RestEndpoints.names(enums.path("conclusion")))
          .containsAll(CheckRunTask.CONCLUSIONS);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gitbridge.core.tasks.TaskScenarios#all")
  void everyRequestABuiltInTaskBuildsIsDocumentedByGitHub(TaskScenarios.Scenario scenario) {
    RecordingGitHubApi gitHub = run(scenario);
    assertThat(gitHub.requests()).as("requests of " + scenario).isNotEmpty();
    for (GitHubRequest request : gitHub.requests()) {
      assertThat(GITHUB.violations(request)).as(request.toString()).isEmpty();
    }
  }

  @Test
  void theScenariosReachEveryEndpointTheBuiltInTasksUse() {
    Set<GitHubEndpoint> reached = EnumSet.noneOf(GitHubEndpoint.class);
    for (TaskScenarios.Scenario scenario : TaskScenarios.all()) {
      run(scenario).requests().forEach(r -> reached.add(r.endpoint()));
    }
    assertThat(reached)
        .containsExactlyInAnyOrder(
            GitHubEndpoint.CREATE_COMMIT_STATUS,
            GitHubEndpoint.CREATE_CHECK_RUN,
            GitHubEndpoint.UPDATE_CHECK_RUN,
            GitHubEndpoint.LIST_CHECK_RUNS_FOR_REF,
            GitHubEndpoint.CREATE_ISSUE_COMMENT,
            GitHubEndpoint.UPDATE_ISSUE_COMMENT,
            GitHubEndpoint.LIST_ISSUE_COMMENTS,
            GitHubEndpoint.ADD_LABELS,
            GitHubEndpoint.REMOVE_LABEL,
            GitHubEndpoint.CREATE_WORKFLOW_DISPATCH,
            GitHubEndpoint.CREATE_REPOSITORY_DISPATCH);
  }

  @Test
  void everyRequestDeliveryRecoveryBuildsIsDocumentedByGitHub() {
    RecordingGitHubApi gitHub =
        new RecordingGitHubApi().answer(GitHubEndpointConformanceTest::deliveries);
    DeliveryRecovery recovery = new DeliveryRecovery(gitHub, Clock.fixed(NOW, ZoneOffset.UTC));
    recovery.recover(HookRef.parse("octo-org/hello-world/9"), Duration.ofHours(6), false);
    recovery.recover(HookRef.parse("octo-org/77"), Duration.ofHours(6), false);
    assertThat(gitHub.requests())
        .extracting(GitHubRequest::endpoint)
        .contains(
            GitHubEndpoint.LIST_REPO_WEBHOOK_DELIVERIES,
            GitHubEndpoint.REDELIVER_REPO_WEBHOOK_DELIVERY,
            GitHubEndpoint.LIST_ORG_WEBHOOK_DELIVERIES,
            GitHubEndpoint.REDELIVER_ORG_WEBHOOK_DELIVERY);
    assertThat(gitHub.requests()).anyMatch(r -> r.query().containsKey("cursor"));
    for (GitHubRequest request : gitHub.requests()) {
      assertThat(GITHUB.violations(request)).as(request.toString()).isEmpty();
    }
  }

  @Test
  void theCheckRefusesWhatGitHubDoesNotDocument() {
    Map<String, String> repo = Map.of("owner", "o", "repo", "r");
    List<String> found = new ArrayList<>();
    found.addAll(
        violations(
            GitHubEndpoint.CREATE_COMMIT_STATUS,
            Map.of("owner", "o", "repo", "r", "sha", "abc"),
            Map.of(),
            "{\"status\":\"success\"}"));
    found.addAll(
        violations(
            GitHubEndpoint.CREATE_CHECK_RUN,
            repo,
            Map.of(),
            "{\"name\":\"c\",\"head_sha\":\"a\",\"status\":\"completed\",\"output\":{\"title\":\"t\"}}"));
    found.addAll(
        violations(
            GitHubEndpoint.LIST_CHECK_RUNS_FOR_REF,
            Map.of("owner", "o", "repo", "r", "ref", "a", "extra", "x"),
            Map.of("filter", "everything", "sort", "created"),
            "{}"));
    found.addAll(violations(GitHubEndpoint.CREATE_REPOSITORY_DISPATCH, repo, Map.of(), null));
    found.addAll(
        violations(
            GitHubEndpoint.CREATE_REPOSITORY_DISPATCH,
            repo,
            Map.of(),
            "{\"event_type\":\"\",\"client_payload\":"
                + "{\"a\":1,\"b\":1,\"c\":1,\"d\":1,\"e\":1,\"f\":1,\"g\":1,\"h\":1,\"i\":1,\"j\":1,"
                + "\"k\":1}}"));
    found.addAll(
        violations(
            GitHubEndpoint.ADD_LABELS,
            Map.of("owner", "o", "repo", "r", "issue_number", "1"),
            Map.of(),
            "{\"labels\":[]}"));
    assertThat(String.join("\n", found))
        .contains("'status' is not a documented body property")
        .contains("required body property 'state' is missing")
        .contains("'conclusion' is required with {\"status\":\"completed\"}")
        .contains("output.required body property 'summary' is missing")
        .contains("path parameters")
        .contains("query parameter 'sort' is not documented")
        .contains("'filter' = 'everything' is not one of")
        .contains("sends a body; none is documented")
        .contains("sends no body; one is required")
        .contains("'client_payload' has more than 10 entries")
        .contains("'event_type' is shorter than 1")
        .contains("'labels' has fewer than 1 items");
  }

  private static List<String> violations(
      GitHubEndpoint endpoint, Map<String, String> path, Map<String, String> query, String body) {
    return GITHUB.violations(
        new GitHubRequest(endpoint, path, query, body == null ? null : Json.parse(body)));
  }

  static RecordingGitHubApi run(TaskScenarios.Scenario scenario) {
    RecordingGitHubApi gitHub = new RecordingGitHubApi().answer(scenario::answer);
    List<Route> routes =
        BuiltInTasks.registry()
            .routes("routes", Json.parse("[{\"on\":\"*\",\"tasks\":" + scenario.tasks() + "}]"));
    WebhookEvent event =
        new WebhookEvent(new DeliveryId("d-1"), scenario.type(), scenario.payload(), Instant.EPOCH);
    TaskResult result =
        new ChainRunner(routes.get(0).steps(), done -> {})
            .run(new TaskContext(event, gitHub, Clock.systemUTC(), scenario.attempt(), 0), 0);
    assertThat(result).as(scenario.toString()).isInstanceOf(TaskResult.Done.class);
    return gitHub;
  }

  private static GitHubResponse deliveries(GitHubRequest r) {
    if (r.endpoint() == GitHubEndpoint.LIST_REPO_WEBHOOK_DELIVERIES
        && !r.query().containsKey("cursor")) {
      return new GitHubResponse(
          200,
          Json.parse("[" + delivery(11, "a", 502, "11:00") + "]"),
          Map.of(
              "Link",
              "<https://api.github.com/repos/octo-org/hello-world/hooks/9/deliveries"
                  + "?per_page=100&cursor=v1_x>; rel=\"next\""));
    }
    if (r.method().equals("GET")) {
      return new GitHubResponse(200, Json.parse("[" + delivery(12, "b", 0, "10:00") + "]"));
    }
    return new GitHubResponse(202, null);
  }

  private static String delivery(long id, String guid, int status, String time) {
    return "{\"id\":"
        + id
        + ",\"guid\":\""
        + guid
        + "\",\"delivered_at\":\"2026-12-04T"
        + time
        + ":00Z\",\"status_code\":"
        + status
        + ",\"event\":\"push\"}";
  }
}
