package io.gitbridge.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The real {@code gitbridge.jar} in a child JVM, as a user runs it, with the coverage agent of the
 * test JVM passed on. Collects what it prints.
 */
final class JarProcess implements AutoCloseable {
  static final Duration DEADLINE = Duration.ofSeconds(60);

  private final Process process;
  private final StringBuffer out = new StringBuffer();
  private final StringBuffer err = new StringBuffer();

  private JarProcess(Process process) {
    this.process = process;
    pump(process.getInputStream(), out);
    pump(process.getErrorStream(), err);
  }

  static JarProcess start(Path workDir, String... args) {
    return start(workDir, Map.of(), args);
  }

  /** Starts the jar with {@code env} added to this JVM's environment. */
  static JarProcess start(Path workDir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String agent = System.getProperty("gitbridge.test.childArgLine", "");
    if (!agent.isBlank()) {
      command.addAll(Arrays.asList(agent.trim().split("\\s+")));
    }
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(Arrays.asList(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
      builder.environment().putAll(env);
      return new JarProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path jar() {
    String jar = System.getProperty("gitbridge.test.jar");
    if (jar == null) {
      throw new IllegalStateException("gitbridge.test.jar is not set: run through mvn verify");
    }
    return Path.of(jar).toAbsolutePath();
  }

  private static void pump(InputStream in, StringBuffer into) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  into.append(line).append('\n');
                }
              } catch (IOException e) {
                into.append("<stream closed: ").append(e.getMessage()).append(">\n");
              }
            });
    t.setDaemon(true);
    t.start();
  }

  /** Waits until stdout satisfies {@code condition}; fails with what was printed if it ends. */
  String awaitOut(Predicate<String> condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.test(out.toString())) {
      if (!process.isAlive() && !condition.test(out.toString())) {
        throw new AssertionError("gitbridge exited " + process.exitValue() + ":\n" + out + err);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gitbridge did not print what was expected:\n" + out + err);
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    return out.toString();
  }

  /** Waits for the process to end; returns its exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("gitbridge did not exit:\n" + out + err);
    }
    return process.exitValue();
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** Sends SIGTERM, as an orchestrator stops it. */
  void terminate() {
    process.destroy();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
