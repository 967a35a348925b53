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
import java.util.List;
import java.util.Map;

/**
 * {@code commit-status}: sets a commit status. Options: {@code sha} (default the pull request's
 * head), {@code state} (pending, success, failure, error), {@code context} (default {@code
 * gitbridge}), {@code description}, {@code target_url}, {@code repo}.
 */
final class CommitStatusTask implements Task {
  static final List<String> STATES = List.of("pending", "success", "failure", "error");

  private final Target target;
  private final Template sha;
  private final String state;
  private final Template context;
  private final Template description;
  private final Template targetUrl;

  CommitStatusTask(TaskOptions options) {
    this.target = Target.read(options, false);
    this.sha = options.template("sha", "{{pull_request.head.sha}}");
    this.state = options.choice("state", STATES);
    this.context = options.template("context", "gitbridge");
    this.description = options.has("description") ? options.template("description") : null;
    this.targetUrl = options.has("target_url") ? options.template("target_url") : null;
  }

  @Override
  public TaskResult run(TaskChain chain) {
    TaskContext ctx = chain.context();
    RepositoryName repo = target.repository(ctx);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("state", state);
    body.put("context", ctx.render(context));
    if (description != null) {
      // GitHub refuses descriptions over 140 characters with a 422
      String text = ctx.render(description);
      body.put("description", text.length() > 140 ? text.substring(0, 139) + "…" : text);
    }
    if (targetUrl != null) {
      body.put("target_url", ctx.render(targetUrl));
    }
    ctx.gitHub()
        .execute(
            new GitHubRequest(
                GitHubEndpoint.CREATE_COMMIT_STATUS,
                Map.of("owner", repo.owner(), "repo", repo.name(), "sha", ctx.render(sha)),
                body));
    return chain.proceed();
  }
}
