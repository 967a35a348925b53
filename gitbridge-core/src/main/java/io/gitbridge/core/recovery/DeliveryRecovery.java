package io.gitbridge.core.recovery;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.github.GitHubApi;
import io.gitbridge.core.github.GitHubApiException;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.core.github.GitHubResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks GitHub to redeliver what it could not deliver. GitHub does not retry a failed delivery; it
 * keeps each one for three days. This lists a hook's deliveries newer than a window, groups the
 * attempts by delivery GUID, and redelivers every GUID none of whose attempts got a 2xx answer (a
 * 5xx, a timeout, a refused connection: an event GitBridge never accepted).
 *
 * <p>Redeliveries go one at a time through the {@link GitHubApi}, which paces mutating requests and
 * honours rate limits. A GUID that GitBridge did accept is never redelivered, and if one were, the
 * queue's dedupe would drop it: recovery is safe to run as often as wanted.
 */
public final class DeliveryRecovery {
  /** GitHub keeps deliveries for three days; looking further back finds nothing. */
  public static final Duration MAX_WINDOW = Duration.ofDays(3);

  static final int PAGE_SIZE = 100;
  static final int MAX_PAGES = 100;

  private static final Logger log = LoggerFactory.getLogger(DeliveryRecovery.class);

  private final GitHubApi gitHub;
  private final Clock clock;

  public DeliveryRecovery(GitHubApi gitHub, Clock clock) {
    this.gitHub = requireNonNull(gitHub, "gitHub == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  /**
   * Finds the failed deliveries of {@code hook} in the last {@code since} and, unless {@code
   * dryRun}, asks GitHub to redeliver each.
   */
  public RecoveryReport recover(HookRef hook, Duration since, boolean dryRun) {
    requireNonNull(hook, "hook == null");
    Instant cutoff = clock.instant().minus(since.compareTo(MAX_WINDOW) > 0 ? MAX_WINDOW : since);
    Map<String, List<Attempt>> byGuid = new LinkedHashMap<>();
    int listed = 0;
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("per_page", Integer.toString(PAGE_SIZE));
      if (cursor != null) {
        query.put("cursor", cursor);
      }
      GitHubResponse answer =
          gitHub.execute(
              new GitHubRequest(hook.listEndpoint(), hook.pathParameters(), query, null));
      boolean older = false;
      for (JsonNode d : answer.body()) {
        Instant at = instant(d.path("delivered_at").asText());
        if (at == null || at.isBefore(cutoff)) {
          older = true;
          continue;
        }
        listed++;
        Attempt attempt =
            new Attempt(
                d.path("id").asText(),
                d.path("guid").asText(),
                d.path("event").asText(),
                d.path("status_code").asInt(0),
                at);
        byGuid.computeIfAbsent(attempt.guid(), g -> new ArrayList<>()).add(attempt);
      }
      cursor = cursorOf(answer.nextPageUrl());
      if (older || cursor == null) {
        break;
      }
    }
    List<Attempt> failed =
        byGuid.values().stream()
            .filter(attempts -> attempts.stream().noneMatch(Attempt::succeeded))
            .map(attempts -> Collections.max(attempts, Comparator.comparing(Attempt::at)))
            .toList();
    List<String> redelivered = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Attempt a : failed) {
      if (dryRun) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>(hook.pathParameters());
      params.put("delivery_id", a.id());
      try {
        gitHub.execute(new GitHubRequest(hook.redeliverEndpoint(), params, null));
        redelivered.add(a.guid());
        log.info(
            "asked GitHub to redeliver {} {} (last answer {})", a.event(), a.guid(), a.status());
      } catch (GitHubApiException e) {
        errors.add(a.guid() + ": " + e.getMessage());
        log.warn("could not redeliver {}: {}", a.guid(), e.getMessage());
      }
    }
    return new RecoveryReport(
        listed,
        byGuid.size(),
        failed.stream().map(Attempt::guid).toList(),
        List.copyOf(redelivered),
        List.copyOf(errors));
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The {@code cursor} query parameter of GitHub's next-page link. */
  static String cursorOf(String nextUrl) {
    if (nextUrl == null) {
      return null;
    }
    String query = URI.create(nextUrl).getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("cursor=")) {
        return java.net.URLDecoder.decode(
            pair.substring("cursor=".length()), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** One attempt at one delivery, as GitHub lists it. */
  private record Attempt(String id, String guid, String event, int status, Instant at) {
    boolean succeeded() {
      return status >= 200 && status < 300;
    }
  }
}
