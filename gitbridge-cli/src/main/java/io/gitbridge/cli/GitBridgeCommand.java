package io.gitbridge.cli;

import static java.util.Objects.requireNonNull;

import io.gitbridge.cli.config.ConfigLoader;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code gitbridge} command: the composition root of the standalone server and its tools.
 *
 * <p>Output, error stream and environment are injected so that the whole command line runs
 * in-process in tests. Build it with {@link #commandLine}, which also installs the error reporting
 * (one line per error on the error stream, a stack trace only with {@code --verbose}). Exit codes:
 * 0 success, 1 failure, 2 usage error. Not thread-safe; one instance runs one command.
 */
@Command(
    name = "gitbridge",
    scope = ScopeType.INHERIT, // every subcommand takes --help and --version too
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    subcommands = {
      ServeCommand.class,
      SendCommand.class,
      ConfigCommand.class,
      TokenCommand.class,
      RecoverCommand.class,
      VersionCommand.class,
      HelpCommand.class
    },
    description = "GitHub webhooks into a durable queue, task chains out to the GitHub REST API.")
public final class GitBridgeCommand {
  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show the stack trace of an error.")
  private boolean verbose;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> env;
  private final Supplier<Shutdown> shutdown;

  /**
   * @param env the environment configuration files substitute from; {@code System.getenv()}
   */
  public GitBridgeCommand(PrintWriter out, PrintWriter err, Map<String, String> env) {
    this(out, err, env, Shutdown::onSignals);
  }

  GitBridgeCommand(
      PrintWriter out, PrintWriter err, Map<String, String> env, Supplier<Shutdown> shutdown) {
    this.shutdown = requireNonNull(shutdown, "shutdown == null");
    this.out = requireNonNull(out, "out == null");
    this.err = requireNonNull(err, "err == null");
    this.env = Map.copyOf(requireNonNull(env, "env == null"));
  }

  /** The command line, writing to {@code out} and {@code err}, ready to {@code execute(args)}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
    return commandLine(new GitBridgeCommand(out, err, env));
  }

  /** The command line of a prepared command (tests inject how {@code serve} is stopped). */
  static CommandLine commandLine(GitBridgeCommand command) {
    CommandLine commandLine = new CommandLine(command);
    PrintWriter out = command.out;
    PrintWriter err = command.err;
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    return commandLine;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  Map<String, String> env() {
    return env;
  }

  /** When {@code serve} should stop. */
  Shutdown shutdown() {
    return shutdown.get();
  }

  ConfigLoader loader() {
    return new ConfigLoader(env);
  }
}
