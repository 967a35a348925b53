package io.gitbridge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gitbridge version}: prints {@code gitbridge VERSION}. */
@Command(name = "version", description = "Prints the version.")
final class VersionCommand implements Callable<Integer> {
  @ParentCommand private GitBridgeCommand root;

  @Override
  public Integer call() {
    root.out().println("gitbridge " + VersionInfo.version());
    root.out().flush();
    return 0;
  }
}
