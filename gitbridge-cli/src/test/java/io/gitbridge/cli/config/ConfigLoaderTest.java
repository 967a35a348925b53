package io.gitbridge.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String FILE = ConfigProblems.FILE;

  private final ConfigLoader loader = new ConfigLoader(Map.of(), () -> "generated");

  private static List<String> problems(ConfigLoader loader, String yaml) {
    return ConfigProblems.of(loader, yaml);
  }

  private List<String> problems(String yaml) {
    return problems(loader, yaml);
  }

  @Test
  void readsEveryKey() {
    String yaml =
        String.join(
            "\n",
            "server:",
            "  host: 0.0.0.0",
            "  port: 9090",
            "  webhook_path: /hooks/github",
            "admin:",
            "  token: admin-secret",
            "  read_token: reader-secret",
            "queue:",
            "  type: redis",
            "  redis_url: redis://:pw@redis.internal:6380/2",
            "  max_size: 500",
            "  timeout: 45s",
            "  workers: 8",
            "  data_dir: /var/lib/gitbridge",
            "  retry_policy:",
            "    max_retries: 5",
            "    base_delay: 500ms",
            "    max_delay: 1h",
            "github:",
            "  token: ghp_example",
            "  api_version: 2022-11-28",
            "  api_url: https://github.example.com/api/v3",
            "  webhook_secret: first",
            "  webhook_secrets: [second, first]",
            "  dry_run: true",
            "metrics:",
            "  latency_target: 250ms",
            "  queue_depth_warning: 50",
            "  health_check_interval: 1m",
            "security:",
            "  rate_limit:",
            "    per_address: 2.5",
            "    global: 0",
            "    burst: 7",
            "notifications:",
            "  url: https://hooks.example.com/alert",
            "routes:",
            "  - on: [pull_request.opened]",
            "    tasks:",
            "      - log",
            "");
    GitBridgeConfig config = loader.parse(FILE, yaml, true);

    assertThat(config.server()).isEqualTo(new ServerConfig("0.0.0.0", 9090, "/hooks/github"));
    assertThat(config.admin()).isEqualTo(new AdminConfig("admin-secret", "reader-secret", false));
    QueueConfig queue = config.queue();
    assertThat(queue.type()).isEqualTo(QueueType.REDIS);
    assertThat(queue.redisUrl()).isEqualTo("redis://:pw@redis.internal:6380/2");
    assertThat(queue.maxSize()).isEqualTo(500);
    assertThat(queue.timeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(queue.workers()).isEqualTo(8);
    assertThat(queue.dataDir()).isEqualTo(Path.of("/var/lib/gitbridge"));
    assertThat(queue.retryPolicy())
        .isEqualTo(new RetryConfig(5, Duration.ofMillis(500), Duration.ofHours(1)));
    assertThat(queue.retryPolicy().toRetryPolicy().maxRetries()).isEqualTo(5);
    GitHubConfig github = config.github();
    assertThat(github.token()).isEqualTo("ghp_example");
    assertThat(github.apiVersion()).isEqualTo("2022-11-28");
    assertThat(github.apiUrl()).isEqualTo(URI.create("https://github.example.com/api/v3"));
    assertThat(github.webhookSecrets()).containsExactly("first", "second");
    assertThat(github.dryRun()).isTrue();
    assertThat(github.webhookSecretGenerated()).isFalse();
    assertThat(config.metrics())
        .isEqualTo(new MetricsConfig(Duration.ofMillis(250), 50, Duration.ofMinutes(1)));
    assertThat(config.security().rateLimit()).isEqualTo(new RateLimitConfig(2.5, 0, 7));
    assertThat(config.notifications().target())
        .contains(URI.create("https://hooks.example.com/alert"));
    assertThat(config.routes().get(0).get("tasks").get(0).asText()).isEqualTo("log");
    assertThat(config.origin().name()).isEqualTo(FILE);
    assertThat(config.origin().lineOf("queue.retry_policy.base_delay")).isEqualTo(17);
  }

  @Test
  void leftOutKeysTakeTheirDefaults() {
    GitBridgeConfig config = loader.parse(FILE, "github:\n  webhook_secret: s\n", true);

    assertThat(config.server()).isEqualTo(ServerConfig.DEFAULT);
    assertThat(config.queue()).isEqualTo(QueueConfig.DEFAULT);
    assertThat(config.metrics()).isEqualTo(MetricsConfig.DEFAULT);
    assertThat(config.security()).isEqualTo(SecurityConfig.DEFAULT);
    assertThat(config.notifications()).isEqualTo(NotificationsConfig.NONE);
    assertThat(config.notifications().target()).isEmpty();
    assertThat(config.github().token()).isNull();
    assertThat(config.github().dryRun()).as("dry run without a token").isTrue();
    assertThat(config.github().apiUrl()).isEqualTo(GitHubConfig.DEFAULT_API_URL);
    assertThat(config.github().apiVersion()).isEqualTo(GitHubConfig.DEFAULT_API_VERSION);
    assertThat(config.routes().isNull()).isTrue();
    assertThat(config.admin().token()).isEqualTo("generated");
    assertThat(config.admin().tokenGenerated()).isTrue();
    assertThat(config.admin().readToken()).isNull();
  }

  @Test
  void tokenTurnsDryRunOffUnlessItIsAskedFor() {
    String base = "github:\n  webhook_secret: s\n  token: t\n";
    assertThat(loader.parse(FILE, base, true).github().dryRun()).isFalse();
    assertThat(loader.parse(FILE, base + "  dry_run: true\n", true).github().dryRun()).isTrue();
  }

  @Test
  void embeddedDefaultGeneratesSecretAndAdminToken() {
    GitBridgeConfig config = loader.defaults();

    assertThat(config.origin().name()).isEqualTo(ConfigLoader.EMBEDDED_DEFAULT);
    assertThat(config.github().webhookSecrets()).containsExactly("generated");
    assertThat(config.github().webhookSecretGenerated()).isTrue();
    assertThat(config.admin().tokenGenerated()).isTrue();
    assertThat(config.github().dryRun()).isTrue();
  }

  @Test
  void generatedSecretsAreRandomAndLong() {
    ConfigLoader real = new ConfigLoader(Map.of());
    GitBridgeConfig first = real.defaults();
    GitBridgeConfig second = real.defaults();

    assertThat(first.admin().token()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(first.admin().token()).isNotEqualTo(second.admin().token());
    assertThat(first.github().webhookSecrets())
        .doesNotContainAnyElementsOf(second.github().webhookSecrets());
  }

  @Test
  void adminTokenComesFromTheEnvironmentWhenTheFileHasNone() {
    ConfigLoader withEnv =
        new ConfigLoader(Map.of(AdminConfig.TOKEN_ENV, "from-env"), () -> "generated");
    AdminConfig admin = withEnv.parse(FILE, "github:\n  webhook_secret: s\n", true).admin();

    assertThat(admin.token()).isEqualTo("from-env");
    assertThat(admin.tokenGenerated()).isFalse();
    assertThat(withEnv.parse(FILE, "admin:\n  token: file\ngithub:\n  webhook_secret: s\n", true))
        .extracting(c -> c.admin().token())
        .isEqualTo("file");
  }

  @Test
  void environmentIsSubstitutedWithDefaults() {
    ConfigLoader withEnv =
        new ConfigLoader(Map.of("SECRET", "from-env", "PORT", "9001"), () -> "generated");
    GitBridgeConfig config =
        withEnv.parse(
            FILE,
            "server:\n  port: ${PORT}\n  host: ${HOST:-0.0.0.0}\n"
                + "github:\n  webhook_secret: \"${SECRET}\"\n  token: ${TOKEN:-}\n",
            true);

    assertThat(config.server().port()).isEqualTo(9001);
    assertThat(config.server().host()).isEqualTo("0.0.0.0");
    assertThat(config.github().webhookSecrets()).containsExactly("from-env");
    assertThat(config.github().token()).as("empty default means unset").isNull();
  }

  @Test
  void secretsListAloneIsEnough() {
    GitBridgeConfig config =
        loader.parse(FILE, "github:\n  webhook_secrets:\n    - a\n    - b\n", true);
    assertThat(config.github().webhookSecrets()).containsExactly("a", "b");
  }

  @Test
  void quotedNumbersAndBooleansAreAccepted() {
    GitBridgeConfig config =
        loader.parse(
            FILE,
            "server:\n  port: \"8081\"\nqueue:\n  timeout: 90\n"
                + "github:\n  webhook_secret: 0x1F\n  dry_run: \"TRUE\"\n"
                + "security:\n  rate_limit:\n    global: \"2.5\"\n",
            true);
    assertThat(config.server().port()).isEqualTo(8081);
    assertThat(config.queue().timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.github().webhookSecrets()).as("secret as written").containsExactly("0x1F");
    assertThat(config.github().dryRun()).isTrue();
    assertThat(config.security().rateLimit().global()).isEqualTo(2.5);
  }

  @Test
  void singleSecretGivenAsListEntryIsNotRepeated() {
    GitBridgeConfig config =
        loader.parse(FILE, "github:\n  webhook_secret: a\n  webhook_secrets: a\n", true);
    assertThat(config.github().webhookSecrets()).containsExactly("a");
  }

  @Test
  void blankValuesMeanNotSet() {
    GitBridgeConfig config =
        loader.parse(
            FILE,
            "server:\n  port: \"\"\n  host: ''\ngithub:\n  webhook_secret: s\n  dry_run:\n"
                + "  token: \"  \"\nqueue:\n  timeout: ''\n",
            true);
    assertThat(config.server()).isEqualTo(ServerConfig.DEFAULT);
    assertThat(config.github().token()).isNull();
    assertThat(config.github().dryRun()).isTrue();
    assertThat(config.queue().timeout()).isEqualTo(QueueConfig.DEFAULT_TIMEOUT);
  }

  @Test
  void yesNoOnOffAreWordsNotBooleans() {
    GitBridgeConfig config =
        loader.parse(
            FILE,
            "github:\n  webhook_secret: s\nroutes:\n  - on: push\n"
                + "    tasks:\n      - label: { add: [no, on] }\n",
            true);
    assertThat(config.routes().at("/0/tasks/0/label/add/0").isTextual()).isTrue();
    assertThat(problems("github:\n  webhook_secret: s\n  dry_run: yes\n"))
        .containsExactly(FILE + ":3: github.dry_run: expected true or false, got \"yes\"");
  }

  @Test
  void forwardRoutesAreAcceptedAndTheirOptionsChecked() {
    GitBridgeConfig config =
        loader.parse(
            FILE,
            "github:\n  webhook_secret: s\nroutes:\n  - on: push\n"
                + "    tasks:\n      - forward: { url: \"https://ci.example.com/hook\" }\n",
            true);
    assertThat(config.routes().at("/0/tasks/0/forward/url").asText())
        .isEqualTo("https://ci.example.com/hook");
    assertThat(
            problems(
                "github:\n  webhook_secret: s\nroutes:\n  - on: push\n"
                    + "    tasks:\n      - forward: { url: \"ftp://ci.example.com\" }\n"))
        .singleElement()
        .asString()
        .contains("routes[0].tasks[0].forward.url: must be an http or https URL");
  }

  @Test
  void anchorsAndAliasesAreExpanded() {
    GitBridgeConfig config =
        loader.parse(
            FILE,
            String.join(
                "\n",
                "github:",
                "  webhook_secrets: &secrets [s3, other]",
                "routes:",
                "  - on: push",
                "    tasks: &common",
                "      - log",
                "  - on: issues",
                "    tasks: *common",
                ""),
            true);
    assertThat(config.github().webhookSecrets()).containsExactly("s3", "other");
    assertThat(config.routes().get(1).get("tasks")).isEqualTo(config.routes().get(0).get("tasks"));
    assertThat(config.origin().has("routes[1].tasks")).isTrue();
    assertThat(config.origin().has("routes[1].tasks[0]")).isFalse();
  }

  @Test
  void toStringHidesSecrets() {
    GitBridgeConfig config =
        loader.parse(
            FILE,
            "admin:\n  token: adm1n\n  read_token: r3ad\n"
                + "queue:\n  redis_url: redis://:hunter2@h:6379\n"
                + "github:\n  token: ghp_t0ken\n  webhook_secret: wh00k\n"
                + "notifications:\n  url: https://hooks.example.com/T0KEN\n",
            true);
    assertThat(config.toString())
        .doesNotContain("adm1n", "r3ad", "hunter2", "ghp_t0ken", "wh00k", "T0KEN")
        .contains("redis://:***@h:6379/0", "hooks.example.com");
  }

  @Test
  void loadsFromAFileAndNamesTheFileAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gb.yaml");
    Files.writeString(file, "github:\n  webhook_secret: s\nserver:\n  port: nope\n");

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(file + ":4: server.port: expected a whole number, got \"nope\"");
    Files.writeString(file, "github:\n  webhook_secret: s\n");
    assertThat(loader.load(file).github().webhookSecrets()).containsExactly("s");
  }
}
