package io.gitbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.ingest.WebhookSignature;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendCommandTest {
  private static final String SECRET = "It's a Secret to Everybody";
  private static final String PAYLOAD =
      "{\"action\":\"opened\",\"number\":1,\"pull_request\":{\"head\":{\"sha\":\"abc\"}},"
          + "\"repository\":{\"full_name\":\"octo-org/hello-world\"}}";

  private final MockWebServer server = new MockWebServer();
  @TempDir Path dir;
  private Path payload;

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    payload = dir.resolve("pull_request.opened.json");
    Files.writeString(payload, PAYLOAD);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url() {
    return server.url("/webhook").toString();
  }

  private RecordedRequest taken() throws InterruptedException {
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(request).as("request reached the server").isNotNull();
    return request;
  }

  @Test
  void postsTheFileSignedAsGitHubDoes() throws Exception {
    server.enqueue(new MockResponse.Builder().code(202).body("{\"status\":\"accepted\"}").build());

    Cli.Result result =
        Cli.run(
            "send",
            "--url",
            url(),
            "--secret",
            SECRET,
            "--event",
            "pull_request",
            payload.toString());

    RecordedRequest request = taken();
    byte[] body = request.getBody().toByteArray();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/webhook");
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(PAYLOAD);
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("X-GitHub-Event")).isEqualTo("pull_request");
    assertThat(request.getHeaders().get("User-Agent")).isEqualTo("GitHub-Hookshot/gitbridge-send");
    String delivery = request.getHeaders().get("X-GitHub-Delivery");
    assertThat(UUID.fromString(delivery)).isNotNull();
    String signature = request.getHeaders().get("X-Hub-Signature-256");
    assertThat(new WebhookSignature(List.of(SECRET)).verify(body, signature)).isTrue();
    assertThat(new WebhookSignature(List.of("other")).verify(body, signature)).isFalse();

    assertThat(result.out())
        .isEqualTo("HTTP 202 delivery " + delivery + "\n{\"status\":\"accepted\"}\n");
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void usesTheGivenDeliveryIdAndTheSecretFromTheEnvironment() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("duplicate\n").build());

    Cli.Result result =
        Cli.run(
            Map.of(SendCommand.SECRET_ENV, SECRET),
            "send",
            "--url",
            url(),
            "--event",
            "push",
            "--delivery",
            "d-1",
            payload.toString());

    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("X-GitHub-Delivery")).isEqualTo("d-1");
    assertThat(
            new WebhookSignature(List.of(SECRET))
                .verify(
                    request.getBody().toByteArray(),
                    request.getHeaders().get("X-Hub-Signature-256")))
        .isTrue();
    assertThat(result.out()).isEqualTo("HTTP 200 delivery d-1\nduplicate\n");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void nonSuccessAnswerExitsWithOne() throws Exception {
    server.enqueue(new MockResponse.Builder().code(401).build());

    Cli.Result result =
        Cli.run(
            "send",
            "--url",
            url(),
            "--secret",
            "wrong",
            "--event",
            "push",
            "--delivery",
            "d-2",
            payload.toString());

    taken();
    assertThat(result.out()).isEqualTo("HTTP 401 delivery d-2\n");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void unreachableServerIsAnErrorWithoutStackTrace() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }

    Cli.Result result =
        Cli.run(
            "send",
            "--url",
            "http://127.0.0.1:" + closedPort + "/webhook?token=hidden",
            "--secret",
            SECRET,
            "--event",
            "push",
            payload.toString());

    assertThat(result.err())
        .startsWith("gitbridge send: POST http://127.0.0.1:" + closedPort + "/webhook failed: ")
        .doesNotContain("hidden")
        .doesNotContain("\tat ");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void verboseShowsTheStackTrace() {
    Cli.Result result =
        Cli.run(
            "send",
            "--verbose",
            "--url",
            url(),
            "--secret",
            SECRET,
            "--event",
            "push",
            dir.resolve("missing.json").toString());

    assertThat(result.err())
        .startsWith("gitbridge send: cannot read " + dir.resolve("missing.json") + ": no such file")
        .contains("\tat ");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void missingFileIsAnError() {
    Cli.Result result =
        Cli.run(
            "send",
            "--url",
            url(),
            "--secret",
            SECRET,
            "--event",
            "push",
            dir.resolve("missing.json").toString());

    assertThat(result.err())
        .isEqualTo(
            "gitbridge send: cannot read " + dir.resolve("missing.json") + ": no such file\n");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void directoryIsAnUnreadableFile() {
    Cli.Result result =
        Cli.run("send", "--url", url(), "--secret", SECRET, "--event", "push", dir.toString());

    assertThat(result.err()).startsWith("gitbridge send: cannot read " + dir + ": ");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void missingRequiredOptionsAreUsageErrors() {
    Cli.Result result = Cli.run("send", payload.toString());

    assertThat(result.err())
        .contains("Missing required options")
        .contains("--url")
        .contains("--event");
    assertThat(result.err()).contains("Usage: gitbridge send");
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void missingSecretIsAUsageError() {
    Cli.Result result = Cli.run("send", "--url", url(), "--event", "push", payload.toString());

    assertThat(result.err()).contains("--secret is required (or set GITBRIDGE_WEBHOOK_SECRET)");
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void badUrlAndEventAreUsageErrors() {
    assertThat(Cli.run("send", "--url", "ftp://h/x", "--secret", "s", "--event", "push", "f").err())
        .contains("--url must be an http or https URL");
    Cli.Result badEvent =
        Cli.run("send", "--url", url(), "--secret", "s", "--event", "Push Event", "f");
    assertThat(badEvent.err()).contains("--event must be a GitHub event name");
    assertThat(badEvent.exitCode()).isEqualTo(2);
    assertThat(
            Cli.run("send", "--url", "http://[", "--secret", "s", "--event", "x", "f").exitCode())
        .isEqualTo(2);
  }
}
