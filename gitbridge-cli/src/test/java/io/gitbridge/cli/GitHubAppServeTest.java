package io.gitbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.cli.config.ConfigLoader;
import io.gitbridge.cli.config.GitBridgeConfig;
import io.gitbridge.cli.config.TestAppKey;
import io.gitbridge.core.GitBridge;
import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.github.GitHubApi;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.github.UnavailableGitHubApi;
import io.gitbridge.core.ingest.DeliveryHeaders;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.github.OkHttpGitHubApi;
import io.gitbridge.testkit.Payloads;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code github.app_id}: serve calls GitHub as each event's installation; the tools refuse. */
class GitHubAppServeTest {
  private static final String SECRET = "s3cret";

  private final MockWebServer gitHub = new MockWebServer();
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    gitHub.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    gitHub.close();
  }

  /** A config calling the MockWebServer as App 12345, its key in a file made for this test. */
  private Path appConfig(String extra) throws Exception {
    Path key = dir.resolve("app.private-key.pem");
    Files.writeString(key, TestAppKey.PEM);
    Path file = dir.resolve("gb.yaml");
    Files.writeString(
        file,
        "github:\n  webhook_secret: "
            + SECRET
            + "\n  app_id: 12345\n  private_key_file: "
            + key
            + "\n  api_url: "
            + gitHub.url("/api/v3").toString().replaceAll("/$", "")
            + "\n"
            + extra
            + "routes:\n  - on: [pull_request.opened]\n    tasks:\n"
            + "      - commit-status: { sha: \"{{pull_request.head.sha}}\", state: pending }\n");
    return file;
  }

  private static MockResponse installationToken(String token) {
    return new MockResponse.Builder()
        .code(201)
        .body(
            "{\"token\":\""
                + token
                + "\",\"expires_at\":\""
                + Instant.now().plusSeconds(3600)
                + "\"}")
        .build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = gitHub.takeRequest(20, TimeUnit.SECONDS);
    assertThat(request).as("a request reached GitHub").isNotNull();
    return request;
  }

  private static int post(String url, String event, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    DeliveryHeaders.of(event, Payloads.newDeliveryId(), bytes, SECRET, "test")
        .forEach(request::header);
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void serveSkipsTheScopeCheckAndCallsGitHubAsTheEventsInstallation() throws Exception {
    gitHub.enqueue(installationToken("ghs_installation"));
    gitHub.enqueue(new MockResponse.Builder().code(201).body("{\"id\":1}").build());
    Path file = appConfig("");

    try (RunningServe serve =
        RunningServe.start(Map.of(), "serve", "--config", file.toString(), "--port", "0")) {
      assertThat(serve.url()).as(serve.err()).isNotNull();
      assertThat(serve.err())
          .contains("GitHub App 12345: no token scopes to check")
          .contains("permissions are set on the App");
      assertThat(
              post(
                  serve.url() + "/webhook",
                  "pull_request",
                  Payloads.read(Payloads.PULL_REQUEST_OPENED)))
          .isEqualTo(202);

      RecordedRequest token = take();
      assertThat(token.getTarget()).isEqualTo("/api/v3/app/installations/43219876/access_tokens");
      assertThat(token.getHeaders().get("Authorization")).startsWith("Bearer ey");
      RecordedRequest status = take();
      assertThat(status.getTarget()).startsWith("/api/v3/repos/octo-org/hello-world/statuses/");
      assertThat(status.getHeaders().get("Authorization")).isEqualTo("Bearer ghs_installation");
      assertThat(serve.out() + serve.err()).doesNotContain(TestAppKey.bodyLine());
      assertThat(serve.stop()).isZero();
    }
  }

  @Test
  void wiringGivesEachEventItsInstallationAndDryRunTheRecorder() throws Exception {
    ConfigLoader loader = new ConfigLoader(Map.of());
    GitBridgeConfig live = loader.load(appConfig(""));
    GitBridgeConfig dry = loader.load(appConfig("  dry_run: true\n"));

    try (OkHttpGitHubApi client = BridgeWiring.client(live.github(), GitBridgeListener.NOOP);
        GitBridge bridge =
            BridgeWiring.build(live, InMemoryEventQueue.create(), client, GitBridgeListener.NOOP)) {
      GitHubApi forEvent =
          bridge
              .gitHubSelector()
              .forEvent(
                  Payloads.event(
                      "pull_request", Payloads.read(Payloads.PULL_REQUEST_OPENED), Instant.EPOCH));
      assertThat(forEvent.toString()).endsWith("as installation 43219876");
      assertThat(bridge.gitHub()).isInstanceOf(UnavailableGitHubApi.class);
      assertThat(client.toString()).contains("GitHub App 12345");
    }
    try (GitBridge bridge = BridgeWiring.build(dry, GitBridgeListener.NOOP)) {
      assertThat(bridge.gitHub()).isInstanceOf(RecordingGitHubApi.class);
    }
    assertThat(gitHub.getRequestCount()).isZero();
  }

  @Test
  void tokenToolsRefuseAnAppConfigSayingWhatToDo() throws Exception {
    Path file = appConfig("");

    Cli.Result result = Cli.run("token", "check", "--config", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("calls GitHub as a GitHub App (github.app_id)")
        .contains("GITBRIDGE_TOKEN")
        .doesNotContain(TestAppKey.bodyLine());
    assertThat(gitHub.getRequestCount()).isZero();
  }
}
