package io.gitbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitBridgeCommandTest {
  @Test
  void noSubcommandIsAUsageErrorListingTheCommands() {
    Cli.Result result = Cli.run();

    assertThat(result.err())
        .contains("Missing required subcommand")
        .contains("serve")
        .contains("send")
        .contains("config")
        .contains("version");
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    Cli.Result result = Cli.run("deploy");

    assertThat(result.err()).contains("Unmatched argument at index 0: 'deploy'");
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Result result = Cli.run("serve", "--prot", "1");

    assertThat(result.err()).contains("Unknown option").contains("'--prot'");
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void helpGoesToStandardOutput() {
    Cli.Result result = Cli.run("--help");

    assertThat(result.out()).startsWith("Usage: gitbridge").contains("--verbose");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void everySubcommandHasHelp() {
    Cli.Result option = Cli.run("config", "check", "--help");
    Cli.Result command = Cli.run("help", "send");

    assertThat(option.out()).startsWith("Usage: gitbridge config check").contains("FILE");
    assertThat(option.exitCode()).isZero();
    assertThat(command.out()).startsWith("Usage: gitbridge send").contains("--secret=S");
    assertThat(command.exitCode()).isZero();
  }

  @Test
  void versionPrintsTheProjectVersion() {
    Cli.Result command = Cli.run("version");
    Cli.Result option = Cli.run("--version");

    assertThat(command.out()).matches("gitbridge \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    assertThat(option.out()).isEqualTo(command.out());
    assertThat(command.exitCode()).isZero();
  }

  @Test
  void mainRunsTheCommandOnTheGivenStreams() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = Main.run(new String[] {"version"}, out, err, Map.of());

    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("gitbridge ");
    assertThat(err.size()).isZero();
    assertThat(code).isZero();
  }
}
