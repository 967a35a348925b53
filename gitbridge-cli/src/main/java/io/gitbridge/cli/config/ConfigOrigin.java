package io.gitbridge.cli.config;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.ConfigurationException;
import java.util.List;

/**
 * Where a configuration came from, and where each of its keys stands in that file: so that an error
 * found after loading (the core reading {@code routes}, say) still names its line. Immutable.
 */
public final class ConfigOrigin {
  private final String name;
  private final YamlDocument document;

  ConfigOrigin(String name, YamlDocument document) {
    this.name = requireNonNull(name, "name == null");
    this.document = requireNonNull(document, "document == null");
  }

  /** The file name as the user gave it, or {@code embedded default}. */
  public String name() {
    return name;
  }

  /** The line of {@code key} (or of its nearest ancestor in the file); 0 if none is there. */
  public int lineOf(String key) {
    return document.lineOf(requireNonNull(key, "key == null"));
  }

  /** Whether the file sets {@code key} itself (as opposed to leaving it to its default). */
  public boolean has(String key) {
    return document.has(requireNonNull(key, "key == null"));
  }

  /** A problem with {@code key}, located in this file. */
  public ConfigProblem problem(String key, String message) {
    return new ConfigProblem(name, lineOf(key), key, message);
  }

  /** The core's error, located in this file. */
  public ConfigProblem problem(ConfigurationException e) {
    String prefix = e.key() + ": ";
    String message = e.getMessage();
    return problem(
        e.key(), message.startsWith(prefix) ? message.substring(prefix.length()) : message);
  }

  /** The core's error as a {@link ConfigFileException} that names file, line and key. */
  public ConfigFileException explain(ConfigurationException e) {
    return new ConfigFileException(List.of(problem(e)));
  }

  @Override
  public String toString() {
    return name;
  }
}
