package io.gitbridge.cli;

import io.gitbridge.cli.config.GitBridgeConfig;
import io.gitbridge.core.GitBridgeException;
import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.github.OkHttpGitHubApi;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How the GitHub tools ({@code token check}, {@code recover}) reach GitHub: the {@code github.*}
 * keys of {@code --config FILE}, or else {@code GITBRIDGE_TOKEN} and, for GitHub Enterprise, {@code
 * GITBRIDGE_API_URL} from the environment.
 */
final class GitHubAccess {
  static final String TOKEN_ENV = "GITBRIDGE_TOKEN";
  static final String API_URL_ENV = "GITBRIDGE_API_URL";

  @Option(names = "--config", paramLabel = "FILE", description = "Read github.* from this file.")
  Path config;

  /** The client, and the routes (for the scopes they need; empty without a file). */
  record Access(OkHttpGitHubApi client, GitBridgeConfig settings) {}

  Access open(GitBridgeCommand root) {
    if (config != null) {
      GitBridgeConfig settings = root.loader().load(config);
      if (settings.github().app() != null) {
        throw new GitBridgeException(
            config
                + " calls GitHub as a GitHub App (github.app_id): this tool needs a token; run it"
                + " without --config and with "
                + TOKEN_ENV
                + " set (an App's permissions are set on the App, not as scopes)");
      }
      return new Access(BridgeWiring.client(settings.github(), GitBridgeListener.NOOP), settings);
    }
    String token = root.env().get(TOKEN_ENV);
    if (token == null || token.isBlank()) {
      throw new GitBridgeException("set " + TOKEN_ENV + " or give --config FILE with github.token");
    }
    OkHttpGitHubApi.Builder client = OkHttpGitHubApi.builder().token(token);
    String apiUrl = root.env().get(API_URL_ENV);
    if (apiUrl != null && !apiUrl.isBlank()) {
      client.baseUrl(apiUrl);
    }
    return new Access(client.build(), null);
  }
}
