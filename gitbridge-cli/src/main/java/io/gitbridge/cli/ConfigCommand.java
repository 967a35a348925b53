package io.gitbridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gitbridge config}: groups the configuration tools; needs a subcommand. */
@Command(
    name = "config",
    description = "Works with configuration files.",
    subcommands = {ConfigCheckCommand.class})
final class ConfigCommand {
  @ParentCommand private GitBridgeCommand root;

  GitBridgeCommand root() {
    return root;
  }
}
