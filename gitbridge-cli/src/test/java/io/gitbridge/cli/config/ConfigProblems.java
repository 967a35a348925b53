package io.gitbridge.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Parses a configuration that must be wrong and returns its problems as they print. */
final class ConfigProblems {
  /** The file name problems are reported against. */
  static final String FILE = "webhook_config.yaml";

  private ConfigProblems() {}

  /** The problems of {@code yaml}, one per line of the error; fails if there are none. */
  static List<String> of(ConfigLoader loader, String yaml) {
    try {
      loader.parse(FILE, yaml, true);
    } catch (ConfigFileException e) {
      assertThat(e.getMessage().lines()).hasSize(e.problems().size());
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("expected problems in:\n" + yaml);
  }
}
