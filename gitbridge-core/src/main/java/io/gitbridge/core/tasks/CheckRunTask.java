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
import io.gitbridge.core.task.TemplateException;
import java.util.List;
import java.util.Map;

/**
 * {@code check-run}: creates a check run on the event's head commit, or updates the one this step
 * created on an earlier attempt. Options: {@code name} (required), {@code head_sha} (default: the
 * pull request's head, a push's {@code after}, or the check suite's), {@code status} (queued,
 * in_progress, completed; default completed when a conclusion is given, else in_progress), {@code
 * conclusion}, {@code title}, {@code summary}, {@code text}, {@code details_url}, {@code repo}.
 *
 * <p>The run's {@code external_id} is {@code delivery:step}. A first attempt creates; a later one
 * first looks for a run with that {@code external_id} and updates it, so a retry never leaves two
 * runs behind.
 */
final class CheckRunTask implements Task {
  static final List<String> STATUSES = List.of("queued", "in_progress", "completed");
  static final List<String> CONCLUSIONS =
      List.of(
          "success", "failure", "neutral", "cancelled", "skipped", "timed_out", "action_required");
  private static final String[] SHA_PATHS = {
    "pull_request.head.sha", "after", "check_suite.head_sha", "check_run.head_sha"
  };

  private final Target target;
  private final Template name;
  private final Template headSha;
  private final String status;
  private final String conclusion;
  private final Template title;
  private final Template summary;
  private final Template text;
  private final Template detailsUrl;

  CheckRunTask(TaskOptions options) {
    this.target = Target.read(options, false);
    this.name = options.template("name");
    this.headSha = options.has("head_sha") ? options.template("head_sha") : null;
    this.conclusion = options.has("conclusion") ? options.choice("conclusion", CONCLUSIONS) : null;
    this.status =
        options.has("status")
            ? options.choice("status", STATUSES)
            : conclusion != null ? "completed" : "in_progress";
    if ("completed".equals(status) && conclusion == null) {
      throw new ConfigurationException(options.keyOf("conclusion"), "is required when completed");
    }
    if (!"completed".equals(status) && conclusion != null) {
      throw new ConfigurationException(options.keyOf("conclusion"), "needs status completed");
    }
    this.title = options.has("title") ? options.template("title") : null;
    this.summary = options.has("summary") ? options.template("summary") : null;
    this.text = options.has("text") ? options.template("text") : null;
    if (title == null && (summary != null || text != null)) {
      throw new ConfigurationException(options.keyOf("title"), "is required with summary or text");
    }
    this.detailsUrl = options.has("details_url") ? options.template("details_url") : null;
  }

  @Override
  public TaskResult run(TaskChain chain) {
    TaskContext ctx = chain.context();
    RepositoryName repo = target.repository(ctx);
    String sha = sha(ctx);
    String checkName = ctx.render(name);
    String externalId = ctx.event().deliveryId().value() + ":" + ctx.step();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("name", checkName);
    body.put("status", status);
    if (conclusion != null) {
      body.put("conclusion", conclusion);
    }
    if (detailsUrl != null) {
      body.put("details_url", ctx.render(detailsUrl));
    }
    if (title != null) {
      ObjectNode output = body.putObject("output");
      output.put("title", ctx.render(title));
      output.put("summary", summary == null ? "" : ctx.render(summary));
      if (text != null) {
        output.put("text", ctx.render(text));
      }
    }
    Map<String, String> repoParams = Map.of("owner", repo.owner(), "repo", repo.name());
    String existing =
        ctx.attempt() > 1 ? findExisting(ctx, repo, sha, checkName, externalId) : null;
    if (existing != null) {
      ctx.gitHub()
          .execute(
              new GitHubRequest(
                  GitHubEndpoint.UPDATE_CHECK_RUN,
                  Map.of("owner", repo.owner(), "repo", repo.name(), "check_run_id", existing),
                  body));
    } else {
      body.put("head_sha", sha);
      body.put("external_id", externalId);
      ctx.gitHub().execute(new GitHubRequest(GitHubEndpoint.CREATE_CHECK_RUN, repoParams, body));
    }
    return chain.proceed();
  }

  private String sha(TaskContext ctx) {
    if (headSha != null) {
      return ctx.render(headSha);
    }
    for (String path : SHA_PATHS) {
      JsonNode found = Template.resolve(ctx.event().payload(), path.split("\\."));
      if (found.isTextual()) {
        return found.asText();
      }
    }
    throw new TemplateException(
        "this " + ctx.event().type() + " payload has no head commit; set head_sha");
  }

  private static String findExisting(
      TaskContext ctx, RepositoryName repo, String sha, String checkName, String externalId) {
    JsonNode answer =
        ctx.gitHub()
            .execute(
                new GitHubRequest(
                    GitHubEndpoint.LIST_CHECK_RUNS_FOR_REF,
                    Map.of("owner", repo.owner(), "repo", repo.name(), "ref", sha),
                    Map.of("check_name", checkName, "filter", "all", "per_page", "100"),
                    null))
            .body();
    for (JsonNode run : answer.path("check_runs")) {
      if (externalId.equals(run.path("external_id").asText())
          && run.path("id").canConvertToLong()) {
        return run.path("id").asText();
      }
    }
    return null;
  }
}
