package io.gitbridge.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.ConfigurationException;
import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.GitBridgeException;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.ingest.WebhookSignature;
import io.gitbridge.core.internal.Json;
import io.gitbridge.core.task.ChainRunner;
import io.gitbridge.core.task.TaskContext;
import io.gitbridge.core.task.TaskResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class ForwardTaskTest {
  private static final String BODY = "{\"action\":\"opened\",\"number\":1}";

  private record Post(URI url, Map<String, String> headers, byte[] body) {}

  private final List<Post> posts = new ArrayList<>();

  private TaskResult forward(String options, IntSupplier answer) {
    WebhookSender sender =
        (url, headers, body) -> {
          posts.add(new Post(url, headers, body));
          return answer.getAsInt();
        };
    var routes =
        BuiltInTasks.registry(sender)
            .routes(
                "routes", Json.parse("[{\"on\":\"*\",\"tasks\":[{\"forward\":" + options + "}]}]"));
    WebhookEvent event = new WebhookEvent(new DeliveryId("d-9"), "issues", BODY, Instant.EPOCH);
    return new ChainRunner(routes.get(0).steps(), n -> {})
        .run(new TaskContext(event, new RecordingGitHubApi(), Clock.systemUTC(), 1, 0), 0);
  }

  @Test
  void postsTheEventAsGitHubSentItReSignedWithTheSameDeliveryId() {
    TaskResult result =
        forward(
            "{\"url\":\"https://audit.example.com/hook/{{event}}\",\"secret\":\"s2\"}", () -> 202);
    assertThat(result).isInstanceOf(TaskResult.Done.class);
    Post post = posts.get(0);
    assertThat(post.url()).hasToString("https://audit.example.com/hook/issues");
    assertThat(new String(post.body(), StandardCharsets.UTF_8)).isEqualTo(BODY);
    assertThat(post.headers())
        .containsEntry("X-GitHub-Event", "issues")
        .containsEntry("X-GitHub-Delivery", "d-9")
        .containsEntry("Content-Type", "application/json")
        .containsEntry(WebhookSignature.HEADER, WebhookSignature.sign("s2", post.body()));
  }

  @Test
  void withoutASecretNothingIsSigned() {
    forward("{\"url\":\"http://127.0.0.1:9/x\"}", () -> 200);
    assertThat(posts.get(0).headers()).doesNotContainKey(WebhookSignature.HEADER);
  }

  @Test
  void serverErrorsAndNoAnswerRetryOtherRefusalsFailForGood() {
    assertThat(forward("{\"url\":\"http://127.0.0.1:9/\"}", () -> 503))
        .isInstanceOf(TaskResult.RetryLater.class);
    assertThat(forward("{\"url\":\"http://127.0.0.1:9/\"}", () -> 429))
        .isInstanceOf(TaskResult.RetryLater.class);
    assertThat(forward("{\"url\":\"http://127.0.0.1:9/\"}", () -> 404))
        .isEqualTo(TaskResult.failed("forward to 127.0.0.1 answered 404"));
    TaskResult refused =
        forward(
            "{\"url\":\"http://127.0.0.1:9/\"}",
            () -> {
              throw new GitBridgeException("connection refused");
            });
    assertThat(refused)
        .isEqualTo(TaskResult.retryLater("forward to 127.0.0.1: connection refused"));
  }

  @Test
  void urlMustBeHttpAndASenderMustBeWiredIn() {
    assertThatThrownBy(() -> forward("{\"url\":\"ftp://x/\"}", () -> 200))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("routes[0].tasks[0].forward.url: must be an http or https URL");
    assertThatThrownBy(
            () ->
                BuiltInTasks.registry()
                    .routes(
                        "routes",
                        Json.parse(
                            "[{\"on\":\"*\",\"tasks\":[{\"forward\":{\"url\":\"http://x\"}}]}]")))
        .hasMessageContaining("needs a webhook sender");
  }
}
