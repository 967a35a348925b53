package io.gitbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code token check} and {@code recover} against a MockWebServer answering as GitHub. */
class GitHubToolsTest {
  private final MockWebServer gitHub = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    gitHub.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    gitHub.close();
  }

  private Map<String, String> env() {
    return Map.of("GITBRIDGE_TOKEN", "tkn", "GITBRIDGE_API_URL", gitHub.url("/").toString());
  }

  private static MockResponse user(String scopes) {
    MockResponse.Builder b =
        new MockResponse.Builder().code(200).body("{\"login\":\"gitbridge-bot\"}");
    if (scopes != null) {
      b.addHeader("X-OAuth-Scopes", scopes);
    }
    return b.build();
  }

  @Test
  void tokenCheckReportsScopesAgainstTheSetupGuide() throws Exception {
    gitHub.enqueue(user("repo, workflow, write:packages"));
    Cli.Result result = Cli.run(env(), "token", "check");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("token of gitbridge-bot")
        .contains("scopes: repo, workflow, write:packages")
        .doesNotContain("warning")
        .doesNotContain("tkn");
    RecordedRequest request = gitHub.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/user");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tkn");
  }

  @Test
  void tokenCheckFailsOnAMissingScopeAndWarnsOnABroaderOne() {
    gitHub.enqueue(user("public_repo, delete_repo"));
    Cli.Result result = Cli.run(env(), "token", "check");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .contains("warning: broader than needed: delete_repo (least privilege")
        .contains("missing: repo, workflow, write:packages");
  }

  @Test
  void fineGrainedTokenIsReportedAsSuch() {
    gitHub.enqueue(user(null));
    Cli.Result result = Cli.run(env(), "token", "check");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("fine-grained token");
  }

  @Test
  void tokenCheckWithAConfigFileChecksWhatItsRoutesNeed(@TempDir Path dir) throws Exception {
    gitHub.enqueue(user("repo"));
    Path file = dir.resolve("gb.yaml");
    Files.writeString(
        file,
        "github:\n  webhook_secret: s\n  token: tkn\n  api_url: "
            + gitHub.url("/")
            + "\nroutes:\n  - on: push\n    tasks: [{label: {add: x}}]\n");
    Cli.Result result = Cli.run(Map.of(), "token", "check", "--config", file.toString());
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("needed by the routes: repo");
  }

  @Test
  void withoutATokenTheToolsSayWhatToSet() {
    Cli.Result result = Cli.run(Map.of(), "token", "check");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("set GITBRIDGE_TOKEN or give --config FILE");
  }

  @Test
  void recoverRedeliversWhatFailedAndPrintsIt() throws Exception {
    String now = java.time.Instant.now().minusSeconds(60).toString();
    gitHub.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(
                "[{\"id\":101,\"guid\":\"g-ok\",\"delivered_at\":\""
                    + now
                    + "\",\"status_code\":202,\"event\":\"push\"},"
                    + "{\"id\":102,\"guid\":\"g-lost\",\"delivered_at\":\""
                    + now
                    + "\",\"status_code\":503,\"event\":\"push\"}]")
            .build());
    gitHub.enqueue(new MockResponse.Builder().code(202).body("{}").build());

    Cli.Result result = Cli.run(env(), "recover", "--hook", "acme/widgets/42", "--since", "2h");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("hook acme/widgets/42: 2 attempts, 2 deliveries, 1 never got a 2xx")
        .contains("redelivered g-lost");
    assertThat(gitHub.takeRequest().getTarget())
        .isEqualTo("/repos/acme/widgets/hooks/42/deliveries?per_page=100");
    assertThat(gitHub.takeRequest().getTarget())
        .isEqualTo("/repos/acme/widgets/hooks/42/deliveries/102/attempts");
  }

  @Test
  void recoverDryRunChangesNothingAndRefusalsExitNonZero() {
    String now = java.time.Instant.now().minusSeconds(60).toString();
    String failed =
        "[{\"id\":7,\"guid\":\"g\",\"delivered_at\":\""
            + now
            + "\",\"status_code\":0,\"event\":\"push\"}]";
    gitHub.enqueue(new MockResponse.Builder().code(200).body(failed).build());
    Cli.Result dry = Cli.run(env(), "recover", "--hook", "acme/9", "--dry-run");
    assertThat(dry.out()).contains("would redeliver g");
    assertThat(gitHub.getRequestCount()).isEqualTo(1);

    gitHub.enqueue(new MockResponse.Builder().code(200).body(failed).build());
    gitHub.enqueue(
        new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build());
    Cli.Result refused = Cli.run(env(), "recover", "--hook", "acme/9");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("refused: g:").contains("404");
  }

  @Test
  void recoverRefusesAMalformedHookOrAge() {
    assertThat(Cli.run(env(), "recover", "--hook", "nonsense").err())
        .contains("OWNER/REPO/HOOK_ID");
    assertThat(Cli.run(env(), "recover", "--hook", "a/1", "--since", "soon").exitCode())
        .isEqualTo(2);
  }
}
