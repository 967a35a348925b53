package io.gitbridge.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gitbridge.core.WebhookEvent;

/**
 * What templates and conditions can read from an event: payload paths, plus a few values that are
 * not in the payload as such.
 *
 * <ul>
 *   <li>{@code event}, {@code action}, {@code delivery_id};
 *   <li>{@code command.name} and {@code command.args}: a comment whose first line starts with a
 *       slash, such as {@code /retest unit}, is the command {@code retest} with args {@code unit};
 *   <li>{@code author_association}: the association to the repository (OWNER, MEMBER, COLLABORATOR,
 *       CONTRIBUTOR, …) of whoever wrote the comment, review, issue or pull request the event is
 *       about, so a route can require a collaborator.
 * </ul>
 */
public final class EventValues {
  private EventValues() {}

  /** The value at {@code path}, or a {@link MissingNode}. */
  public static JsonNode resolve(WebhookEvent event, String[] path) {
    if (path.length == 1) {
      switch (path[0]) {
        case "event":
          return TextNode.valueOf(event.type());
        case "action":
          return TextNode.valueOf(event.action());
        case "delivery_id":
          return TextNode.valueOf(event.deliveryId().value());
        case "author_association":
          return authorAssociation(event.payload());
        default:
          break;
      }
    }
    if (path.length == 2 && path[0].equals("command")) {
      String[] command = command(event.payload());
      if (command == null) {
        return MissingNode.getInstance();
      }
      switch (path[1]) {
        case "name":
          return TextNode.valueOf(command[0]);
        case "args":
          return TextNode.valueOf(command[1]);
        default:
          return MissingNode.getInstance();
      }
    }
    return Template.resolve(event.payload(), path);
  }

  private static JsonNode authorAssociation(JsonNode payload) {
    for (String holder : new String[] {"comment", "review", "issue", "pull_request"}) {
      JsonNode value = payload.path(holder).path("author_association");
      if (value.isTextual()) {
        return value;
      }
    }
    return MissingNode.getInstance();
  }

  /** {name, args} of a slash command on the comment's first line, or null. */
  private static String[] command(JsonNode payload) {
    JsonNode body = payload.path("comment").path("body");
    if (!body.isTextual()) {
      return null;
    }
    String firstLine = body.asText().strip().lines().findFirst().orElse("");
    if (!firstLine.startsWith("/") || firstLine.length() < 2) {
      return null;
    }
    String[] parts = firstLine.substring(1).split("\\s+", 2);
    if (!parts[0].matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
      return null;
    }
    return new String[] {parts[0], parts.length > 1 ? parts[1].strip() : ""};
  }
}
