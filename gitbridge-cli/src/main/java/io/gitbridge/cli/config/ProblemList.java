package io.gitbridge.cli.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems in a file; the first one reported for a key wins, later ones add nothing. */
final class ProblemList {
  private final String source;
  private final List<ConfigProblem> problems = new ArrayList<>();

  ProblemList(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  void add(int line, String key, String message) {
    String shown = key.isEmpty() ? "(document)" : key;
    if (problems.stream().noneMatch(p -> p.key().equals(shown))) {
      problems.add(new ConfigProblem(source, line, shown, message));
    }
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /** In file order; problems without a line come last. */
  List<ConfigProblem> sorted() {
    List<ConfigProblem> out = new ArrayList<>(problems);
    out.sort(Comparator.comparingInt(p -> p.line() == 0 ? Integer.MAX_VALUE : p.line()));
    return out;
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ConfigFileException(sorted());
    }
  }
}
