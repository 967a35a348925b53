package io.gitbridge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BuilderTest {
  private static final String TOKEN = "test-token-not-a-real-one-0123456789";

  @Test
  void needsExactlyOneWayToAuthenticate() {
    GitHubAppCredentials app = new GitHubAppCredentials("1", "not used");

    assertThatThrownBy(() -> OkHttpGitHubApi.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one of token(...) and appAuth(...)");
    assertThatThrownBy(() -> OkHttpGitHubApi.builder().token(TOKEN).appAuth(app).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one");
  }

  @Test
  void rejectsAMalformedTokenWithoutEchoingIt() {
    assertThatThrownBy(() -> OkHttpGitHubApi.builder().token("ghp_secret\nX: y").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token")
        .hasMessageNotContaining("ghp_secret");
  }

  @Test
  void rejectsEachWrongValueByName() {
    assertRejected(b -> b.baseUrl("api.github.com"), "baseUrl");
    assertRejected(b -> b.baseUrl("https://api.github.com/?x=1"), "baseUrl");
    assertRejected(b -> b.apiVersion(" "), "apiVersion");
    assertRejected(b -> b.maxConcurrentRequests(0), "maxConcurrentRequests");
    assertRejected(b -> b.maxAttempts(0), "maxAttempts");
    assertRejected(b -> b.mutatingRequestSpacing(Duration.ofSeconds(-1)), "mutatingRequestSpacing");
    assertRejected(b -> b.maxWait(Duration.ofSeconds(-1)), "maxWait");
    assertRejected(b -> b.retryBackoff(Duration.ofSeconds(-1)), "retryBackoff");
    assertRejected(b -> b.callTimeout(Duration.ZERO), "callTimeout");
    assertRejected(b -> b.installationId(5), "installationId");
  }

  @Test
  void buildsWithDefaultsAndSaysWhereItPointsWithoutTheToken() {
    try (OkHttpGitHubApi api = OkHttpGitHubApi.builder().token(TOKEN).build()) {
      assertThat(api.toString())
          .isEqualTo("OkHttpGitHubApi[https://api.github.com, token]")
          .doesNotContain(TOKEN);
    }
    assertThat(OkHttpGitHubApi.DEFAULT_MAX_CONCURRENT_REQUESTS).isEqualTo(8);
    assertThat(OkHttpGitHubApi.DEFAULT_MAX_ATTEMPTS).isEqualTo(3);
    assertThat(OkHttpGitHubApi.DEFAULT_MAX_WAIT).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void tokenClientHasNoInstallations() {
    try (OkHttpGitHubApi api = OkHttpGitHubApi.builder().token(TOKEN).build()) {
      assertThatThrownBy(() -> api.forInstallation(1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("appAuth");
    }
  }

  private static void assertRejected(UnaryOperator<OkHttpGitHubApi.Builder> change, String name) {
    OkHttpGitHubApi.Builder builder = change.apply(OkHttpGitHubApi.builder().token(TOKEN));
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
  }
}
