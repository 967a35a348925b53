package io.gitbridge.cli;

import io.gitbridge.cli.config.ConfigFileException;
import io.gitbridge.core.GitBridgeException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into what a user should read: each configuration problem on its
 * own line, otherwise {@code gitbridge COMMAND: message}; the stack trace only with {@code
 * --verbose}. Our exceptions never carry secrets, so their messages are shown as they are.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof ConfigFileException) {
      ((ConfigFileException) e).problems().forEach(err::println);
    } else {
      err.println(commandLine.getCommandSpec().qualifiedName() + ": " + describe(e));
    }
    if (verbose(parseResult)) {
      e.printStackTrace(err);
    }
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnExecutionException();
  }

  private static String describe(Exception e) {
    boolean ours =
        e instanceof GitBridgeException
            || e instanceof IllegalArgumentException
            || e instanceof UnsupportedOperationException;
    if (ours && e.getMessage() != null) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
