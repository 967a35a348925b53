package io.gitbridge.testkit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitbridge.core.ConfigurationException;
import io.gitbridge.core.GitBridgeListener.ProcessOutcome;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.testkit.GitBridgeHarness;
import io.gitbridge.testkit.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example of docs/embedding.md, compiled and run; and a check that the page shows it. */
class EmbeddingExampleTest {
  private static final Path DOCS = Path.of("..", "docs", "embedding.md");
  private static final Path SOURCES = Path.of("src", "test", "java", "io", "gitbridge", "testkit");

  @Test
  void customTaskRegisteredByNameRunsFromRouteDefinitions() throws Exception {
    // docs:embedding:test:start
    var routes =
        new ObjectMapper()
            .readTree(
                "[{\"on\": \"pull_request.opened\","
                    + " \"tasks\": [{\"ticket-link\": {\"tracker_url\": \"https://jira.example.com/browse/\"}}]}]");
    try (GitBridgeHarness harness =
        GitBridgeHarness.create(
            builder -> builder.task("ticket-link", TicketLinkTask::new).routeDefinitions(routes))) {
      String titled =
          Payloads.read(Payloads.PULL_REQUEST_OPENED)
              .replace("Add retry to the deploy script", "OPS-42: add retry");
      harness.deliver("pull_request", titled);

      assertThat(harness.drain()).containsExactly(ProcessOutcome.SUCCEEDED);
      GitHubRequest comment = harness.gitHub().requests().get(0);
      assertThat(comment.path()).isEqualTo("/repos/octo-org/hello-world/issues/42/comments");
      assertThat(comment.body().path("body").asText())
          .isEqualTo("Ticket: https://jira.example.com/browse/OPS-42");
    }
    // docs:embedding:test:end
  }

  @Test
  void customTaskOptionsAreCheckedAtStart() throws Exception {
    var routes =
        new ObjectMapper()
            .readTree(
                "[{\"on\":\"pull_request\",\"tasks\":[{\"ticket-link\":{\"tracker_url\":\"http://x\"}}]}]");
    assertThatThrownBy(
            () ->
                GitBridgeHarness.create(
                    b -> b.task("ticket-link", TicketLinkTask::new).routeDefinitions(routes)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("routes[0].tasks[0].ticket-link: tracker_url must be an https URL");
  }

  @Test
  void docsShowTheExampleExactlyAsItIsCompiled() throws Exception {
    String docs = Files.readString(DOCS);
    String task = Files.readString(SOURCES.resolve("example/TicketLinkTask.java"));
    String test = Files.readString(SOURCES.resolve("example/EmbeddingExampleTest.java"));
    assertThat(docs).contains(between(task, "task")).contains(between(test, "test"));
  }

  private static String between(String source, String name) {
    String start = "// docs:embedding:" + name + ":start\n";
    String end = "// docs:embedding:" + name + ":end";
    String block = source.substring(source.indexOf(start) + start.length(), source.indexOf(end));
    return block.stripIndent().strip();
  }
}
