package io.gitbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.ingest.DeliveryHeaders;
import io.gitbridge.testkit.Await;
import io.gitbridge.testkit.Payloads;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar, as a newcomer runs it: {@code serve} on a loopback port with a configuration
 * whose GitHub is a MockWebServer, driven over HTTP and by {@code gitbridge send}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitBridgeJarIT {
  private static final String SECRET = "jar-test-secret";
  private static final String ADMIN = "jar-test-admin-token";
  private static final Pattern LISTENING =
      Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

  @TempDir static Path dir;

  private final MockWebServer gitHub = new MockWebServer();
  private final List<RecordedRequest> calls = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private JarProcess serve;
  private String url;
  private long startMillis;

  @BeforeAll
  void startServeAgainstAMockGitHub() throws Exception {
    gitHub.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            calls.add(request);
            String target = request.getTarget();
            if (target.endsWith("/user")) {
              return new MockResponse.Builder()
                  .code(200)
                  .addHeader("X-OAuth-Scopes", "repo")
                  .body("{\"login\":\"gitbridge-bot\"}")
                  .build();
            }
            if (target.contains("/labels") && target.contains("/issues/7/")) {
              return new MockResponse.Builder()
                  .code(502)
                  .body("{\"message\":\"Bad Gateway\"}")
                  .build();
            }
            return new MockResponse.Builder().code(201).body("{\"id\":1}").build();
          }
        });
    gitHub.start(InetAddress.getByName("127.0.0.1"), 0);
    Path config = dir.resolve("webhook_config.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "admin:",
            "  token: " + ADMIN,
            "queue:",
            "  type: memory",
            "  retry_policy: { max_retries: 2, base_delay: 100ms }",
            "github:",
            "  token: test-token-not-real",
            "  api_url: " + gitHub.url("/").toString().replaceAll("/$", ""),
            "  webhook_secret: ${WEBHOOK_SECRET}",
            "routes:",
            "  - on: [pull_request.opened, pull_request.synchronize]",
            "    if: { pull_request.draft: false }",
            "    tasks:",
            "      - commit-status: { sha: \"{{pull_request.head.sha}}\", state: pending,",
            "                         context: gitbridge, description: \"queued\" }",
            "      - label: { add: [needs-review] }",
            ""));
    startMillis = System.currentTimeMillis();
    serve = startWithEnv(config);
    Matcher m = LISTENING.matcher(serve.awaitOut(out -> LISTENING.matcher(out).find()));
    assertThat(m.find()).isTrue();
    url = m.group(1);
    System.out.println(
        "serve listened after " + (System.currentTimeMillis() - startMillis) + " ms");
  }

  private JarProcess startWithEnv(Path config) {
    // the child reads ${WEBHOOK_SECRET} from its environment
    return JarProcess.start(
        dir,
        Map.of("WEBHOOK_SECRET", SECRET),
        "serve",
        "--config",
        config.toString(),
        "--port",
        "0");
  }

  @AfterAll
  void stop() throws Exception {
    if (serve != null) {
      serve.terminate();
      serve.awaitExit();
      assertThat(serve.err()).doesNotContain("test-token-not-real").doesNotContain(SECRET);
    }
    gitHub.close();
  }

  private HttpResponse<String> post(Map<String, String> headers, byte[] body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + "/webhook"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> signed(String event, String id, byte[] body) {
    return new HashMap<>(DeliveryHeaders.of(event, new DeliveryId(id), body, SECRET, "test"));
  }

  private String get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + ADMIN)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private List<RecordedRequest> callsTo(String fragment) {
    return calls.stream().filter(r -> r.getTarget().contains(fragment)).toList();
  }

  @Test
  void sendPostsARealPullRequestAndTheChainsCallsReachGitHubWithPayloadValues() throws Exception {
    Path payload = dir.resolve("pull_request.opened.json");
    Files.writeString(payload, Payloads.read(Payloads.PULL_REQUEST_OPENED));
    JarProcess send =
        JarProcess.start(
            dir,
            "send",
            "--url",
            url + "/webhook",
            "--secret",
            SECRET,
            "--event",
            "pull_request",
            "--delivery",
            "jar-it-pr-1",
            payload.toString());
    assertThat(send.awaitExit()).isZero();
    assertThat(send.out()).startsWith("HTTP 202 delivery jar-it-pr-1");

    Await.until("the label call", () -> !callsTo("/issues/42/labels").isEmpty());
    RecordedRequest status = callsTo("/statuses/6dcb09b5b57875f334f61aebed695e2e4193db5e").get(0);
    assertThat(status.getTarget())
        .isEqualTo("/repos/octo-org/hello-world/statuses/6dcb09b5b57875f334f61aebed695e2e4193db5e");
    assertThat(status.getBody().utf8())
        .isEqualTo("{\"state\":\"pending\",\"context\":\"gitbridge\",\"description\":\"queued\"}");
    assertThat(status.getHeaders().get("Authorization")).isEqualTo("Bearer test-token-not-real");
    assertThat(callsTo("/issues/42/labels").get(0).getBody().utf8())
        .isEqualTo("{\"labels\":[\"needs-review\"]}");
  }

  @Test
  void sameDeliveryTwiceIsAnsweredOkAndProcessedOnce() throws Exception {
    byte[] body =
        Payloads.read(Payloads.PULL_REQUEST_OPENED)
            .replace("\"number\": 42", "\"number\": 43")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(post(signed("pull_request", "jar-it-dup", body), body).statusCode()).isEqualTo(202);
    HttpResponse<String> again = post(signed("pull_request", "jar-it-dup", body), body);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("duplicate");
    Await.until("the first copy's label", () -> !callsTo("/issues/43/labels").isEmpty());
    Await.until(
        "the queue to settle",
        () -> {
          try {
            return get("/api/queue/stats").contains("\"in_flight\":0");
          } catch (Exception e) {
            return false;
          }
        });
    assertThat(callsTo("/issues/43/labels")).hasSize(1);
  }

  @Test
  void badRequestsGetTheirOwnStatusAndNeverA5xxOrAStackTrace() throws Exception {
    byte[] body = Payloads.read(Payloads.PULL_REQUEST_OPENED).getBytes(StandardCharsets.UTF_8);
    Map<String, String> wrongSignature = signed("pull_request", "jar-it-bad-1", body);
    wrongSignature.put("X-Hub-Signature-256", "sha256=" + "0".repeat(64));
    Map<String, String> noSignature = signed("pull_request", "jar-it-bad-2", body);
    noSignature.remove("X-Hub-Signature-256");
    Map<String, String> noEvent = signed("pull_request", "jar-it-bad-3", body);
    noEvent.remove("X-GitHub-Event");
    Map<String, String> textPlain = signed("pull_request", "jar-it-bad-4", body);
    textPlain.put("Content-Type", "text/plain");
    byte[] broken = "{\"action\": \"opened\", ".getBytes(StandardCharsets.UTF_8);
    byte[] huge = new byte[25 * 1024 * 1024 + 1];

    List<HttpResponse<String>> answers =
        List.of(
            post(wrongSignature, body),
            post(noSignature, body),
            post(noEvent, body),
            post(textPlain, body),
            post(signed("pull_request", "jar-it-bad-5", broken), broken),
            post(signed("pull_request", "jar-it-bad-6", huge), huge));

    assertThat(answers)
        .extracting(HttpResponse::statusCode)
        .containsExactly(401, 401, 400, 415, 400, 413);
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.body())
          .doesNotContain("Exception")
          .doesNotContain("\tat ")
          .doesNotContain(SECRET);
    }
    assertThat(get("/api/queue/quarantine")).contains("jar-it-bad-5");
  }

  @Test
  void failingStepIsRetriedWithBackoffThenDeadLetteredWithoutRepeatingTheStepBefore()
      throws Exception {
    byte[] body =
        Payloads.read(Payloads.PULL_REQUEST_OPENED)
            .replace("\"number\": 42", "\"number\": 7")
            .replace(
                "6dcb09b5b57875f334f61aebed695e2e4193db5e",
                "7777777777777777777777777777777777777777")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(post(signed("pull_request", "jar-it-fail", body), body).statusCode()).isEqualTo(202);

    Await.until(
        "the dead letter",
        () -> {
          try {
            return get("/api/queue/dead").contains("jar-it-fail");
          } catch (Exception e) {
            return false;
          }
        });
    // 3 attempts of the event (1 + max_retries 2), each trying GitHub 3 times on a 502
    assertThat(callsTo("/issues/7/labels")).hasSize(9);
    assertThat(callsTo("/statuses/7777777777777777777777777777777777777777"))
        .as("step 1 ran once")
        .hasSize(1);
    assertThat(get("/api/events/jar-it-fail")).contains("502").contains("\"attempts\":3");
    assertThat(get("/metrics"))
        .containsPattern(
            "gitbridge_events_processed_total\\{event=\"pull_request\",outcome=\"dead_lettered\"} 1");
  }
}
