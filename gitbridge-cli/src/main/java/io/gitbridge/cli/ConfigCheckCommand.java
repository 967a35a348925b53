package io.gitbridge.cli;

import io.gitbridge.cli.config.ConfigFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gitbridge config check FILE}: loads the file exactly as {@code serve} would (environment
 * substitution, every key and type, the routes read by the core) and prints {@code OK: FILE}, or
 * every problem as {@code FILE:LINE: KEY: MESSAGE} on the error stream. Exit 0 or 1.
 */
@Command(name = "check", description = "Validates a configuration file and explains every error.")
final class ConfigCheckCommand implements Callable<Integer> {
  @ParentCommand private ConfigCommand config;

  @Parameters(
      paramLabel = "FILE",
      description = "The configuration file, like webhook_config.yaml.")
  private Path file;

  @Override
  public Integer call() {
    GitBridgeCommand root = config.root();
    try {
      root.loader().load(file);
    } catch (ConfigFileException e) {
      e.problems().forEach(root.err()::println);
      root.err().flush();
      return 1;
    }
    root.out().println("OK: " + file);
    root.out().flush();
    return 0;
  }
}
