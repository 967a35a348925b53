package io.gitbridge.core.tasks;

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
 * {@code issue}, {@code repo}.
 */
final class CommentTask implements Task {
  private final Target target;
  private final Template body;

  CommentTask(TaskOptions options) {
    this.target = Target.read(options, true);
    this.body = options.template("body");
  }

  @Override
  public TaskResult run(TaskChain chain) {
    TaskContext ctx = chain.context();
    RepositoryName repo = target.repository(ctx);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("body", ctx.render(body));
    ctx.gitHub()
        .execute(
            new GitHubRequest(
                GitHubEndpoint.CREATE_ISSUE_COMMENT,
                Map.of(
                    "owner",
                    repo.owner(),
                    "repo",
                    repo.name(),
                    "issue_number",
                    target.issueNumber(ctx)),
                json));
    return chain.proceed();
  }
}
