package io.gitbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.ingest.DeliveryHeaders;
import io.gitbridge.testkit.Payloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} in this JVM: wiring, output, the token check, and an orderly stop. */
class ServeCommandTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(String url, String event, String body, String secret)
      throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    DeliveryHeaders.of(event, Payloads.newDeliveryId(), bytes, secret, "test")
        .forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withoutConfigListensOnTheGeneratedSecretAndStopsInOrder() throws Exception {
    try (RunningServe serve = RunningServe.start(Map.of(), "serve", "--port", "0")) {
      assertThat(serve.url()).matches("http://127\\.0\\.0\\.1:\\d+");
      Matcher secret =
          Pattern.compile("webhook secret \\(generated, shown once\\): (\\S{32})")
              .matcher(serve.out());
      assertThat(secret.find()).isTrue();
      assertThat(serve.out()).containsPattern("admin token \\(generated, shown once\\): \\S{32}");

      String push = Payloads.read(Payloads.PUSH);
      assertThat(post(serve.url() + "/webhook", "push", push, secret.group(1)).statusCode())
          .isEqualTo(202);
      assertThat(post(serve.url() + "/webhook", "push", push, "wrong").statusCode()).isEqualTo(401);
      HttpResponse<String> metrics =
          http.send(
              HttpRequest.newBuilder(URI.create(serve.url() + "/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body()).contains("gitbridge_webhooks_received_total");

      assertThat(serve.stop()).isZero();
    }
  }

  @Test
  void adminTokenFromTheEnvironmentIsNotPrinted() throws Exception {
    try (RunningServe serve =
        RunningServe.start(
            Map.of("GITBRIDGE_ADMIN_TOKEN", "t0ken-from-env"), "serve", "--port", "0")) {
      assertThat(serve.out()).doesNotContain("admin token").doesNotContain("t0ken-from-env");
      HttpResponse<String> stats =
          http.send(
              HttpRequest.newBuilder(URI.create(serve.url() + "/api/queue/stats"))
                  .header("Authorization", "Bearer t0ken-from-env")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(stats.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void configErrorsAreListedWithTheirLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gb.yaml");
    Files.writeString(file, "github:\n  webhook_secret: s\nserver:\n  port: high\n");

    Cli.Result result = Cli.run("serve", "--config", file.toString());

    assertThat(result.err())
        .isEqualTo(file + ":4: server.port: expected a whole number, got \"high\"\n");
    assertThat(result.out()).isEmpty();
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void configuredSecretIsNotPrintedAndTheRealGitHubGetsTheChainsCalls(@TempDir Path dir)
      throws Exception {
    try (MockWebServer gitHub = new MockWebServer()) {
      gitHub.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      gitHub.enqueue(
          new MockResponse.Builder()
              .code(200)
              .addHeader("X-OAuth-Scopes", "repo, workflow")
              .body("{\"login\":\"gitbridge-bot\"}")
              .build());
      gitHub.enqueue(new MockResponse.Builder().code(201).body("{\"id\":1}").build());
      Path file = dir.resolve("gb.yaml");
      Files.writeString(
          file,
          "admin:\n  token: adm-token\ngithub:\n  webhook_secret: s3cret\n  token: tkn\n"
              + "  api_url: "
              + gitHub.url("/api/v3").toString().replaceAll("/$", "")
              + "\nroutes:\n  - on: [push]\n    tasks:\n"
              + "      - commit-status: { sha: \"{{after}}\", state: success }\n");

      try (RunningServe serve =
          RunningServe.start(Map.of(), "serve", "--config", file.toString(), "--port", "0")) {
        assertThat(serve.out()).doesNotContain("s3cret").doesNotContain("adm-token");
        assertThat(serve.err())
            .contains("token of gitbridge-bot")
            .contains("needed by the routes: repo");
        assertThat(
                post(serve.url() + "/webhook", "push", Payloads.read(Payloads.PUSH), "s3cret")
                    .statusCode())
            .isEqualTo(202);

        RecordedRequest user = gitHub.takeRequest();
        assertThat(user.getTarget()).isEqualTo("/api/v3/user");
        RecordedRequest status = gitHub.takeRequest();
        assertThat(status.getTarget())
            .isEqualTo(
                "/api/v3/repos/octo-org/hello-world/statuses/6dcb09b5b57875f334f61aebed695e2e4193db5e");
        assertThat(status.getHeaders().get("Authorization")).isEqualTo("Bearer tkn");
        assertThat(status.getBody().utf8()).contains("\"state\":\"success\"");
      }
    }
  }

  @Test
  void tokenMissingANeededScopeStopsServeNamingIt(@TempDir Path dir) throws Exception {
    try (MockWebServer gitHub = new MockWebServer()) {
      gitHub.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      gitHub.enqueue(
          new MockResponse.Builder()
              .code(200)
              .addHeader("X-OAuth-Scopes", "repo, admin:org")
              .body("{\"login\":\"bot\"}")
              .build());
      Path file = dir.resolve("gb.yaml");
      Files.writeString(
          file,
          "github:\n  webhook_secret: s\n  token: tkn\n  api_url: "
              + gitHub.url("/").toString()
              + "\nroutes:\n  - on: push\n    tasks:\n      - dispatch-workflow: { workflow: ci.yml }\n");

      Cli.Result result = Cli.run("serve", "--config", file.toString(), "--port", "0");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .contains("warning: broader than needed: admin:org")
          .contains("missing: workflow")
          .contains("github.token lacks the scope(s) the routes need: workflow");
    }
  }

  @Test
  void portThatIsTakenIsAClearError() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Cli.Result result = Cli.run("serve", "--port", Integer.toString(taken.getLocalPort()));
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .contains(Integer.toString(taken.getLocalPort()))
          .doesNotContain("\tat ");
    }
  }

  @Test
  void portOutOfRangeIsAUsageError() {
    Cli.Result result = Cli.run("serve", "--port", "65536");

    assertThat(result.err()).contains("--port must be between 0 and 65535, was 65536");
    assertThat(result.exitCode()).isEqualTo(2);
  }
}
