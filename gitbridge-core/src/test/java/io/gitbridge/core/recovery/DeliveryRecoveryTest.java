package io.gitbridge.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.github.GitHubApiException;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.core.github.GitHubResponse;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.internal.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryRecoveryTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private final RecordingGitHubApi gitHub = new RecordingGitHubApi();
  private final DeliveryRecovery recovery =
      new DeliveryRecovery(gitHub, Clock.fixed(NOW, ZoneOffset.UTC));

  private static String delivery(long id, String guid, int status, String at) {
    return "{\"id\":"
        + id
        + ",\"guid\":\""
        + guid
        + "\",\"delivered_at\":\""
        + at
        + "\",\"redelivery\":false,\"duration\":0.2,\"status\":\"x\",\"status_code\":"
        + status
        + ",\"event\":\"pull_request\",\"action\":\"opened\"}";
  }

  @Test
  void redeliversOnlyDeliveriesThatNeverGotA2xxWithinTheWindow() {
    String page1 =
        "["
            + delivery(11, "ok", 202, "2026-12-04T11:00:00Z")
            + ","
            + delivery(12, "down", 502, "2026-12-04T10:00:00Z")
            + ","
            + delivery(13, "timeout", 0, "2026-12-04T09:00:00Z")
            + "]";
    String page2 =
        "["
            + delivery(14, "down", 503, "2026-12-04T08:00:00Z")
            + ","
            + delivery(15, "retried-ok", 200, "2026-12-04T07:30:00Z")
            + ","
            + delivery(16, "retried-ok", 500, "2026-12-04T07:00:00Z")
            + ","
            + delivery(17, "too-old", 500, "2026-12-03T11:00:00Z")
            + "]";
    gitHub.answer(
        r -> {
          if (r.endpoint() == GitHubEndpoint.LIST_REPO_WEBHOOK_DELIVERIES) {
            boolean first = !r.query().containsKey("cursor");
            return new GitHubResponse(
                200,
                Json.parse(first ? page1 : page2),
                first
                    ? Map.of(
                        "Link",
                        "<https://api.github.com/repos/o/r/hooks/9/deliveries?per_page=100&cursor=v1_abc%3D>; rel=\"next\"")
                    : Map.of());
          }
          return new GitHubResponse(202, null);
        });

    RecoveryReport report = recovery.recover(HookRef.parse("o/r/9"), Duration.ofHours(6), false);

    assertThat(report.failed()).containsExactly("down", "timeout");
    assertThat(report.redelivered()).containsExactly("down", "timeout");
    assertThat(report.attemptsListed()).isEqualTo(6);
    assertThat(report.deliveries()).isEqualTo(4);
    assertThat(gitHub.requests())
        .extracting(GitHubRequest::toString)
        .containsExactly(
            "GET /repos/o/r/hooks/9/deliveries?per_page=100",
            "GET /repos/o/r/hooks/9/deliveries?cursor=v1_abc%3D&per_page=100",
            "POST /repos/o/r/hooks/9/deliveries/12/attempts",
            "POST /repos/o/r/hooks/9/deliveries/13/attempts");
  }

  @Test
  void dryRunOnlyReportsAndRefusalsAreCollected() {
    String page = "[" + delivery(1, "a", 500, "2026-12-04T11:00:00Z") + "]";
    gitHub.answer(
        r -> {
          if (r.endpoint() == GitHubEndpoint.LIST_ORG_WEBHOOK_DELIVERIES) {
            return new GitHubResponse(200, Json.parse(page));
          }
          throw new GitHubApiException(
              "POST", r.path(), 422, "Hook is disabled", false, null, null);
        });
    HookRef org = HookRef.parse("acme/77");
    RecoveryReport dry = recovery.recover(org, Duration.ofDays(10), true);
    assertThat(dry.failed()).containsExactly("a");
    assertThat(dry.redelivered()).isEmpty();
    assertThat(gitHub.requests()).hasSize(1);
    assertThat(gitHub.requests().get(0).path())
        .isEqualTo("/orgs/acme/hooks/77/deliveries?per_page=100");

    RecoveryReport refused = recovery.recover(org, Duration.ofHours(2), false);
    assertThat(refused.errors()).singleElement().asString().contains("Hook is disabled");
  }

  @Test
  void hookReferencesParseRepositoryAndOrganizationForms() {
    assertThat(HookRef.parse("o/r/9")).isEqualTo(new HookRef("o", "r", 9)).hasToString("o/r/9");
    assertThat(HookRef.parse("acme/77")).hasToString("acme/77");
    assertThatThrownBy(() -> HookRef.parse("o/r/x")).hasMessageContaining("OWNER/REPO/HOOK_ID");
    assertThatThrownBy(() -> HookRef.parse("nohook")).hasMessageContaining("ORG/HOOK_ID");
    assertThatThrownBy(() -> new HookRef("o", null, 0)).hasMessageContaining("positive");
  }

  @Test
  void cursorIsReadFromTheNextLink() {
    assertThat(DeliveryRecovery.cursorOf(null)).isNull();
    assertThat(DeliveryRecovery.cursorOf("https://x/y")).isNull();
    assertThat(DeliveryRecovery.cursorOf("https://x/y?per_page=1")).isNull();
    assertThat(
            new GitHubResponse(200, null, Map.of("link", "<https://x?page=2>; rel=\"last\""))
                .nextPageUrl())
        .isNull();
  }
}
