package io.gitbridge.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitbridge.core.GitBridgeListener.ProcessOutcome;
import io.gitbridge.testkit.GitBridgeHarness;
import io.gitbridge.testkit.Payloads;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub acts on a request, but its answer is lost (502): the step's retry must find what the first
 * attempt made and edit it. A MockWebServer keeps state the way GitHub does.
 */
class RetriedStepsEditInsteadOfRepeatingTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final MockWebServer gitHub = new MockWebServer();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final ArrayNode checkRuns = MAPPER.createArrayNode();
  private final ArrayNode comments = MAPPER.createArrayNode();
  private final AtomicLong ids = new AtomicLong(100);
  private volatile boolean loseNextAnswer;

  @BeforeEach
  void startGitHub() throws Exception {
    gitHub.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String call = request.getMethod() + " " + request.getTarget();
            calls.add(call);
            try {
              return answer(request, call);
            } catch (Exception e) {
              return new MockResponse.Builder().code(500).build();
            }
          }
        });
    gitHub.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stopGitHub() {
    gitHub.close();
  }

  /** Acts like GitHub; when asked to, acts and then "loses" the answer with a 502. */
  private synchronized MockResponse answer(RecordedRequest request, String call) throws Exception {
    String method = request.getMethod();
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    MockResponse ok;
    if (method.equals("POST") && call.endsWith("/check-runs")) {
      ObjectNode run = (ObjectNode) MAPPER.readTree(body);
      run.put("id", ids.incrementAndGet());
      checkRuns.add(run);
      ok = json(201, run);
    } else if (method.equals("GET") && call.contains("/check-runs?")) {
      ok =
          json(
              200,
              MAPPER
                  .createObjectNode()
                  .put("total_count", checkRuns.size())
                  .set("check_runs", checkRuns));
    } else if (method.equals("POST") && call.endsWith("/comments")) {
      ObjectNode comment = (ObjectNode) MAPPER.readTree(body);
      comment.put("id", ids.incrementAndGet());
      comments.add(comment);
      ok = json(201, comment);
    } else if (method.equals("GET") && call.contains("/comments?")) {
      ok = json(200, comments);
    } else if (method.equals("PATCH")) {
      ok = json(200, MAPPER.readTree(body));
    } else {
      ok = json(201, MAPPER.createObjectNode());
    }
    if (loseNextAnswer && !method.equals("GET")) {
      loseNextAnswer = false;
      return new MockResponse.Builder().code(502).body("{\"message\":\"Server Error\"}").build();
    }
    return ok;
  }

  private static MockResponse json(int code, JsonNode body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body.toString())
        .build();
  }

  private List<String> callsStarting(String prefix) {
    return calls.stream().filter(c -> c.startsWith(prefix)).toList();
  }

  private GitBridgeHarness harness(String task) throws Exception {
    OkHttpGitHubApi api =
        OkHttpGitHubApi.builder()
            .baseUrl(gitHub.url("/").toString())
            .token("test-token-not-real")
            .maxAttempts(1)
            .mutatingRequestSpacing(Duration.ZERO)
            .build();
    JsonNode routes =
        MAPPER.readTree("[{\"on\":\"pull_request.opened\",\"tasks\":[" + task + "]}]");
    return GitBridgeHarness.create(b -> b.gitHub(api).routeDefinitions(routes));
  }

  @Test
  void checkRunWhoseCreationAnswerWasLostIsUpdatedOnTheRetryNotCreatedTwice() throws Exception {
    try (GitBridgeHarness h =
        harness("{\"check-run\":{\"name\":\"ci\",\"conclusion\":\"success\"}}")) {
      loseNextAnswer = true;
      h.deliver(Payloads.PULL_REQUEST_OPENED);

      assertThat(h.drainWithRetries(Duration.ofSeconds(10)))
          .containsExactly(ProcessOutcome.RETRIED, ProcessOutcome.SUCCEEDED);
      assertThat(callsStarting("POST")).hasSize(1);
      assertThat(callsStarting("PATCH"))
          .containsExactly("PATCH /repos/octo-org/hello-world/check-runs/101");
      assertThat(checkRuns).hasSize(1);
    }
  }

  @Test
  void commentWhoseAnswerWasLostIsEditedOnTheRetryNotPostedTwice() throws Exception {
    try (GitBridgeHarness h = harness("{\"comment\":{\"body\":\"Thanks!\",\"sticky\":false}}")) {
      loseNextAnswer = true;
      h.deliver(Payloads.PULL_REQUEST_OPENED);

      assertThat(h.drainWithRetries(Duration.ofSeconds(10)))
          .containsExactly(ProcessOutcome.RETRIED, ProcessOutcome.SUCCEEDED);
      assertThat(callsStarting("POST /repos/octo-org/hello-world/issues/42/comments")).hasSize(1);
      assertThat(callsStarting("PATCH"))
          .containsExactly("PATCH /repos/octo-org/hello-world/issues/comments/101");
      assertThat(comments).hasSize(1);
    }
  }

  @Test
  void stickyCommentIsEditedByLaterEventsOfTheSamePullRequest() throws Exception {
    try (GitBridgeHarness h = harness("{\"comment\":{\"body\":\"Status: {{action}}\"}}")) {
      h.deliver(Payloads.PULL_REQUEST_OPENED);
      h.deliver(Payloads.PULL_REQUEST_OPENED);

      assertThat(h.drain()).containsExactly(ProcessOutcome.SUCCEEDED, ProcessOutcome.SUCCEEDED);
      assertThat(comments).hasSize(1);
      assertThat(callsStarting("PATCH")).hasSize(1);
    }
  }
}
