package io.gitbridge.core.task;

import io.gitbridge.core.WebhookEvent;

/** Whether a route applies to an event, beyond its type. Stateless and thread-safe. */
@FunctionalInterface
public interface Condition {
  /** Holds for every event. */
  Condition ALWAYS = event -> true;

  boolean test(WebhookEvent event);

  default Condition and(Condition other) {
    return event -> test(event) && other.test(event);
  }
}
