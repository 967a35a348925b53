package io.gitbridge.github.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns GitHub's error body ({@code {"message": ..., "errors": [...]}}) into one line for an
 * exception: the message, and for validation failures a summary of each error.
 */
public final class ErrorMessages {
  private static final int MAX_LENGTH = 500;

  private ErrorMessages() {}

  /** GitHub's {@code message}, or the bare status when the body has none. */
  public static String message(Answer answer) {
    String message = answer.json().path("message").asText("");
    return message.isBlank() ? "HTTP " + answer.status() : message;
  }

  /** The message plus the {@code errors} summary, for example {@code Validation Failed [...]}. */
  public static String describe(Answer answer) {
    List<String> errors = new ArrayList<>();
    for (JsonNode error : answer.json().path("errors")) {
      errors.add(describeError(error));
    }
    String text = message(answer) + (errors.isEmpty() ? "" : " " + errors);
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
  }

  private static String describeError(JsonNode error) {
    if (error.isTextual()) {
      return error.asText();
    }
    if (error.hasNonNull("message")) {
      return error.get("message").asText();
    }
    String resource = error.path("resource").asText("");
    String field = error.path("field").asText("");
    String where =
        resource.isEmpty() || field.isEmpty() ? resource + field : resource + "." + field;
    return (where + " " + error.path("code").asText("invalid")).trim();
  }
}
