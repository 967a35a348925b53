package io.gitbridge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.github.GitHubApi;
import io.gitbridge.core.github.GitHubApiException;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class GitHubAppAuthTest extends GitHubServerTest {
  private static final String APP_ID = "12345";

  private OkHttpGitHubApi.Builder appBuilder(String pem) {
    return OkHttpGitHubApi.builder()
        .baseUrl(server.url("/api/v3").toString())
        .appAuth(new GitHubAppCredentials(APP_ID, pem))
        .mutatingRequestSpacing(Duration.ZERO)
        .clock(clock)
        .sleeper(sleeper)
        .listener(listener);
  }

  private OkHttpGitHubApi app() {
    return track(appBuilder(TestKeys.pkcs1Pem()).build());
  }

  private MockResponse installationToken(String token, Instant expiresAt) {
    String body =
        GitHubAnswers.body("installation-token.json")
            .replace("%TOKEN%", token)
            .replace("%EXPIRES_AT%", expiresAt.toString());
    return GitHubAnswers.headers(201, clock, 4990).body(body).build();
  }

  private String bearer(RecordedRequest request) {
    String authorization = request.getHeaders().get("Authorization");
    assertThat(authorization).startsWith("Bearer ");
    return authorization.substring("Bearer ".length());
  }

  @Test
  void installationGetsATokenWithASignedJwtAndCallsWithIt() throws Exception {
    Instant now = clock.instant();
    server.enqueue(installationToken("ghs_first", now.plus(Duration.ofHours(1))));
    server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());

    assertThat(app().forInstallation(42).execute(comment("hi")).status()).isEqualTo(201);

    RecordedRequest tokenRequest = take();
    assertThat(tokenRequest.getMethod()).isEqualTo("POST");
    assertThat(tokenRequest.getTarget()).isEqualTo("/api/v3/app/installations/42/access_tokens");
    assertThat(tokenRequest.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
    JsonNode claims = TestKeys.verifiedClaims(bearer(tokenRequest));
    assertThat(claims.path("iss").isNumber()).isTrue();
    assertThat(claims.path("iss").asText()).isEqualTo(APP_ID);
    assertThat(claims.path("iat").asLong()).isEqualTo(now.getEpochSecond() - 60);
    assertThat(claims.path("exp").asLong())
        .isGreaterThan(now.getEpochSecond())
        .isLessThanOrEqualTo(now.getEpochSecond() + 600);
    RecordedRequest call = take();
    assertThat(call.getTarget()).isEqualTo("/api/v3/repos/acme/widgets/issues/7/comments");
    assertThat(bearer(call)).isEqualTo("ghs_first");
    assertThat(listener.requests())
        .containsExactly("create_installation_access_token 201", "create_issue_comment 201");
  }

  @Test
  void tokenIsReusedUntilFiveMinutesBeforeItExpires() throws Exception {
    Instant expiry = clock.instant().plus(Duration.ofHours(1));
    server.enqueue(installationToken("ghs_first", expiry));
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());
    server.enqueue(installationToken("ghs_second", expiry.plus(Duration.ofHours(1))));
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());
    GitHubApi installation = app().forInstallation(42);

    installation.execute(getUser());
    clock.advance(Duration.ofMinutes(54));
    installation.execute(getUser());
    clock.advance(Duration.ofSeconds(61));
    installation.execute(getUser());

    take();
    assertThat(bearer(take())).isEqualTo("ghs_first");
    assertThat(bearer(take())).isEqualTo("ghs_first");
    assertThat(take().getTarget()).endsWith("/app/installations/42/access_tokens");
    assertThat(bearer(take())).isEqualTo("ghs_second");
  }

  @Test
  void eachInstallationHasItsOwnToken() throws Exception {
    Instant expiry = clock.instant().plus(Duration.ofHours(1));
    server.enqueue(installationToken("ghs_one", expiry));
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());
    server.enqueue(installationToken("ghs_two", expiry));
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());
    OkHttpGitHubApi app = app();

    app.forInstallation(1).execute(getUser());
    app.forInstallation(2).execute(getUser());

    assertThat(take().getTarget()).endsWith("/app/installations/1/access_tokens");
    assertThat(bearer(take())).isEqualTo("ghs_one");
    assertThat(take().getTarget()).endsWith("/app/installations/2/access_tokens");
    assertThat(bearer(take())).isEqualTo("ghs_two");
  }

  @Test
  void refusedInstallationTokenIsReplacedAndTheCallRetried() throws Exception {
    Instant expiry = clock.instant().plus(Duration.ofHours(1));
    server.enqueue(installationToken("ghs_revoked", expiry));
    server.enqueue(GitHubAnswers.json(401, "bad-credentials.json", clock).build());
    server.enqueue(installationToken("ghs_fresh", expiry));
    server.enqueue(GitHubAnswers.json(201, "comment-created.json", clock).build());

    assertThat(app().forInstallation(42).execute(comment("x")).status()).isEqualTo(201);

    take();
    assertThat(bearer(take())).isEqualTo("ghs_revoked");
    take();
    assertThat(bearer(take())).isEqualTo("ghs_fresh");
  }

  @Test
  void defaultInstallationLetsExecuteActAsIt() throws Exception {
    server.enqueue(installationToken("ghs_default", clock.instant().plus(Duration.ofHours(1))));
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());
    OkHttpGitHubApi app = track(appBuilder(TestKeys.pkcs1Pem()).installationId(7).build());

    app.execute(getUser());

    assertThat(take().getTarget()).isEqualTo("/api/v3/app/installations/7/access_tokens");
    assertThat(bearer(take())).isEqualTo("ghs_default");
    assertThat(app.toString()).contains("GitHub App 12345, installation 7");
  }

  @Test
  void appWithoutDefaultInstallationRefusesExecuteAndTokenReport() {
    OkHttpGitHubApi app = app();

    assertThatThrownBy(() -> app.execute(getUser()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("forInstallation");
    assertThatThrownBy(app::tokenReport).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> app.forInstallation(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void unknownInstallationIsAFinalFailureNamingTheTokenRequest() {
    server.enqueue(GitHubAnswers.json(404, "not-found.json", clock).build());

    GitHubApiException e =
        catchThrowableOfType(
            GitHubApiException.class, () -> app().forInstallation(99).execute(getUser()));

    assertThat(e.retryable()).isFalse();
    assertThat(e.path()).isEqualTo("/app/installations/99/access_tokens");
    assertThat(e.status()).isEqualTo(404);
  }

  @Test
  void tokenAnswerWithoutTokenIsARetryableFailure() {
    server.enqueue(GitHubAnswers.headers(201, clock, 4990).body("{}").build());

    GitHubApiException e =
        catchThrowableOfType(
            GitHubApiException.class, () -> app().forInstallation(5).execute(getUser()));

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("lacks token");
  }

  @Test
  void pkcs8KeyAndClientIdIssuerWorkToo() throws Exception {
    server.enqueue(installationToken("ghs_x", clock.instant().plus(Duration.ofHours(1))));
    server.enqueue(GitHubAnswers.json(200, "user.json", clock).build());
    OkHttpGitHubApi app =
        track(
            appBuilder(TestKeys.pkcs8Pem())
                .appAuth(new GitHubAppCredentials("Iv23liAbCdEf", TestKeys.pkcs8Pem()))
                .build());

    app.forInstallation(3).execute(getUser());

    JsonNode claims = TestKeys.verifiedClaims(bearer(take()));
    assertThat(claims.path("iss").isTextual()).isTrue();
    assertThat(claims.path("iss").asText()).isEqualTo("Iv23liAbCdEf");
  }

  @Test
  void keyIsNeverShownAndABadOneIsRejectedWithoutQuotingIt() {
    String pem = TestKeys.pkcs1Pem();
    GitHubAppCredentials credentials = new GitHubAppCredentials(APP_ID, pem);
    String keyBody = pem.split("\n")[1];

    assertThat(credentials.toString()).doesNotContain(keyBody).contains("redacted");
    assertThat(app().toString())
        .isEqualTo("OkHttpGitHubApi[" + server.url("/api/v3") + ", GitHub App 12345]");
    assertThat(app().forInstallation(4).toString()).endsWith("as installation 4");
    String broken = pem.replace(keyBody, keyBody.substring(0, 40) + "AAAA");
    assertThatThrownBy(() -> appBuilder(broken).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("private key")
        .hasMessageNotContaining(keyBody.substring(0, 40));
    credentials.checkPrivateKey();
    assertThatThrownBy(() -> new GitHubAppCredentials(APP_ID, broken).checkPrivateKey())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("private key")
        .hasMessageNotContaining(keyBody.substring(0, 40));
    assertThatThrownBy(() -> appBuilder("ssh-rsa AAAA").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PEM");
    assertThatThrownBy(() -> new GitHubAppCredentials(" ", pem))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GitHubAppCredentials(APP_ID, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
