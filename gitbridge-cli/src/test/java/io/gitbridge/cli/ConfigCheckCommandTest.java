package io.gitbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.cli.config.ConfigLoader;
import io.gitbridge.cli.config.ConfigOrigin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckCommandTest {
  /** The documented example at the repository root; tests run in the module directory. */
  private static final Path SHIPPED = Path.of("../webhook_config.yaml");

  @Test
  void shippedExampleIsValidWhenTheSecretIsSet() {
    Cli.Result result =
        Cli.run(
            Map.of("GITBRIDGE_WEBHOOK_SECRET", "s3cret"), "config", "check", SHIPPED.toString());

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("OK: " + SHIPPED + "\n");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void shippedExampleNamesTheMissingSecretVariable() throws Exception {
    Cli.Result result = Cli.run("config", "check", SHIPPED.toString());

    int line = lineOf(SHIPPED, "webhook_secret: \"${GITBRIDGE_WEBHOOK_SECRET}\"");
    assertThat(result.err())
        .isEqualTo(
            SHIPPED
                + ":"
                + line
                + ": github.webhook_secret: ${GITBRIDGE_WEBHOOK_SECRET} is not set in the"
                + " environment (write ${GITBRIDGE_WEBHOOK_SECRET:-default} to give a default)\n");
    assertThat(result.out()).isEmpty();
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void shippedExampleSetsEveryKey() {
    ConfigOrigin origin =
        new ConfigLoader(Map.of("GITBRIDGE_WEBHOOK_SECRET", "s")).load(SHIPPED).origin();
    List<String> keys =
        List.of(
            "server.host",
            "server.port",
            "server.webhook_path",
            "admin.token",
            "admin.read_token",
            "queue.type",
            "queue.redis_url",
            "queue.max_size",
            "queue.timeout",
            "queue.workers",
            "queue.data_dir",
            "queue.retry_policy.max_retries",
            "queue.retry_policy.base_delay",
            "queue.retry_policy.max_delay",
            "github.token",
            "github.app_id",
            "github.private_key_file",
            "github.private_key",
            "github.api_version",
            "github.api_url",
            "github.webhook_secret",
            "github.webhook_secrets",
            "github.dry_run",
            "metrics.latency_target",
            "metrics.queue_depth_warning",
            "metrics.health_check_interval",
            "security.rate_limit.per_address",
            "security.rate_limit.global",
            "security.rate_limit.burst",
            "notifications.url",
            "routes");
    assertThat(keys).allSatisfy(key -> assertThat(origin.has(key)).as(key).isTrue());
  }

  @Test
  void everyProblemIsPrinted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "queue:\n  max_size: lots\n  colour: red\n");

    Cli.Result result = Cli.run("config", "check", file.toString());

    assertThat(result.err().lines())
        .containsExactly(
            file + ":2: queue.max_size: expected a whole number, got \"lots\"",
            file
                + ":3: queue.colour: unknown key (expected one of: type, redis_url, max_size,"
                + " timeout, lease_timeout, retry_policy, workers, data_dir)",
            file
                + ": github.webhook_secret: is required (or github.webhook_secrets):"
                + " GitHub signs every delivery with it");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void missingFileIsAnError(@TempDir Path dir) {
    Cli.Result result = Cli.run("config", "check", dir.resolve("none.yaml").toString());

    assertThat(result.err()).isEqualTo(dir.resolve("none.yaml") + ": (file): no such file\n");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void configWithoutSubcommandIsAUsageError() {
    Cli.Result result = Cli.run("config");

    assertThat(result.err()).contains("Missing required subcommand").contains("check");
    assertThat(result.exitCode()).isEqualTo(2);
  }

  private static int lineOf(Path file, String text) throws Exception {
    var lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }
}
