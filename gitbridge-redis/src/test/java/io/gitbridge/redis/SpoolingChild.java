package io.gitbridge.redis;

import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.testkit.Payloads;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The child JVM of {@link SpoolSurvivesKillTest}: offers events to a failover queue whose Redis is
 * not there, says so on standard output, then waits to be killed.
 *
 * <p>Arguments: the Redis URL (nothing listening), the spool file, then the delivery ids.
 */
public final class SpoolingChild {
  private SpoolingChild() {}

  public static void main(String[] args) throws InterruptedException {
    FailoverEventQueue queue =
        FailoverEventQueue.builder()
            .primary(RedisEventQueue.builder().url(args[0]).timeout(Duration.ofMillis(300)).build())
            .spoolFile(Path.of(args[1]))
            .probeInterval(Duration.ofMinutes(10))
            .build();
    int accepted = 0;
    for (int i = 2; i < args.length; i++) {
      if (queue.offer(Payloads.event(args[i], Instant.now())) == OfferResult.ACCEPTED) {
        accepted++;
      }
    }
    System.out.println("ACCEPTED " + accepted);
    System.out.flush();
    Thread.currentThread().join();
  }
}
