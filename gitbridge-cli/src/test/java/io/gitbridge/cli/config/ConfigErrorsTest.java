package io.gitbridge.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem is found, named by key path and line, and never shows a secret. */
class ConfigErrorsTest {
  private static final String FILE = ConfigProblems.FILE;

  private final ConfigLoader loader = new ConfigLoader(Map.of(), () -> "generated");

  private static List<String> problems(ConfigLoader loader, String yaml) {
    return ConfigProblems.of(loader, yaml);
  }

  private List<String> problems(String yaml) {
    return problems(loader, yaml);
  }

  @Test
  void missingVariableNamesTheVariableTheKeyAndTheLine() {
    assertThat(problems("server:\n  port: 8080\ngithub:\n  webhook_secret: ${SECRET}\n"))
        .containsExactly(
            FILE
                + ":4: github.webhook_secret: ${SECRET} is not set in the environment"
                + " (write ${SECRET:-default} to give a default)");
  }

  @Test
  void wrongTypeNamesKeyAndLine() {
    assertThat(problems("github:\n  webhook_secret: s\nqueue:\n  max_size: lots\n"))
        .containsExactly(FILE + ":4: queue.max_size: expected a whole number, got \"lots\"");
  }

  @Test
  void unknownKeyNamesKeyAndLineAndSuggests() {
    assertThat(problems("github:\n  webhook_secret: s\nqueue:\n  max_sise: 10\n  colour: red\n"))
        .containsExactly(
            FILE + ":4: queue.max_sise: unknown key (did you mean 'max_size'?)",
            FILE
                + ":5: queue.colour: unknown key (expected one of: type, redis_url, max_size,"
                + " timeout, lease_timeout, retry_policy, workers, data_dir)");
  }

  @Test
  void unknownTopLevelSectionIsAProblem() {
    assertThat(problems("github:\n  webhook_secret: s\nqeueu:\n  type: memory\n"))
        .containsExactly(FILE + ":3: qeueu: unknown key (did you mean 'queue'?)");
  }

  @Test
  void missingWebhookSecretIsAProblemWhenAFileIsGiven() {
    assertThat(problems("server:\n  port: 8080\n"))
        .containsExactly(
            FILE
                + ": github.webhook_secret: is required (or github.webhook_secrets):"
                + " GitHub signs every delivery with it");
    assertThat(problems("github:\n  webhook_secret:\n"))
        .singleElement()
        .asString()
        .startsWith(FILE + ":2: github.webhook_secret: is required");
  }

  @Test
  void routeErrorFromTheCoreIsMappedToItsLine() {
    String yaml =
        String.join(
            "\n",
            "github:",
            "  webhook_secret: s",
            "routes:",
            "  - on: [pull_request.opened]",
            "    tasks:",
            "      - log",
            "      - commit-status: { context: ci,",
            "                         state: maybe }",
            "");
    assertThat(problems(yaml))
        .containsExactly(
            FILE
                + ":8: routes[0].tasks[1].commit-status.state: must be one of pending, success,"
                + " failure, error, was 'maybe'");
  }

  @Test
  void routeErrorOnAnAbsentKeyPointsAtTheNearestLine() {
    String yaml = "github:\n  webhook_secret: s\nroutes:\n  - on: push\n";
    assertThat(problems(yaml))
        .containsExactly(FILE + ":4: routes[0].tasks: must be a non-empty list");
  }

  @Test
  void routeConditionWithDottedPathIsMappedToItsLine() {
    String yaml =
        "github:\n  webhook_secret: s\nroutes:\n  - on: push\n    if:\n"
            + "      pull_request.draft: [true]\n    tasks: [log]\n";
    assertThat(problems(yaml))
        .containsExactly(
            FILE
                + ":6: routes[0].if.pull_request.draft: use {in: [...]} to match one of several"
                + " values");
  }

  @Test
  void everyProblemIsCollectedInFileOrder() {
    String yaml =
        String.join(
            "\n",
            "server:",
            "  port: 70000",
            "  webhook_path: hooks",
            "queue:",
            "  type: kafka",
            "  timeout: soon",
            "  retry_policy:",
            "    max_retries: -1",
            "metrics:",
            "  latency_target: 0s",
            "  queue_depth_warning: 1.5",
            "unknown: 1",
            "routes:",
            "  - on: push",
            "    tasks: [no-such-task]",
            "");
    assertThat(problems(yaml))
        .containsExactly(
            FILE + ":2: server.port: must be between 0 and 65535, got 70000",
            FILE + ":3: server.webhook_path: must be a path starting with '/', got \"hooks\"",
            FILE + ":5: queue.type: expected one of memory, redis, got \"kafka\"",
            FILE + ":6: queue.timeout: expected a duration like 30s, 5m, 1h or 500ms, got \"soon\"",
            FILE + ":8: queue.retry_policy.max_retries: must be between 0 and 100, got -1",
            FILE + ":10: metrics.latency_target: must be longer than 0, got \"0s\"",
            FILE + ":11: metrics.queue_depth_warning: expected a whole number, got 1.5",
            FILE
                + ":12: unknown: unknown key (expected one of: server, admin, queue, github,"
                + " metrics, security, notifications, routes)",
            FILE
                + ":15: routes[0].tasks[0]: unknown task 'no-such-task' (known: commit-status,"
                + " check-run, comment, label, dispatch-workflow, repository-dispatch, forward,"
                + " log)",
            FILE
                + ": github.webhook_secret: is required (or github.webhook_secrets):"
                + " GitHub signs every delivery with it");
  }

