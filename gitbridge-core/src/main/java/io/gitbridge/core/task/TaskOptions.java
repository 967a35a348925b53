package io.gitbridge.core.task;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gitbridge.core.ConfigurationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task's options as written in a route, with readers that name the offending key in their errors,
 * and a check that no unknown option was given (a typo is an error at start, not a silently ignored
 * setting).
 */
public final class TaskOptions {
  private final String path;
  private final JsonNode node;
  private final Set<String> read = new HashSet<>();
  private final Map<String, Template> templates = new LinkedHashMap<>();

  /**
   * @param path where the options stand, for errors: {@code routes[0].tasks[1].label}
   * @param node an object, or null/missing for none
   */
  public TaskOptions(String path, JsonNode node) {
    this.path = requireNonNull(path, "path == null");
    if (node == null || node.isMissingNode() || node.isNull()) {
      node = JsonNodeFactory.instance.objectNode();
    }
    if (!node.isObject()) {
      throw new ConfigurationException(path, "options must be a mapping");
    }
    this.node = node;
  }

  public String path() {
    return path;
  }

  /** The key path of option {@code name}. */
  public String keyOf(String name) {
    return path + "." + name;
  }

  public boolean has(String name) {
    read.add(name);
    return node.has(name) && !node.get(name).isNull();
  }

  /** A required string option, compiled as a template. */
  public Template template(String name) {
    return remember(keyOf(name), Template.compile(string(name)));
  }

  /** An optional string option compiled as a template, or the default's. */
  public Template template(String name, String defaultValue) {
    return has(name)
        ? template(name)
        : remember(keyOf(name) + " (its default)", Template.compile(defaultValue));
  }

  /** Every template the task read, by key: checked against the route's events at start. */
  Map<String, Template> templates() {
    return templates;
  }

  private Template remember(String key, Template template) {
    templates.merge(key, template, (a, b) -> b);
    return template;
  }

  /** A required scalar option as text. */
  public String string(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      throw new ConfigurationException(keyOf(name), "is required");
    }
    if (!value.isValueNode()) {
      throw new ConfigurationException(keyOf(name), "must be a single value");
    }
    return value.asText();
  }

  /** An optional scalar option, or {@code defaultValue}. */
  public String string(String name, String defaultValue) {
    return has(name) ? string(name) : defaultValue;
  }

  /** One of {@code choices}. */
  public String choice(String name, List<String> choices) {
    String value = string(name);
    if (!choices.contains(value)) {
      throw new ConfigurationException(
          keyOf(name), "must be one of " + String.join(", ", choices) + ", was '" + value + "'");
    }
    return value;
  }

  /** A list of strings, each compiled as a template; a single string is a list of one. */
  public List<Template> templates(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return List.of();
    }
    List<Template> out = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isValueNode()) {
          throw new ConfigurationException(keyOf(name), "must be a list of strings");
        }
        out.add(remember(keyOf(name) + "[" + out.size() + "]", Template.compile(item.asText())));
      }
    } else if (value.isValueNode()) {
      out.add(remember(keyOf(name), Template.compile(value.asText())));
    } else {
      throw new ConfigurationException(keyOf(name), "must be a string or a list of strings");
    }
    return out;
  }

  /** A free-form JSON value (objects are rendered as templates leaf by leaf), or null. */
  public JsonNode json(String name) {
    return raw(name);
  }

  /**
   * Fails if the options hold a key no reader asked for. Call it last in a factory.
   *
   * @throws ConfigurationException naming the unknown key
   */
  public void rejectUnknown() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!read.contains(name)) {
        throw new ConfigurationException(keyOf(name), "is not an option of this task");
      }
    }
  }

  private JsonNode raw(String name) {
    read.add(name);
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }
}
