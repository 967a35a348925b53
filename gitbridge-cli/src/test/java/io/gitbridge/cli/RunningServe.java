package io.gitbridge.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code gitbridge serve} running in this JVM on its own thread, stopped by the test. */
final class RunningServe implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Shutdown shutdown = new Shutdown();
  private final Thread thread;
  private volatile int exitCode = -1;

  private RunningServe(Map<String, String> env, String... args) {
    GitBridgeCommand command =
        new GitBridgeCommand(
            new PrintWriter(out, true), new PrintWriter(err, true), env, () -> shutdown);
    thread =
        new Thread(
            () -> exitCode = GitBridgeCommand.commandLine(command).execute(args),
            "serve-under-test");
    thread.start();
  }

  /** Starts {@code gitbridge ARGS} and waits until it listens (or ends). */
  static RunningServe start(Map<String, String> env, String... args) {
    RunningServe serve = new RunningServe(env, args);
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (serve.url() == null && serve.thread.isAlive()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("serve did not listen within " + DEADLINE + ": " + serve.err());
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
    return serve;
  }

  /** The URL of the "listening on" line, or null before it. */
  String url() {
    Matcher m = LISTENING.matcher(out.toString());
    return m.find() ? m.group(1) : null;
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** Stops the server as SIGTERM would; returns the exit code. */
  int stop() throws InterruptedException {
    shutdown.request();
    thread.join(DEADLINE.toMillis());
    if (thread.isAlive()) {
      throw new AssertionError("serve did not stop");
    }
    return exitCode;
  }

  /** The exit code of a serve that ended by itself. */
  int awaitExit() throws InterruptedException {
    thread.join(DEADLINE.toMillis());
    return exitCode;
  }

  @Override
  public void close() throws InterruptedException {
    if (thread.isAlive()) {
      stop();
    }
  }
}
