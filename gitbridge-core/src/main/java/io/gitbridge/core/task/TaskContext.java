package io.gitbridge.core.task;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.github.GitHubApi;
import io.gitbridge.core.github.RepositoryName;
import java.time.Clock;

/**
 * What a step may use: the event, GitHub, the clock, and where it stands in the chain.
 *
 * @param event the event being processed
 * @param gitHub the GitHub port (dry-run or real)
 * @param clock the injected clock
 * @param attempt which attempt at this event this is, from 1
 * @param step the index of the running step in the chain, from 0
 */
public record TaskContext(
    WebhookEvent event, GitHubApi gitHub, Clock clock, int attempt, int step) {
  public TaskContext {
    requireNonNull(event, "event == null");
    requireNonNull(gitHub, "gitHub == null");
    requireNonNull(clock, "clock == null");
  }

  /** The payload's {@code repository.full_name}. */
  public RepositoryName repository() {
    String fullName = event.payload().path("repository").path("full_name").asText("");
    if (fullName.isEmpty()) {
      throw new TemplateException("the payload names no repository.full_name");
    }
    return RepositoryName.parse(fullName);
  }

  /** Renders a template against this event. */
  public String render(Template template) {
    return template.render(event);
  }

  TaskContext atStep(int index) {
    return new TaskContext(event, gitHub, clock, attempt, index);
  }
}
