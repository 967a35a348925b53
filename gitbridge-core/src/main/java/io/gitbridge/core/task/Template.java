package io.gitbridge.core.task;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.WebhookEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A string with {@code {{dotted.path}}} placeholders filled from the event: payload paths (array
 * elements by index, {@code pull_request.labels.0.name}) and the values {@link EventValues} adds,
 * such as {@code {{event}}}, {@code {{delivery_id}}} and {@code {{command.args}}}.
 *
 * <p>Compiled once at configuration time; rendering a path the payload does not have throws {@link
 * TemplateException} rather than sending an empty value to GitHub. Immutable and thread-safe.
 */
public final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");

  private final String source;
  private final List<String> literals;
  private final List<String[]> paths;

  private Template(String source, List<String> literals, List<String[]> paths) {
    this.source = source;
    this.literals = literals;
    this.paths = paths;
  }

  /**
   * Compiles {@code source}.
   *
   * @throws IllegalArgumentException if a {@code {{} is not closed or is empty
   */
  public static Template compile(String source) {
    requireNonNull(source, "source == null");
    List<String> literals = new ArrayList<>();
    List<String[]> paths = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(source);
    int last = 0;
    while (m.find()) {
      literals.add(source.substring(last, m.start()));
      paths.add(m.group(1).split("\\.", -1));
      last = m.end();
    }
    String tail = source.substring(last);
    if (tail.contains("{{")) {
      throw new IllegalArgumentException("template has an unclosed or empty '{{': " + source);
    }
    literals.add(tail);
    for (String[] path : paths) {
      for (String part : path) {
        if (part.isEmpty()) {
          throw new IllegalArgumentException("template has an empty path segment: " + source);
        }
      }
    }
    return new Template(source, List.copyOf(literals), List.copyOf(paths));
  }

  /** Whether the template has no placeholder at all. */
  public boolean isConstant() {
    return paths.isEmpty();
  }

  /** The placeholders' paths, as written, for checking them against a sample payload. */
  public List<String> placeholders() {
    return paths.stream().map(p -> String.join(".", p)).toList();
  }

  /** Fills the placeholders from {@code event}. */
  public String render(WebhookEvent event) {
    StringBuilder out = new StringBuilder(literals.get(0));
    for (int i = 0; i < paths.size(); i++) {
      out.append(value(event, paths.get(i))).append(literals.get(i + 1));
    }
    return out.toString();
  }

  private static String value(WebhookEvent event, String[] path) {
    JsonNode node = EventValues.resolve(event, path);
    if (node == null || node.isMissingNode() || node.isNull()) {
      throw new TemplateException(
          "{{" + String.join(".", path) + "}} names nothing in this " + event.type() + " payload");
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  /** Follows a dotted path through objects and (by index) arrays; missing yields a MissingNode. */
  public static JsonNode resolve(JsonNode root, String[] path) {
    JsonNode node = root;
    for (String part : path) {
      if (node.isArray() && !part.isEmpty() && part.chars().allMatch(Character::isDigit)) {
        node = node.path(Integer.parseInt(part));
      } else {
        node = node.path(part);
      }
    }
    return node;
  }

  @Override
  public String toString() {
    return source;
  }
}
