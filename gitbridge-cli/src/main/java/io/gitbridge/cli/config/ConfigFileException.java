package io.gitbridge.cli.config;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.GitBridgeException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file cannot be used. Carries every problem found, not just the first, so that one
 * run of {@code gitbridge config check} explains them all; the message is those problems, one a
 * line.
 */
public final class ConfigFileException extends GitBridgeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  /**
   * @param problems at least one
   */
  public ConfigFileException(List<ConfigProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  private static String describe(List<ConfigProblem> problems) {
    requireNonNull(problems, "problems == null");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems");
    }
    return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
  }

  /** Every problem, in file order. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
