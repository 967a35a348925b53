package io.gitbridge.core.task;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.ConfigurationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Task names to their factories, and the reader of the {@code routes:} section that uses them.
 *
 * <p>Registration is explicit (no classpath scanning): the built-ins come from {@link
 * io.gitbridge.core.tasks.BuiltInTasks}, users add theirs through {@code
 * GitBridge.builder().task(name, factory)}. Not thread-safe while being filled; read-only after.
 */
public final class TaskRegistry {
  private final Map<String, TaskFactory> factories = new LinkedHashMap<>();

  /** Adds or replaces the factory for {@code name}. */
  public TaskRegistry register(String name, TaskFactory factory) {
    requireNonNull(name, "name == null");
    requireNonNull(factory, "factory == null");
    if (!name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "task name must be lowercase letters, digits and '-': " + name);
    }
    factories.put(name, factory);
    return this;
  }

  public Set<String> names() {
    return factories.keySet();
  }

  /** Creates one step from {@code name: options}, for any event. */
  public Step step(String key, String name, JsonNode options) {
    return step(key, name, options, List.of("*"));
  }

  /**
   * Creates one step of a route on {@code on}: a template naming a payload key none of those events
   * carries is refused here.
   */
  public Step step(String key, String name, JsonNode options, List<String> on) {
    TaskFactory factory = factories.get(name);
    if (factory == null) {
      throw new ConfigurationException(
          key, "unknown task '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    TaskOptions taskOptions = new TaskOptions(key + "." + name, options);
    Task task;
    try {
      task = factory.create(taskOptions);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(key + "." + name, e.getMessage());
    }
    taskOptions.rejectUnknown();
    taskOptions
        .templates()
        .forEach((templateKey, template) -> PayloadKeys.check(on, templateKey, template));
    return new Step(name, task);
  }

  /**
   * Reads a {@code routes:} list as the configuration reference documents it.
   *
   * @param key the key of the list, normally {@code routes}
   * @throws ConfigurationException naming the first wrong key
   */
  public List<Route> routes(String key, JsonNode routes) {
    if (routes == null || routes.isNull() || routes.isMissingNode()) {
      return List.of();
    }
    if (!routes.isArray()) {
      throw new ConfigurationException(key, "must be a list of routes");
    }
    List<Route> out = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      out.add(route(key + "[" + i + "]", routes.get(i)));
    }
    return out;
  }

  private Route route(String key, JsonNode node) {
    if (!node.isObject()) {
      throw new ConfigurationException(key, "must be a mapping with on, if and tasks");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!Set.of("on", "if", "tasks").contains(name)) {
        throw new ConfigurationException(key + "." + name, "is not a route key (on, if, tasks)");
      }
    }
    List<String> on = new ArrayList<>();
    JsonNode onNode = node.get("on");
    if (onNode == null || onNode.isNull()) {
      throw new ConfigurationException(key + ".on", "is required");
    }
    if (onNode.isArray()) {
      onNode.forEach(n -> on.add(n.asText()));
    } else {
      on.add(onNode.asText());
    }
    Route.Builder builder = Route.on(on).when(Conditions.parse(key + ".if", node.get("if")));
    JsonNode tasks = node.get("tasks");
    if (tasks == null || !tasks.isArray() || tasks.isEmpty()) {
      throw new ConfigurationException(key + ".tasks", "must be a non-empty list");
    }
    for (int i = 0; i < tasks.size(); i++) {
      String taskKey = key + ".tasks[" + i + "]";
      JsonNode task = tasks.get(i);
      if (task.isTextual()) {
        Step step = step(taskKey, task.asText(), null, on);
        builder.step(step.name(), step.task());
      } else if (task.isObject() && task.size() == 1) {
        String name = task.fieldNames().next();
        Step step = step(taskKey, name, task.get(name), on);
        builder.step(step.name(), step.task());
      } else {
        throw new ConfigurationException(taskKey, "must be 'name' or a mapping 'name: {options}'");
      }
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(key, e.getMessage());
    }
  }
}
