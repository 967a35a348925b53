package io.gitbridge.github;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.github.GitHubApi;
import io.gitbridge.core.github.GitHubApiSelector;
import io.gitbridge.core.github.UnavailableGitHubApi;

/**
 * Gives each event the GitHub App installation its payload names in {@code installation.id}, as
 * {@link OkHttpGitHubApi#forInstallation} views sharing one client and its token cache. Made by
 * {@link OkHttpGitHubApi#perInstallation()}.
 *
 * <p>An event without a usable {@code installation.id} gets the client's default installation when
 * one is set, otherwise an {@link UnavailableGitHubApi}: the steps that call GitHub then fail for
 * good saying why. Never calls GitHub itself (tokens are fetched on the first call). Thread-safe.
 */
final class InstallationSelector implements GitHubApiSelector {
  private final OkHttpGitHubApi app;
  private final boolean hasDefaultInstallation;

  InstallationSelector(OkHttpGitHubApi app, boolean hasDefaultInstallation) {
    this.app = requireNonNull(app, "app == null");
    this.hasDefaultInstallation = hasDefaultInstallation;
  }

  @Override
  public GitHubApi forEvent(WebhookEvent event) {
    JsonNode id = event.payload().path("installation").path("id");
    if (id.isIntegralNumber() && id.canConvertToLong() && id.longValue() > 0) {
      return app.forInstallation(id.longValue());
    }
    if (hasDefaultInstallation) {
      return app;
    }
    String problem =
        id.isMissingNode() || id.isNull()
            ? "names no installation.id"
            : "has an installation.id that is not a positive whole number";
    return new UnavailableGitHubApi(
        event.qualifiedType()
            + " "
            + event.deliveryId()
            + " "
            + problem
            + ", and GitHub App auth calls GitHub as the installation the event names"
            + " (is this webhook the App's own?)");
  }

  @Override
  public String toString() {
    return "InstallationSelector[" + app + "]";
  }
}
