package io.gitbridge.cli.config;

import static java.util.Objects.requireNonNull;

import io.gitbridge.github.GitHubAppCredentials;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code github:} section: how to call GitHub and how to check its signatures. Immutable;
 * {@link #toString()} hides the token, the App's key and the secrets.
 *
 * <p>GitHub is called with either a token or a GitHub App (its id and private key), never both.
 *
 * @param token a personal access or installation token; null when none is set
 * @param app the GitHub App to call GitHub as (each event as its installation); null when none is
 *     set. Its key has been read once, so it is a readable RSA key
 * @param apiVersion sent as {@code X-GitHub-Api-Version}
 * @param apiUrl {@code https://api.github.com}, or a GitHub Enterprise API URL
 * @param webhookSecrets {@code webhook_secret} then {@code webhook_secrets}, without repeats; at
 *     least one
 * @param dryRun record GitHub calls (and log them) instead of sending them
 * @param webhookSecretGenerated no secret was configured and one was generated (only without a
 *     configuration file); {@code serve} prints it once
 */
public record GitHubConfig(
    String token,
    GitHubAppCredentials app,
    String apiVersion,
    URI apiUrl,
    List<String> webhookSecrets,
    boolean dryRun,
    boolean webhookSecretGenerated) {
  public static final String DEFAULT_API_VERSION = "2022-11-28";
  public static final URI DEFAULT_API_URL = URI.create("https://api.github.com");

  static final List<String> KEYS =
      List.of(
          "token",
          "app_id",
          "private_key_file",
          "private_key",
          "api_version",
          "api_url",
          "webhook_secret",
          "webhook_secrets",
          "dry_run");

  /**
   * @throws IllegalArgumentException if there is no secret, both a token and an App, or neither
   *     while not in dry run
   */
  public GitHubConfig {
    requireNonNull(apiVersion, "apiVersion == null");
    requireNonNull(apiUrl, "apiUrl == null");
    webhookSecrets = List.copyOf(webhookSecrets);
    if (webhookSecrets.isEmpty()) {
      throw new IllegalArgumentException("at least one webhook secret is needed");
    }
    if (token != null && app != null) {
      throw new IllegalArgumentException("a token or a GitHub App, not both");
    }
    if (token == null && app == null && !dryRun) {
      throw new IllegalArgumentException("calling GitHub needs a token or a GitHub App");
    }
  }

  @Override
  public String toString() {
    return "GitHubConfig{token="
        + (token == null ? "none" : "***")
        + ", app="
        + (app == null ? "none" : app.appId())
        + ", apiVersion="
        + apiVersion
        + ", apiUrl="
        + apiUrl
        + ", webhookSecrets="
        + webhookSecrets.size()
        + ", dryRun="
        + dryRun
        + "}";
  }

  /**
   * @param secretRequired whether a missing webhook secret is a problem (with a file) or is
   *     generated (the embedded default)
   */
  static GitHubConfig read(ConfigReader r, boolean secretRequired, Supplier<String> generator) {
    r.mapping("github", KEYS);
    String token = r.string("github.token", null);
    boolean appConfigured = r.node("github.app_id") != null;
    GitHubAppCredentials app = GitHubAppKeys.read(r, token != null);
    String version = r.string("github.api_version", DEFAULT_API_VERSION);
    if (!version.matches("\\d{4}-\\d{2}-\\d{2}")) {
      r.problem(
          "github.api_version",
          "expected a date like "
              + DEFAULT_API_VERSION
              + ", got "
              + r.describe(r.node("github.api_version")));
      version = DEFAULT_API_VERSION;
    }
    URI apiUrl = r.url("github.api_url", DEFAULT_API_URL, List.of("https", "http"), false);
    List<String> secrets = new ArrayList<>();
    String single = r.string("github.webhook_secret", null);
    if (single != null) {
      secrets.add(single);
    }
    r.strings("github.webhook_secrets").stream()
        .filter(s -> !secrets.contains(s))
        .forEach(secrets::add);
    boolean generated = false;
    if (secrets.isEmpty()) {
      if (secretRequired) {
        r.problem(
            "github.webhook_secret",
            "is required (or github.webhook_secrets): GitHub signs every delivery with it");
      }
      secrets.add(generator.get());
      generated = !secretRequired;
    }
    boolean credentials = token != null || appConfigured;
    boolean dryRun = r.bool("github.dry_run", !credentials);
    if (!dryRun && !credentials) {
      r.problem("github.dry_run", "false needs github.token or github.app_id to call GitHub");
    }
    dryRun |= token == null && app == null; // a problem was reported: no call is made
    return new GitHubConfig(token, app, version, apiUrl, secrets, dryRun, generated);
  }
}
