package io.gitbridge.core.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitbridge.core.ConfigurationException;
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
 * {@code dispatch-workflow}: starts a GitHub Actions workflow that has a {@code workflow_dispatch}
 * trigger. Options: {@code workflow} (required: its file name, such as {@code ci.yml}, or its id),
 * {@code ref} (default the repository's default branch), {@code inputs} (a mapping whose string
 * values are templates; GitHub allows at most 10), {@code repo}. Needs the {@code workflow} scope.
 */
final class DispatchWorkflowTask implements Task {
  private final Target target;
  private final Template workflow;
  private final Template ref;
  private final JsonTemplate inputs;

  DispatchWorkflowTask(TaskOptions options) {
    this.target = Target.read(options, false);
    this.workflow = options.template("workflow");
    this.ref = options.template("ref", "{{repository.default_branch}}");
    JsonNode in = options.json("inputs");
    if (in != null && (!in.isObject() || in.size() > 10)) {
      throw new ConfigurationException(
          options.keyOf("inputs"), "must be a mapping of at most 10 inputs");
    }
    this.inputs = in == null ? null : JsonTemplate.compile(in);
  }

  @Override
  public TaskResult run(TaskChain chain) {
    TaskContext ctx = chain.context();
    RepositoryName repo = target.repository(ctx);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("ref", ctx.render(ref));
    if (inputs != null) {
      body.set("inputs", inputs.render(ctx.event()));
    }
    ctx.gitHub()
        .execute(
            new GitHubRequest(
                GitHubEndpoint.CREATE_WORKFLOW_DISPATCH,
                Map.of(
                    "owner",
                    repo.owner(),
                    "repo",
                    repo.name(),
                    "workflow_id",
                    ctx.render(workflow)),
                body));
    return chain.proceed();
  }
}
