package io.gitbridge.core.tasks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitbridge.core.ConfigurationException;
import io.gitbridge.core.github.GitHubApiException;
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
 * {@code label}: adds and removes labels on the event's issue or pull request. Options: {@code
 * add}, {@code remove} (lists; at least one), {@code issue}, {@code repo}. Removing a label that is
 * not there is not an error: the wanted end state holds.
 */
final class LabelTask implements Task {
  private final Target target;
  private final List<Template> add;
  private final List<Template> remove;

  LabelTask(TaskOptions options) {
    this.target = Target.read(options, true);
    this.add = options.templates("add");
    this.remove = options.templates("remove");
    if (add.isEmpty() && remove.isEmpty()) {
      throw new ConfigurationException(options.path(), "needs 'add' or 'remove'");
    }
  }

  @Override
  public TaskResult run(TaskChain chain) {
    TaskContext ctx = chain.context();
    RepositoryName repo = target.repository(ctx);
    String issue = target.issueNumber(ctx);
    if (!add.isEmpty()) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      ArrayNode labels = body.putArray("labels");
      add.forEach(t -> labels.add(ctx.render(t)));
      ctx.gitHub()
          .execute(
              new GitHubRequest(
                  GitHubEndpoint.ADD_LABELS,
                  Map.of("owner", repo.owner(), "repo", repo.name(), "issue_number", issue),
                  body));
    }
    for (Template label : remove) {
      try {
        ctx.gitHub()
            .execute(
                new GitHubRequest(
                    GitHubEndpoint.REMOVE_LABEL,
                    Map.of(
                        "owner",
                        repo.owner(),
                        "repo",
                        repo.name(),
                        "issue_number",
                        issue,
                        "name",
                        ctx.render(label)),
                    null));
      } catch (GitHubApiException e) {
        if (e.status() != 404) {
          throw e;
        }
      }
    }
    return chain.proceed();
  }
}
