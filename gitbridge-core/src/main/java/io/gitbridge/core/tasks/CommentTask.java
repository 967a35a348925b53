package io.gitbridge.core.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.core.github.RepositoryName;
import io.gitbridge.core.task.Task;
import io.gitbridge.core.task.TaskChain;
import io.gitbridge.core.task.TaskContext;
import io.gitbridge.core.task.TaskOptions;
import io.gitbridge.core.task.TaskResult;
import io.gitbridge.core.task.Template;
import java.util.Map;

/**
 * {@code comment}: comments on the event's issue or pull request. Options: {@code body} (required),
 * {@code sticky} (default true), {@code marker}, {@code issue}, {@code repo}.
 *
 * <p>Each comment ends with a hidden marker ({@code <!-- gitbridge:… -->}). A sticky comment's
 * marker names the route step (or the {@code marker} option), so later events on the same issue
 * edit that one comment instead of adding another; a non-sticky one's marker also names the
 * delivery. Either way a retry edits what an earlier attempt posted rather than posting twice.
 */
final class CommentTask implements Task {
  static final int PAGE_SIZE = 100;
  static final int MAX_PAGES = 30;

  private final Target target;
  private final Template body;
  private final Template marker;
  private final boolean sticky;

  CommentTask(TaskOptions options) {
    this.target = Target.read(options, true);
    this.body = options.template("body");
    this.sticky = Boolean.parseBoolean(options.string("sticky", "true"));
    this.marker = options.template("marker", options.path().replaceFirst("\\.comment$", ""));
  }

  @Override
  public TaskResult run(TaskChain chain) {
    TaskContext ctx = chain.context();
    RepositoryName repo = target.repository(ctx);
    String issue = target.issueNumber(ctx);
    String hidden =
        "<!-- gitbridge:"
            + ctx.render(marker)
            + (sticky ? "" : ":" + ctx.event().deliveryId().value())
            + " -->";
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("body", ctx.render(body) + "\n\n" + hidden);
    boolean mayExist = sticky || ctx.attempt() > 1;
    String existing = mayExist ? findExisting(ctx, repo, issue, hidden) : null;
    if (existing != null) {
      ctx.gitHub()
          .execute(
              new GitHubRequest(
                  GitHubEndpoint.UPDATE_ISSUE_COMMENT,
                  Map.of("owner", repo.owner(), "repo", repo.name(), "comment_id", existing),
                  json));
    } else {
      ctx.gitHub()
          .execute(
              new GitHubRequest(
                  GitHubEndpoint.CREATE_ISSUE_COMMENT,
                  Map.of("owner", repo.owner(), "repo", repo.name(), "issue_number", issue),
                  json));
    }
    return chain.proceed();
  }

  private static String findExisting(
      TaskContext ctx, RepositoryName repo, String issue, String hidden) {
    for (int page = 1; page <= MAX_PAGES; page++) {
      JsonNode comments =
          ctx.gitHub()
              .execute(
                  new GitHubRequest(
                      GitHubEndpoint.LIST_ISSUE_COMMENTS,
                      Map.of("owner", repo.owner(), "repo", repo.name(), "issue_number", issue),
                      Map.of(
                          "per_page", Integer.toString(PAGE_SIZE), "page", Integer.toString(page)),
                      null))
              .body();
      for (JsonNode comment : comments) {
        if (comment.path("body").asText().contains(hidden)) {
          return comment.path("id").asText();
        }
      }
      if (!comments.isArray() || comments.size() < PAGE_SIZE) {
        return null;
      }
    }
    return null;
  }
}
