package io.gitbridge.github;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a token belongs to and which OAuth scopes it carries, as {@code GET /user} and its {@code
 * X-OAuth-Scopes} header tell: what {@code gitbridge} prints so an operator sees whether the token
 * can do what the routes need, and no more.
 *
 * <p>Fine-grained personal access tokens have permissions instead of scopes and GitHub sends no
 * scope header for them: then {@link #fineGrained()} is true, {@link #scopes()} is empty, and
 * {@link #missing} and {@link #broader} return empty sets because nothing can be told from here.
 *
 * @param login the account the token acts as
 * @param scopes the granted scopes, in GitHub's order
 * @param fineGrained whether the answer carried no scope header at all
 */
public record TokenReport(String login, List<String> scopes, boolean fineGrained) {
  /** Scopes that include others, as GitHub documents them (for example {@code repo}). */
  private static final Map<String, List<String>> IMPLIES =
      Map.of(
          "repo",
          List.of(
              "repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events"),
          "admin:org",
          List.of("write:org", "read:org"),
          "write:org",
          List.of("read:org"),
          "admin:repo_hook",
          List.of("write:repo_hook", "read:repo_hook"),
          "write:repo_hook",
          List.of("read:repo_hook"),
          "user",
          List.of("read:user", "user:email", "user:follow"));

  public TokenReport {
    requireNonNull(login, "login == null");
    scopes = List.copyOf(scopes);
  }

  /**
   * Reads the {@code X-OAuth-Scopes} header value ({@code "repo, read:org"}); {@code null} means
   * the header was absent (a fine-grained token).
   */
  public static TokenReport of(String login, String scopesHeader) {
    if (scopesHeader == null) {
      return new TokenReport(login, List.of(), true);
    }
    List<String> scopes =
        Arrays.stream(scopesHeader.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    return new TokenReport(login, scopes, false);
  }

  /** The needed scopes this token lacks, counting scopes that include others. */
  public Set<String> missing(Set<String> needed) {
    Set<String> out = new TreeSet<>();
    if (fineGrained) {
      return out;
    }
    Set<String> granted = closure(scopes);
    for (String scope : needed) {
      if (!granted.contains(scope)) {
        out.add(scope);
      }
    }
    return out;
  }

  /** The granted scopes that none of the needed ones covers: what the token could give up. */
  public Set<String> broader(Set<String> needed) {
    Set<String> out = new TreeSet<>();
    if (fineGrained) {
      return out;
    }
    Set<String> covered = closure(needed);
    for (String scope : scopes) {
      if (!covered.contains(scope)) {
        out.add(scope);
      }
    }
    return out;
  }

  private static Set<String> closure(Iterable<String> scopes) {
    Set<String> out = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>();
    scopes.forEach(todo::add);
    while (!todo.isEmpty()) {
      String scope = todo.pop();
      if (out.add(scope)) {
        todo.addAll(IMPLIES.getOrDefault(scope, List.of()));
      }
    }
    return out;
  }
}
