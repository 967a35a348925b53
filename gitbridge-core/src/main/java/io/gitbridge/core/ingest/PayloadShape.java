package io.gitbridge.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.InvalidPayloadException;
import io.gitbridge.core.WebhookEvent;
import java.util.List;
import java.util.Map;

/**
 * The least a payload of a known event type must hold for routes and tasks to make sense of it.
 * Unknown types pass: GitHub adds event types, and a route may still want them.
 */
final class PayloadShape {
  private static final Map<String, List<String>> REQUIRED_OBJECTS =
      Map.of(
          "pull_request", List.of("pull_request", "repository"),
          "pull_request_review", List.of("pull_request", "review", "repository"),
          "issues", List.of("issue", "repository"),
          "issue_comment", List.of("issue", "comment", "repository"),
          "push", List.of("repository"),
          "check_run", List.of("check_run", "repository"),
          "check_suite", List.of("check_suite", "repository"),
          "workflow_run", List.of("workflow_run", "repository"),
          "release", List.of("release", "repository"));

  private PayloadShape() {}

  static void check(WebhookEvent event) {
    JsonNode action = event.payload().get("action");
    if (action != null && !action.isTextual()) {
      throw new InvalidPayloadException("'action' is not a string");
    }
    for (String field : REQUIRED_OBJECTS.getOrDefault(event.type(), List.of())) {
      if (!event.payload().path(field).isObject()) {
        throw new InvalidPayloadException(event.type() + " payload has no '" + field + "' object");
      }
    }
  }
}