  @Test
  void moreTypeProblems() {
    String yaml =
        String.join(
            "\n",
            "server: [a, b]",
            "admin:",
            "  token: same",
            "  read_token: same",
            "queue:",
            "  redis_url: http://x",
            "  retry_policy:",
            "    base_delay: 1m",
            "    max_delay: 30s",
            "github:",
            "  webhook_secrets: [ok, {a: b}, '']",
            "  dry_run: maybe",
            "  api_version: v3",
            "  api_url: ftp://example.com",
            "  token: {nested: true}",
            "security:",
            "  rate_limit:",
            "    per_address: fast",
            "    global: -1",
            "notifications:",
            "  url: not a url",
            "");
    assertThat(problems(yaml))
        .containsExactly(
            FILE + ":1: server: expected a mapping of host, port, webhook_path, got a list",
            FILE + ":4: admin.read_token: must differ from admin.token",
            FILE
                + ":6: queue.redis_url: unknown scheme 'http' (redis, rediss, redis-sentinel, rediss-sentinel)",
            FILE + ":9: queue.retry_policy.max_delay: must not be shorter than base_delay",
            FILE + ":11: github.webhook_secrets[1]: expected a string, got a mapping",
            FILE + ":11: github.webhook_secrets[2]: must not be blank",
            FILE + ":12: github.dry_run: expected true or false, got \"maybe\"",
            FILE + ":13: github.api_version: expected a date like 2022-11-28, got \"v3\"",
            FILE
                + ":14: github.api_url: expected a URL like https://host:port, got"
                + " \"ftp://example.com\"",
            FILE + ":15: github.token: expected a single value, got a mapping",
            FILE + ":18: security.rate_limit.per_address: expected a number, got \"fast\"",
            FILE + ":19: security.rate_limit.global: must be at least 0, got -1",
            FILE + ":21: notifications.url: expected a URL like https://host:port");
  }

  @Test
  void dryRunOffWithoutTokenIsAProblem() {
    assertThat(problems("github:\n  webhook_secret: s\n  dry_run: false\n"))
        .containsExactly(
            FILE + ":3: github.dry_run: false needs github.token or github.app_id to call GitHub");
  }

  @Test
  void unknownAliasIsAProblem() {
    assertThat(problems("github:\n  webhook_secret: &s s\nserver:\n  host: *s\n"))
        .containsExactly(
            FILE + ":4: server.host: unknown alias *s (anchors work on mappings and lists only)");
  }

  @Test
  void duplicateKeyIsAProblem() {
    assertThat(problems("github:\n  webhook_secret: a\n  webhook_secret: b\n"))
        .containsExactly(FILE + ":3: github.webhook_secret: duplicate key");
  }

  @Test
  void yamlSyntaxErrorNamesItsLine() {
    assertThat(problems("github:\n  webhook_secret: a\n   bad: [\n"))
        .singleElement()
        .asString()
        .startsWith(FILE + ":3: (yaml): invalid YAML:");
  }

  @Test
  void documentThatIsNotAMappingIsAProblem() {
    assertThat(problems("- a\n- b\n"))
        .first()
        .asString()
        .startsWith(FILE + ":1: (document): expected a mapping of server, admin");
  }

  @Test
  void problemsNeverShowSecretValues() {
    ConfigLoader withEnv = new ConfigLoader(Map.of("S", "top: secret #1"), () -> "generated");
    List<String> found =
        problems(
            withEnv,
            "github:\n  webhook_secret: ${S}\n"
                + "queue:\n  redis_url: redis-cluster://user:hunter2@h\n");
    assertThat(String.join("\n", found)).doesNotContain("hunter2").doesNotContain("secret #1");
    assertThat(found).hasSize(2);
  }

  @Test
  void unreadableFileIsAProblem(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml")))
        .hasMessage(dir.resolve("missing.yaml") + ": (file): no such file");
    Path binary = dir.resolve("binary.yaml");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
    assertThatThrownBy(() -> loader.load(binary)).hasMessageEndingWith("is not UTF-8 text");
    assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining(": (file): cannot be read");
  }
}
