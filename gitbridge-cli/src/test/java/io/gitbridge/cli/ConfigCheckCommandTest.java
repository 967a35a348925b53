package io.gitbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
  void shippedExampleUsesEveryKey() throws Exception {
    String text = Files.readString(SHIPPED);
    for (String key :
        new String[] {
          "host:",
          "port:",
          "webhook_path:",
          "token:",
          "read_token:",
          "type:",
          "redis_url:",
          "max_size:",
          "timeout:",
          "workers:",
          "data_dir:",
          "retry_policy:",
          "max_retries:",
          "base_delay:",
          "max_delay:",
          "api_version:",
          "api_url:",
          "webhook_secret:",
          "webhook_secrets:",
          "dry_run:",
          "latency_target:",
          "queue_depth_warning:",
          "health_check_interval:",
          "rate_limit:",
          "per_address:",
          "global:",
          "burst:",
          "url:",
          "routes:"
        }) {
      assertThat(text).as(key).contains(key);
    }
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
                + " timeout, retry_policy, workers, data_dir)",
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
