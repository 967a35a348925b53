package io.gitbridge.cli.config;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong in a configuration file: where it is and what is wrong with it. Its {@link
 * #toString()} is the line {@code gitbridge config check} prints, in the form compilers use so that
 * editors can jump to it: {@code webhook_config.yaml:12: queue.max_size: expected a whole number,
 * got "lots"}. The message never holds a secret's value.
 *
 * @param source the file name as the user gave it, or {@code embedded default}
 * @param line the 1-based line, or 0 when the key is absent from the file
 * @param key the full key path, like {@code routes[0].tasks[1].commit-status.state}
 * @param message what is wrong, without the key
 */
public record ConfigProblem(String source, int line, String key, String message) {
  public ConfigProblem {
    requireNonNull(source, "source == null");
    requireNonNull(key, "key == null");
    requireNonNull(message, "message == null");
    if (line < 0) {
      throw new IllegalArgumentException("line < 0: " + line);
    }
  }

  @Override
  public String toString() {
    return source + (line > 0 ? ":" + line : "") + ": " + key + ": " + message;
  }
}
