package io.gitbridge.cli;

import io.gitbridge.github.TokenReport;
import java.io.PrintWriter;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a token's scopes with what the routes need: missing scopes are an error (the first call
 * would fail with 403 or 404 anyway, hours later), scopes beyond the setup guide's are a warning
 * (least privilege), a fine-grained token is reported as such.
 */
final class TokenCheck {
  private TokenCheck() {}

  /**
   * Prints the report to {@code out}; returns the missing scopes (empty when the token will do).
   */
  static Set<String> report(TokenReport token, Set<String> needed, PrintWriter out) {
    out.println("token of " + token.login());
    if (token.fineGrained()) {
      out.println(
          "fine-grained token: GitHub lists no scopes for it; give it the repository permissions"
              + " the routes need (contents, statuses, checks, issues, pull requests, actions)");
      return Set.of();
    }
    out.println(
        "scopes: " + (token.scopes().isEmpty() ? "(none)" : String.join(", ", token.scopes())));
    out.println(
        "needed by the routes: " + (needed.isEmpty() ? "(none)" : String.join(", ", needed)));
    Set<String> allowed = new TreeSet<>(needed);
    allowed.addAll(RouteScopes.EXPECTED);
    Set<String> broader = token.broader(allowed);
    if (!broader.isEmpty()) {
      out.println(
          "warning: broader than needed: "
              + String.join(", ", broader)
              + " (least privilege: drop them)");
    }
    Set<String> missing = token.missing(needed);
    if (!missing.isEmpty()) {
      out.println("missing: " + String.join(", ", missing));
    }
    out.flush();
    return missing;
  }
}
