package io.gitbridge.core;

import static java.util.Objects.requireNonNull;

/**
 * A configuration value is missing, unknown or wrong. Carries the dotted path of the key (for
 * example {@code routes[0].tasks[1].commit-status.sha}) so that whoever reads the file can map it
 * to a line.
 */
public final class ConfigurationException extends GitBridgeException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public ConfigurationException(String key, String problem) {
    super(requireNonNull(key, "key == null") + ": " + problem);
    this.key = key;
  }

  /** The dotted path of the offending key. */
  public String key() {
    return key;
  }
}
