package io.gitbridge.github;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.github.GitHubApi;
import io.gitbridge.core.github.GitHubApiException;
import io.gitbridge.core.github.GitHubApiSelector;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.core.github.GitHubResponse;
import io.gitbridge.github.internal.Answer;
import io.gitbridge.github.internal.AppJwt;
import io.gitbridge.github.internal.AppJwtCredential;
import io.gitbridge.github.internal.BearerToken;
import io.gitbridge.github.internal.Credential;
import io.gitbridge.github.internal.Exchange;
import io.gitbridge.github.internal.GitHubCaller;
import io.gitbridge.github.internal.InstallationCredential;
import io.gitbridge.github.internal.InstallationTokens;
import io.gitbridge.github.internal.PemPrivateKeys;
import java.io.Closeable;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * GitBridge's client for GitHub's REST API on api.github.com or GitHub Enterprise Server, with
 * OkHttp: the production {@link GitHubApi}.
 *
 * <p>It follows GitHub's "best practices for using the REST API": it sends {@code Authorization:
 * Bearer}, {@code Accept: application/vnd.github+json}, {@code X-GitHub-Api-Version} and a {@code
 * User-Agent}; waits out rate limits ({@code retry-after}, an exhausted {@code
 * x-ratelimit-remaining} until {@code x-ratelimit-reset}, at least a minute, doubling, after a
 * secondary limit without either); spaces mutating requests per credential; caps the requests in
 * flight; retries 5xx and network failures with exponential back-off. A wait longer than {@code
 * maxWait} is not waited: the call fails with a retryable {@link GitHubApiException} whose {@code
 * retryAfter()} tells the queue when to try the event again.
 *
 * <p>Authentication is either a personal access token ({@link Builder#token}) or a GitHub App
 * ({@link Builder#appAuth}). With an App, requests are made as one installation: the one given to
 * {@link Builder#installationId}, or the one of the view {@link #forInstallation} returns (the
 * installation id arrives in each webhook's {@code installation.id}); {@link #perInstallation()}
 * hands GitBridge a selector that does that for each event: {@code
 * GitBridge.builder().gitHubPerEvent(app.perInstallation())}.
 *
 * <p>Thread-safe; one instance serves every worker. {@link #close()} releases OkHttp's threads.
 * Neither exceptions nor {@link #toString()} ever contain a token or key.
 */
public final class OkHttpGitHubApi implements GitHubApi, Closeable {
  public static final String DEFAULT_BASE_URL = "https://api.github.com";
  public static final String DEFAULT_API_VERSION = "2022-11-28";
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 8;
  public static final Duration DEFAULT_MUTATING_REQUEST_SPACING = Duration.ofSeconds(1);
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Exchange exchange;
  private final GitHubCaller caller;
  private final BearerToken token;
  private final InstallationTokens installationTokens;
  private final Credential defaultCredential;
  private final String description;
  private volatile boolean closed;

  private OkHttpGitHubApi(Builder builder, PrivateKey appKey) {
    this.exchange = new Exchange(builder.baseUrl, builder.apiVersion, builder.callTimeout);
    this.caller =
        new GitHubCaller(
            exchange,
            builder.maxConcurrentRequests,
            builder.listener,
            builder.clock,
            builder.sleeper,
            builder.maxAttempts,
            builder.maxWait,
            builder.retryBackoff,
            builder.mutatingRequestSpacing);
    if (builder.token != null) {
      this.token = new BearerToken(builder.token);
      this.installationTokens = null;
      this.defaultCredential = token;
      this.description = "token";
    } else {
      GitHubAppCredentials app = builder.appAuth;
      AppJwt jwt = new AppJwt(app.appId(), appKey);
      this.token = null;
      this.installationTokens =
          new InstallationTokens(caller, new AppJwtCredential(jwt, builder.clock), builder.clock);
      this.defaultCredential =
          builder.installationId == null
              ? null
              : new InstallationCredential(builder.installationId, installationTokens);
      this.description =
          "GitHub App "
              + app.appId()
              + (builder.installationId == null ? "" : ", installation " + builder.installationId);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException after {@link #close()}, or with App auth and no {@link
   *     Builder#installationId} (use {@link #forInstallation})
   */
  @Override
  public GitHubResponse execute(GitHubRequest request) {
    requireNonNull(request, "request == null");
    if (defaultCredential == null) {
      throw new IllegalStateException(
          "GitHub App auth without a default installation: use forInstallation(id) or set"
              + " installationId");
    }
    return execute(request, defaultCredential);
  }

  /**
   * A view that calls GitHub as one installation of the App, sharing this client's connections,
   * limits and token cache. Cheap: create one per event from its {@code installation.id}.
   *
   * @throws IllegalStateException when this client authenticates with a token, not an App
   */
  public GitHubApi forInstallation(long installationId) {
    if (installationTokens == null) {
      throw new IllegalStateException("forInstallation needs appAuth(...), not a token");
    }
    if (installationId <= 0) {
      throw new IllegalArgumentException("installationId <= 0: " + installationId);
    }
    Credential credential = new InstallationCredential(installationId, installationTokens);
    return new GitHubApi() {
      @Override
      public GitHubResponse execute(GitHubRequest request) {
        return OkHttpGitHubApi.this.execute(requireNonNull(request, "request == null"), credential);
      }

      @Override
      public String toString() {
        return OkHttpGitHubApi.this + " as installation " + installationId;
      }
    };
  }

  /**
   * The selector for {@code GitBridge.builder().gitHubPerEvent(...)}: each event acts as the
   * installation its {@code installation.id} names, through {@link #forInstallation}; an event
   * naming none acts as the {@link Builder#installationId} when one is set, else its steps that
   * call GitHub fail for good saying so (the event is dead-lettered).
   *
   * @throws IllegalStateException when this client authenticates with a token, not an App (give
   *     GitBridge the client itself)
   */
  public GitHubApiSelector perInstallation() {
    if (installationTokens == null) {
      throw new IllegalStateException("perInstallation needs appAuth(...), not a token");
    }
    return new InstallationSelector(this, defaultCredential != null);
  }

  /**
   * Who the token is and which scopes it has, from {@code GET /user}.
   *
   * @throws IllegalStateException with App auth: installations have permissions, not scopes
   * @throws GitHubApiException when GitHub cannot be asked or refuses the token
   */
  public TokenReport tokenReport() {
    if (token == null) {
      throw new IllegalStateException("tokenReport needs a token; a GitHub App has no scopes");
    }
    checkOpen();
    Answer answer =
        caller.call(
            new GitHubRequest(GitHubEndpoint.GET_AUTHENTICATED_USER, Map.of(), null), token);
    return TokenReport.of(answer.json().path("login").asText(""), answer.header("x-oauth-scopes"));
  }

  private GitHubResponse execute(GitHubRequest request, Credential credential) {
    checkOpen();
    Answer answer = caller.call(request, credential);
    return new GitHubResponse(answer.status(), answer.json(), answer.headers());
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("OkHttpGitHubApi is closed");
    }
  }

  /** Releases OkHttp's threads and connections; later calls throw. Idempotent. */
  @Override
  public void close() {
    closed = true;
    exchange.close();
  }

  @Override
  public String toString() {
    return "OkHttpGitHubApi[" + exchange + ", " + description + "]";
  }

  /**
   * Configures an {@link OkHttpGitHubApi}: exactly one of {@link #token} and {@link #appAuth} is
   * required, everything else has a {@code DEFAULT_*}. Values are checked in {@link #build()}. Not
   * thread-safe.
   */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String token;
    private GitHubAppCredentials appAuth;
    private Long installationId;
    private String apiVersion = DEFAULT_API_VERSION;
    private GitBridgeListener listener = GitBridgeListener.NOOP;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private Duration mutatingRequestSpacing = DEFAULT_MUTATING_REQUEST_SPACING;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration maxWait = DEFAULT_MAX_WAIT;
    private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {}

    /**
     * Where the API lives: {@code https://api.github.com}, or for GitHub Enterprise Server {@code
     * https://HOST/api/v3} (the path prefix is kept).
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /** A personal access token (classic or fine-grained), sent as {@code Bearer}. */
    public Builder token(String token) {
      this.token = requireNonNull(token, "token == null");
      return this;
    }

    /** Authenticate as a GitHub App, through its installations' tokens. */
    public Builder appAuth(GitHubAppCredentials appAuth) {
      this.appAuth = requireNonNull(appAuth, "appAuth == null");
      return this;
    }

    /** With {@link #appAuth}: the installation {@link #execute} acts as (optional). */
    public Builder installationId(long installationId) {
      this.installationId = installationId;
      return this;
    }

    /** Sent as {@code X-GitHub-Api-Version}. */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = requireNonNull(apiVersion, "apiVersion == null");
      return this;
    }

    /** Told of every HTTP answer (its status, or 0 when none came). */
    public Builder listener(GitBridgeListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /** The most requests in flight at once, over all credentials. */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /** The least time between two mutating requests of one credential; zero for none. */
    public Builder mutatingRequestSpacing(Duration mutatingRequestSpacing) {
      this.mutatingRequestSpacing =
          requireNonNull(mutatingRequestSpacing, "mutatingRequestSpacing == null");
      return this;
    }

    /** How many times one request is sent at most (5xx, network failure, short rate limit). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The longest a request waits in-process; a longer wait is left to the queue's retry. */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = requireNonNull(maxWait, "maxWait == null");
      return this;
    }

    /** The first back-off after a 5xx or network failure; it doubles each attempt. */
    public Builder retryBackoff(Duration retryBackoff) {
      this.retryBackoff = requireNonNull(retryBackoff, "retryBackoff == null");
      return this;
    }

    /** The most one HTTP exchange may take, connecting to reading the body. */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = requireNonNull(callTimeout, "callTimeout == null");
      return this;
    }

    /** The clock rate-limit resets and token expiries are compared with. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** How waits are done; tests inject one that records them. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first value that is wrong, or when the App key
     *     cannot be read
     */
    public OkHttpGitHubApi build() {
      if ((token == null) == (appAuth == null)) {
        throw new IllegalArgumentException("set exactly one of token(...) and appAuth(...)");
      }
      if (token != null && !BearerToken.isWellFormed(token)) {
        throw new IllegalArgumentException("token is empty or holds spaces or control characters");
      }
      if (installationId != null && (appAuth == null || installationId <= 0)) {
        throw new IllegalArgumentException("installationId needs appAuth(...) and must be > 0");
      }
      if (!Exchange.isValidBaseUrl(baseUrl)) {
        throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
      }
      if (apiVersion.isBlank()) {
        throw new IllegalArgumentException("apiVersion is blank");
      }
      check(maxConcurrentRequests >= 1, "maxConcurrentRequests < 1: " + maxConcurrentRequests);
      check(maxAttempts >= 1, "maxAttempts < 1: " + maxAttempts);
      check(!mutatingRequestSpacing.isNegative(), "mutatingRequestSpacing < 0");
      check(!maxWait.isNegative(), "maxWait < 0");
      check(!retryBackoff.isNegative(), "retryBackoff < 0");
      check(!callTimeout.isNegative() && !callTimeout.isZero(), "callTimeout <= 0");
      PrivateKey appKey = appAuth == null ? null : PemPrivateKeys.parse(appAuth.privateKeyPem());
      return new OkHttpGitHubApi(this, appKey);
    }

    private static void check(boolean ok, String problem) {
      if (!ok) {
        throw new IllegalArgumentException(problem);
      }
    }
  }
}
