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
 * {@code repository-dispatch}: sends a {@code repository_dispatch} event to a repository, which
 * starts the workflows listening for that {@code event_type}. Options: {@code event_type}
 * (required), {@code client_payload} (a mapping of at most 10 entries, GitHub's limit, whose string
 * values are templates), {@code repo}.
 */
final class RepositoryDispatchTask implements Task {
  /** GitHub refuses a {@code client_payload} with more top-level entries (422). */
  static final int MAX_PAYLOAD_ENTRIES = 10;

  private final Target target;
  private final Template eventType;
  private final JsonTemplate clientPayload;

  RepositoryDispatchTask(TaskOptions options) {
    this.target = Target.read(options, false);
    this.eventType = options.template("event_type");
    JsonNode payload = options.json("client_payload");
    if (payload != null && (!payload.isObject() || payload.size() > MAX_PAYLOAD_ENTRIES)) {
      throw new ConfigurationException(
          options.keyOf("client_payload"),
          "must be a mapping of at most " + MAX_PAYLOAD_ENTRIES + " entries");
    }
    this.clientPayload = payload == null ? null : JsonTemplate.compile(payload);
  }

  @Override
  public TaskResult run(TaskChain chain) {
    TaskContext ctx = chain.context();
    RepositoryName repo = target.repository(ctx);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("event_type", ctx.render(eventType));
    if (clientPayload != null) {
      body.set("client_payload", clientPayload.render(ctx.event()));
    }
    ctx.gitHub()
        .execute(
            new GitHubRequest(
                GitHubEndpoint.CREATE_REPOSITORY_DISPATCH,
                Map.of("owner", repo.owner(), "repo", repo.name()),
                body));
    return chain.proceed();
  }
}
