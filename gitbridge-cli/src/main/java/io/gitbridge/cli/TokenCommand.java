package io.gitbridge.cli;

import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code gitbridge token}: groups the token tools; needs a subcommand. */
@Command(
    name = "token",
    description = "Checks the GitHub token.",
    subcommands = {TokenCommand.Check.class})
final class TokenCommand {
  @ParentCommand private GitBridgeCommand root;

  /**
   * {@code gitbridge token check [--config FILE]}: who the token is, its scopes, what the routes
   * need; exit 1 when a needed scope is missing. The same report {@code serve} makes at start.
   */
  @Command(name = "check", description = "Reports the token's scopes against what the routes need.")
  static final class Check implements Callable<Integer> {
    @ParentCommand private TokenCommand parent;

    @Mixin private GitHubAccess access;

    @Override
    public Integer call() {
      GitHubAccess.Access opened = access.open(parent.root);
      try {
        Set<String> needed =
            opened.settings() == null
                ? new java.util.TreeSet<>(RouteScopes.EXPECTED)
                : RouteScopes.needed(opened.settings().routes());
        Set<String> missing =
            TokenCheck.report(opened.client().tokenReport(), needed, parent.root.out());
        return missing.isEmpty() ? 0 : 1;
      } finally {
        opened.client().close();
      }
    }
  }
}
