package io.gitbridge.github.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.github.GitHubApiException;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Installation access tokens of a GitHub App, fetched with the App's JWT, cached per installation
 * and renewed {@link #RENEW_BEFORE} before they expire (GitHub's last an hour).
 *
 * <p>Thread-safe. One fetch at a time per installation: threads needing the same installation's
 * token wait for the fetch in progress; other installations are not held up.
 */
public final class InstallationTokens {
  /** How long before {@code expires_at} a cached token is replaced. */
  public static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private final GitHubCaller caller;
  private final Credential app;
  private final Clock clock;
  private final Map<Long, CachedToken> tokens = new ConcurrentHashMap<>();
  private final Map<Long, Object> locks = new ConcurrentHashMap<>();

  public InstallationTokens(GitHubCaller caller, Credential app, Clock clock) {
    this.caller = requireNonNull(caller, "caller == null");
    this.app = requireNonNull(app, "app == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  /** A token for {@code installationId} with at least {@link #RENEW_BEFORE} left. */
  public String token(long installationId) {
    CachedToken cached = tokens.get(installationId);
    if (cached != null && fresh(cached)) {
      return cached.token();
    }
    synchronized (locks.computeIfAbsent(installationId, id -> new Object())) {
      cached = tokens.get(installationId);
      if (cached == null || !fresh(cached)) {
        cached = fetch(installationId);
        tokens.put(installationId, cached);
      }
      return cached.token();
    }
  }

  /** Forgets the cached token (GitHub refused it). */
  public void invalidate(long installationId) {
    tokens.remove(installationId);
  }

  private boolean fresh(CachedToken cached) {
    return clock.instant().isBefore(cached.expiresAt().minus(RENEW_BEFORE));
  }

  private CachedToken fetch(long installationId) {
    GitHubRequest request =
        new GitHubRequest(
            GitHubEndpoint.CREATE_INSTALLATION_ACCESS_TOKEN,
            Map.of("installation_id", Long.toString(installationId)),
            null);
    Answer answer = caller.call(request, app);
    JsonNode body = answer.json();
    String token = body.path("token").asText("");
    try {
      Instant expiresAt = Instant.parse(body.path("expires_at").asText(""));
      if (!token.isEmpty()) {
        return new CachedToken(token, expiresAt);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new GitHubApiException(
        request.method(),
        request.path(),
        answer.status(),
        "answer lacks token or expires_at",
        true,
        Duration.ZERO,
        null);
  }

  private record CachedToken(String token, Instant expiresAt) {
    @Override
    public String toString() {
      return "CachedToken[expiresAt=" + expiresAt + "]";
    }
  }
}
