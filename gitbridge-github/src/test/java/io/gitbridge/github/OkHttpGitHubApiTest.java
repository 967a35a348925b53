package io.gitbridge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.gitbridge.core.github.GitHubApiException;
import io.gitbridge.core.github.GitHubResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class OkHttpGitHubApiTest extends GitHubServerTest {
  @Test
  void createdAnswerReturnsItsParsedBody() throws Exception {
    server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());

    GitHubResponse response = api().execute(comment("Queued by GitBridge"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.body().path("id").asLong()).isEqualTo(1);
    assertThat(response.body().path("user").path("login").asText()).isEqualTo("gitbridge-bot");
    RecordedRequest recorded = take();
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getTarget()).isEqualTo("/repos/acme/widgets/issues/7/comments");
    assertThat(MAPPER.readTree(recorded.getBody().utf8()).path("body").asText())
        .isEqualTo("Queued by GitBridge");
    assertThat(listener.requests()).containsExactly("create_issue_comment 201");
  }

  @Test
  void listQueryIsSentAndTheNextPageLinkIsReturned() throws Exception {
    server.enqueue(
        new mockwebserver3.MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json; charset=utf-8")
            .addHeader(
                "Link",
                "<https://api.github.com/repos/acme/widgets/hooks/9/deliveries?per_page=2&cursor=v1_7>;"
                    + " rel=\"next\"")
            .body("[{\"id\":1,\"guid\":\"a\"}]")
            .build());

    GitHubResponse response =
        api()
            .execute(
                new io.gitbridge.core.github.GitHubRequest(
                    io.gitbridge.core.github.GitHubEndpoint.LIST_REPO_WEBHOOK_DELIVERIES,
                    java.util.Map.of("owner", "acme", "repo", "widgets", "hook_id", "9"),
                    java.util.Map.of("per_page", "2"),
                    null));

    assertThat(take().getTarget()).isEqualTo("/repos/acme/widgets/hooks/9/deliveries?per_page=2");
    assertThat(response.body().get(0).path("guid").asText()).isEqualTo("a");
    assertThat(response.nextPageUrl())
        .isEqualTo(
            "https://api.github.com/repos/acme/widgets/hooks/9/deliveries?per_page=2&cursor=v1_7");
  }

  @Test
  void everyRequestCarriesGitHubsRequiredHeaders() throws Exception {
    server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());
    OkHttpGitHubApi api = track(builder().apiVersion("2026-03-10").build());

    api.execute(comment("hi"));
    api.execute(getUser());

    RecordedRequest post = take();
    assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(post.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
    assertThat(post.getHeaders().get("X-GitHub-Api-Version")).isEqualTo("2026-03-10");
    assertThat(post.getHeaders().get("User-Agent")).matches("GitBridge/\\d+\\.\\d+\\.\\d+.*");
    assertThat(post.getHeaders().get("Content-Type")).isEqualTo("application/json");
    RecordedRequest get = take();
    assertThat(get.getMethod()).isEqualTo("GET");
    assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(get.getHeaders().get("Content-Type")).isNull();
    assertThat(get.getBodySize()).isZero();
  }

  @Test
  void defaultsAreGitHubDotComAndTheDocumentedApiVersion() throws Exception {
    assertThat(OkHttpGitHubApi.DEFAULT_BASE_URL).isEqualTo("https://api.github.com");
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());
    OkHttpGitHubApi api = track(builder().build());

    api.execute(getUser());

    assertThat(take().getHeaders().get("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
  }

  @Test
  void enterpriseBaseUrlKeepsItsPathPrefixAndPathParametersArePercentEncoded() throws Exception {
    server.enqueue(GitHubAnswers.headers(204, clock, 4990).build());
    server.enqueue(GitHubAnswers.headers(204, clock, 4990).build());
    OkHttpGitHubApi api = track(builder().baseUrl(server.url("/api/v3").toString()).build());
    OkHttpGitHubApi slash = track(builder().baseUrl(server.url("/api/v3/").toString()).build());

    api.execute(removeLabel("needs review/ä"));
    slash.execute(removeLabel("bug"));

    RecordedRequest delete = take();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getTarget())
        .isEqualTo("/api/v3/repos/acme/widgets/issues/7/labels/needs%20review%2F%C3%A4");
    assertThat(take().getTarget()).isEqualTo("/api/v3/repos/acme/widgets/issues/7/labels/bug");
  }

  @Test
  void noContentAnswerHasAMissingBody() {
    server.enqueue(GitHubAnswers.headers(204, clock, 4990).build());

    GitHubResponse response = api().execute(removeLabel("bug"));

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body().isMissingNode()).isTrue();
    assertThat(listener.requests()).containsExactly("remove_label 204");
  }

  @Test
  void successfulAnswerThatIsNotJsonIsKeptAsText() {
    server.enqueue(GitHubAnswers.headers(200, clock, 4990).body("ok").build());

    assertThat(api().execute(getUser()).body().asText()).isEqualTo("ok");
  }

  @Test
  void validationFailureIsFinalAndCarriesGitHubsMessageAndErrors() {
    server.enqueue(GitHubAnswers.json(422, "validation-failed.json", clock).build());

    assertThatThrownBy(() -> api().execute(comment("x")))
        .asInstanceOf(type(GitHubApiException.class))
        .satisfies(
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.method()).isEqualTo("POST");
              assertThat(e.path()).isEqualTo("/repos/acme/widgets/issues/7/comments");
              assertThat(e.getMessage())
                  .contains("POST /repos/acme/widgets/issues/7/comments -> 422")
                  .contains("Validation Failed")
                  .contains("state is not included in the list")
                  .contains("Status.sha missing_field");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(listener.requests()).containsExactly("create_issue_comment 422");
  }

  @Test
  void notFoundIsFinalAndNotRetried() {
    server.enqueue(GitHubAnswers.json(404, "not-found.json", clock).build());
    server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());

    assertThatThrownBy(() -> api().execute(comment("x")))
        .asInstanceOf(type(GitHubApiException.class))
        .satisfies(
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.getMessage()).endsWith("-> 404: Not Found");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void forbiddenWithoutRateLimitSignsIsFinal() {
    server.enqueue(GitHubAnswers.json(403, "forbidden-integration.json", clock).build());

    assertThatThrownBy(() -> api().execute(comment("x")))
        .asInstanceOf(type(GitHubApiException.class))
        .satisfies(
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("Resource not accessible by integration");
            });
  }

  @Test
  void errorWithoutJsonBodyNamesTheStatus() {
    server.enqueue(GitHubAnswers.headers(400, clock, 4990).body("<html>Bad</html>").build());

    assertThatThrownBy(() -> api().execute(getUser()))
        .asInstanceOf(type(GitHubApiException.class))
        .satisfies(e -> assertThat(e.getMessage()).endsWith("-> 400: HTTP 400"));
  }

  @Test
  void tokenNeverAppearsInExceptionsOrToString() {
    server.enqueue(GitHubAnswers.json(401, "bad-credentials.json", clock).build());
    OkHttpGitHubApi api = api();

    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> api.execute(getUser()));

    assertThat(thrown).isInstanceOf(GitHubApiException.class);
    assertThat(((GitHubApiException) thrown).retryable()).isFalse();
    assertThat(thrown.getMessage()).contains("Bad credentials").doesNotContain(TOKEN);
    assertThat(thrown.toString()).doesNotContain(TOKEN);
    assertThat(api.toString()).doesNotContain(TOKEN).contains("token");
  }

  @Test
  void closedClientRefusesRequests() {
    OkHttpGitHubApi api = api();
    api.close();
    api.close();

    assertThatThrownBy(() -> api.execute(getUser()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(server.getRequestCount()).isZero();
  }
}
