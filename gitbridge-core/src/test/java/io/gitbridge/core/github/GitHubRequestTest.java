package io.gitbridge.core.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubRequestTest {
  @Test
  void fillsAndPercentEncodesPathParameters() {
    GitHubRequest request =
        new GitHubRequest(
            GitHubEndpoint.REMOVE_LABEL,
            Map.of("owner", "o", "repo", "r", "issue_number", "7", "name", "needs review/ok"),
            null);
    assertThat(request.path()).isEqualTo("/repos/o/r/issues/7/labels/needs%20review%2Fok");
    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request).hasToString("DELETE /repos/o/r/issues/7/labels/needs%20review%2Fok");
  }

  @Test
  void missingPathParameterFailsWhereTheRequestIsBuilt() {
    assertThatThrownBy(
            () ->
                new GitHubRequest(GitHubEndpoint.CREATE_COMMIT_STATUS, Map.of("owner", "o"), null))
        .hasMessageContaining("create_commit_status needs path parameter 'repo'");
  }

  @Test
  void endpointsKnowWhetherTheyChangeThings() {
    assertThat(GitHubEndpoint.GET_AUTHENTICATED_USER.mutating()).isFalse();
    assertThat(GitHubEndpoint.ADD_LABELS.mutating()).isTrue();
    assertThat(GitHubEndpoint.ADD_LABELS.label()).isEqualTo("add_labels");
    assertThat(GitHubEndpoint.ADD_LABELS.pathTemplate()).startsWith("/repos/{owner}/{repo}");
  }

  @Test
  void repositoryNamesParseOwnerAndName() {
    assertThat(RepositoryName.parse("octo-org/hello-world"))
        .isEqualTo(new RepositoryName("octo-org", "hello-world"))
        .hasToString("octo-org/hello-world");
    assertThatThrownBy(() -> RepositoryName.parse("nope")).hasMessageContaining("owner/name");
    assertThatThrownBy(() -> RepositoryName.parse("a/b/c")).hasMessageContaining("owner/name");
    assertThatThrownBy(() -> RepositoryName.parse("a/b c"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void apiExceptionNamesMethodPathAndStatus() {
    GitHubApiException e =
        new GitHubApiException(
            "POST", "/repos/o/r/statuses/abc", 422, "Validation Failed", false, null, null);
    assertThat(e).hasMessage("POST /repos/o/r/statuses/abc -> 422: Validation Failed");
    assertThat(e.retryAfter()).isEqualTo(Duration.ZERO);
    assertThat(e.retryable()).isFalse();
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.path()).isEqualTo("/repos/o/r/statuses/abc");
    assertThat(e.status()).isEqualTo(422);
    GitHubApiException offline =
        new GitHubApiException("GET", "/user", 0, "refused", true, Duration.ofSeconds(2), null);
    assertThat(offline).hasMessageContaining("no answer");
  }

  @Test
  void recordingApiRecordsAndAnswersAsScripted() {
    RecordingGitHubApi api = new RecordingGitHubApi().logRequests(true);
    GitHubRequest user = new GitHubRequest(GitHubEndpoint.GET_AUTHENTICATED_USER, Map.of(), null);
    assertThat(api.execute(user).status()).isEqualTo(201);
    api.answer(r -> new GitHubResponse(204, null));
    assertThat(api.execute(user).body().isMissingNode()).isTrue();
    assertThat(api.requests()).hasSize(2);
    assertThat(api.requests(GitHubEndpoint.GET_AUTHENTICATED_USER)).hasSize(2);
    assertThat(api.requests(GitHubEndpoint.ADD_LABELS)).isEmpty();
    api.clear();
    assertThat(api.requests()).isEmpty();
  }
}
