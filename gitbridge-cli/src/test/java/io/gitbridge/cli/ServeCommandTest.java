package io.gitbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve} does before the HTTP server is wired in: reads the configuration, shows
 * generated secrets once, builds the bridge, and says plainly that the server is missing.
 */
class ServeCommandTest {
  @Test
  void withoutConfigShowsGeneratedSecretAndTokenOnce() {
    Cli.Result result = Cli.run("serve", "--port", "0");

    assertThat(result.out().lines())
        .hasSize(2)
        .anySatisfy(
            l -> assertThat(l).matches("webhook secret \\(generated, shown once\\): \\S{32}"))
        .anySatisfy(l -> assertThat(l).matches("admin token \\(generated, shown once\\): \\S{32}"));
    assertThat(result.err()).isEqualTo("gitbridge serve: the HTTP server is not wired in yet\n");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void adminTokenFromTheEnvironmentIsNotPrinted() {
    Cli.Result result = Cli.run(Map.of("GITBRIDGE_ADMIN_TOKEN", "t0ken"), "serve");

    assertThat(result.out()).doesNotContain("admin token").doesNotContain("t0ken");
    assertThat(result.out()).contains("webhook secret (generated, shown once)");
  }

  @Test
  void configErrorsAreListedWithTheirLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gb.yaml");
    Files.writeString(file, "github:\n  webhook_secret: s\nserver:\n  port: high\n");

    Cli.Result result = Cli.run("serve", "--config", file.toString());

    assertThat(result.err())
        .isEqualTo(file + ":4: server.port: expected a whole number, got \"high\"\n");
    assertThat(result.out()).isEmpty();
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void configuredSecretIsNotPrinted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gb.yaml");
    Files.writeString(file, "admin:\n  token: adm\ngithub:\n  webhook_secret: s3cret\n");

    Cli.Result result = Cli.run("serve", "--config", file.toString(), "--port", "0");

    assertThat(result.out()).isEmpty();
    assertThat(result.err()).doesNotContain("s3cret").contains("not wired in yet");
  }

  @Test
  void portOutOfRangeIsAUsageError() {
    Cli.Result result = Cli.run("serve", "--port", "65536");

    assertThat(result.err()).contains("--port must be between 0 and 65535, was 65536");
    assertThat(result.exitCode()).isEqualTo(2);
  }
}
