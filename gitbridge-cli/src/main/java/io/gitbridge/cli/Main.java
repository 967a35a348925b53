package io.gitbridge.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The jar's entry point: runs {@link GitBridgeCommand} on the real streams and environment. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Runs one command; returns its exit code (0 success, 1 failure, 2 usage error). */
  static int run(String[] args, OutputStream out, OutputStream err, Map<String, String> env) {
    PrintWriter outWriter =
        new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter =
        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      return GitBridgeCommand.commandLine(outWriter, errWriter, env).execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }
}
