package io.gitbridge.core.github;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** A repository's {@code owner/name}, as GitHub spells it. */
public record RepositoryName(String owner, String name) {
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

  public RepositoryName {
    requireNonNull(owner, "owner == null");
    requireNonNull(name, "name == null");
    if (!PART.matcher(owner).matches() || !PART.matcher(name).matches()) {
      throw new IllegalArgumentException("not a repository name: '" + owner + "/" + name + "'");
    }
  }

  /** Parses {@code owner/name}. */
  public static RepositoryName parse(String fullName) {
    requireNonNull(fullName, "fullName == null");
    int slash = fullName.indexOf('/');
    if (slash < 0 || slash != fullName.lastIndexOf('/')) {
      throw new IllegalArgumentException("not a repository name (owner/name): '" + fullName + "'");
    }
    return new RepositoryName(fullName.substring(0, slash), fullName.substring(slash + 1));
  }

  @Override
  public String toString() {
    return owner + "/" + name;
  }
}
