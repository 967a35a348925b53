package io.gitbridge.core.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.github.RepositoryName;
import io.gitbridge.core.task.TaskContext;
import io.gitbridge.core.task.TaskOptions;
import io.gitbridge.core.task.Template;
import io.gitbridge.core.task.TemplateException;

/**
 * Where a task acts: the optional {@code repo} option (default: the event's repository) and, for
 * issue-level tasks, the optional {@code issue} option (default: the event's pull request or issue
 * number).
 */
final class Target {
  private final Template repo;
  private final Template issue;

  private Target(Template repo, Template issue) {
    this.repo = repo;
    this.issue = issue;
  }

  static Target read(TaskOptions options, boolean needsIssue) {
    Template repo = options.has("repo") ? options.template("repo") : null;
    Template issue = needsIssue && options.has("issue") ? options.template("issue") : null;
    return new Target(repo, issue);
  }

  RepositoryName repository(TaskContext context) {
    if (repo == null) {
      return context.repository();
    }
    try {
      return RepositoryName.parse(context.render(repo));
    } catch (IllegalArgumentException e) {
      throw new TemplateException("repo: " + e.getMessage());
    }
  }

  String issueNumber(TaskContext context) {
    String number;
    if (issue != null) {
      number = context.render(issue);
    } else {
      JsonNode payload = context.event().payload();
      JsonNode found = payload.path("number");
      if (!found.isNumber()) {
        found = payload.path("issue").path("number");
      }
      if (!found.isNumber()) {
        found = payload.path("pull_request").path("number");
      }
      if (!found.isNumber()) {
        throw new TemplateException(
            "this " + context.event().type() + " payload has no issue or pull request number");
      }
      number = found.asText();
    }
    if (!number.matches("[1-9][0-9]{0,9}")) {
      throw new TemplateException("issue: '" + number + "' is not an issue number");
    }
    return number;
  }
}
