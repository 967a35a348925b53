package io.gitbridge.cli;

import io.gitbridge.cli.config.Durations;
import io.gitbridge.core.recovery.DeliveryRecovery;
import io.gitbridge.core.recovery.HookRef;
import io.gitbridge.core.recovery.RecoveryReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gitbridge recover --hook OWNER/REPO/HOOK_ID|ORG/HOOK_ID [--since 6h] [--dry-run]}: asks
 * GitHub to redeliver the hook's deliveries that never got a 2xx answer. Exit 1 when GitHub refused
 * a redelivery.
 */
@Command(
    name = "recover",
    description = "Asks GitHub to redeliver what it could not deliver (it keeps 3 days).")
final class RecoverCommand implements Callable<Integer> {
  @ParentCommand private GitBridgeCommand root;

  @Spec private CommandSpec spec;

  @Mixin private GitHubAccess access;

  @Option(
      names = "--hook",
      required = true,
      paramLabel = "HOOK",
      description = "OWNER/REPO/HOOK_ID or ORG/HOOK_ID.")
  private String hook;

  @Option(
      names = "--since",
      paramLabel = "AGE",
      defaultValue = "6h",
      description = "How far back (default 6h, at most 3d).")
  private String since;

  @Option(names = "--dry-run", description = "List what would be redelivered, change nothing.")
  private boolean dryRun;

  @Override
  public Integer call() {
    HookRef ref;
    Duration window;
    try {
      ref = HookRef.parse(hook);
      window = Durations.parse(since);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    GitHubAccess.Access opened = access.open(root);
    RecoveryReport report;
    try {
      report =
          new DeliveryRecovery(opened.client(), Clock.systemUTC()).recover(ref, window, dryRun);
    } finally {
      opened.client().close();
    }
    PrintWriter out = root.out();
    out.println(
        "hook "
            + ref
            + ": "
            + report.attemptsListed()
            + " attempts, "
            + report.deliveries()
            + " deliveries, "
            + report.failed().size()
            + " never got a 2xx");
    for (String guid : report.failed()) {
      out.println(
          (report.redelivered().contains(guid)
                  ? "redelivered "
                  : dryRun ? "would redeliver " : "not redelivered ")
              + guid);
    }
    report.errors().forEach(e -> root.err().println("refused: " + e));
    out.flush();
    return report.errors().isEmpty() ? 0 : 1;
  }
}
