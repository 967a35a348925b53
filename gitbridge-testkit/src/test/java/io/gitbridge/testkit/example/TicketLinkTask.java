package io.gitbridge.testkit.example;

// docs:embedding:task:start
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.core.github.RepositoryName;
import io.gitbridge.core.task.Task;
import io.gitbridge.core.task.TaskChain;
import io.gitbridge.core.task.TaskContext;
import io.gitbridge.core.task.TaskOptions;
import io.gitbridge.core.task.TaskResult;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Comments a link to the ticket a pull request's title names, such as "ABC-123: fix it". */
public final class TicketLinkTask implements Task {
  private static final Pattern TICKET = Pattern.compile("\\b([A-Z][A-Z0-9]+-\\d+)\\b");

  private final String trackerUrl;

  /** Reads the task's options; runs once, at start-up, so mistakes show before any event. */
  public TicketLinkTask(TaskOptions options) {
    this.trackerUrl = options.string("tracker_url");
    if (!trackerUrl.startsWith("https://")) {
      throw new IllegalArgumentException("tracker_url must be an https URL");
    }
  }

  @Override
  public TaskResult run(TaskChain chain) {
    TaskContext ctx = chain.context();
    Matcher ticket =
        TICKET.matcher(ctx.event().payload().path("pull_request").path("title").asText());
    if (ticket.find()) {
      RepositoryName repo = ctx.repository();
      ctx.gitHub()
          .execute(
              new GitHubRequest(
                  GitHubEndpoint.CREATE_ISSUE_COMMENT,
                  Map.of(
                      "owner", repo.owner(),
                      "repo", repo.name(),
                      "issue_number", ctx.event().payload().path("number").asText()),
                  JsonNodeFactory.instance
                      .objectNode()
                      .put("body", "Ticket: " + trackerUrl + ticket.group(1))));
    }
    return chain.proceed(); // done: the chain checkpoints here and goes on
  }
}
// docs:embedding:task:end
