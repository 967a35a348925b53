package io.gitbridge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.github.GitHubApiException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenReportTest extends GitHubServerTest {
  @Test
  void classicTokenReportsLoginAndScopesFromGetUser() throws Exception {
    server.enqueue(
        GitHubAnswers.json(200, "user.json", clock)
            .addHeader("X-OAuth-Scopes", "repo, read:org, gist")
            .addHeader("X-Accepted-OAuth-Scopes", "")
            .build());

    TokenReport report = api().tokenReport();

    assertThat(report.login()).isEqualTo("octocat");
    assertThat(report.scopes()).containsExactly("repo", "read:org", "gist");
    assertThat(report.fineGrained()).isFalse();
    assertThat(take().getTarget()).isEqualTo("/user");
    assertThat(listener.requests()).containsExactly("get_authenticated_user 200");
  }

  @Test
  void fineGrainedTokenHasNoScopeHeader() {
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());

    TokenReport report = api().tokenReport();

    assertThat(report.fineGrained()).isTrue();
    assertThat(report.scopes()).isEmpty();
    assertThat(report.missing(Set.of("repo"))).isEmpty();
    assertThat(report.broader(Set.of("repo"))).isEmpty();
  }

  @Test
  void refusedTokenIsReportedAsAFinalFailure() {
    server.enqueue(GitHubAnswers.json(401, "bad-credentials.json", clock).build());

    assertThatThrownBy(() -> api().tokenReport())
        .isInstanceOf(GitHubApiException.class)
        .hasMessageContaining("GET /user -> 401: Bad credentials")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void missingCountsScopesThatIncludeOthers() {
    TokenReport report = TokenReport.of("octocat", "repo, write:org");

    assertThat(report.missing(Set.of("repo:status", "public_repo", "read:org", "workflow")))
        .containsExactly("workflow");
    assertThat(TokenReport.of("octocat", "repo:status").missing(Set.of("repo")))
        .containsExactly("repo");
  }

  @Test
  void broaderNamesGrantedScopesNoNeededScopeCovers() {
    TokenReport report = TokenReport.of("octocat", "repo, admin:org, gist");

    assertThat(report.broader(Set.of("repo:status", "read:org")))
        .containsExactly("admin:org", "gist", "repo");
    assertThat(report.broader(Set.of("repo", "admin:org", "gist"))).isEmpty();
    assertThat(TokenReport.of("octocat", "repo:status").broader(Set.of("repo"))).isEmpty();
  }

  @Test
  void classicTokenWithoutScopesIsNotFineGrained() {
    TokenReport report = TokenReport.of("octocat", "");

    assertThat(report.fineGrained()).isFalse();
    assertThat(report.scopes()).isEmpty();
    assertThat(report.missing(Set.of("repo"))).containsExactly("repo");
  }
}
