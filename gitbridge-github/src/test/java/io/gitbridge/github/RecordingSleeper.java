package io.gitbridge.github;

import io.gitbridge.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Records each wait and moves the manual clock by it instead of waiting; can hold waits at a gate.
 */
final class RecordingSleeper implements Sleeper {
  private final ManualClock clock;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch gate;

  RecordingSleeper(ManualClock clock) {
    this.clock = clock;
  }

  /** From now on every wait blocks until {@code gate} opens. */
  RecordingSleeper holdAt(CountDownLatch gate) {
    this.gate = gate;
    return this;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    waits.add(duration);
    CountDownLatch held = gate;
    if (held != null) {
      held.await();
    }
    clock.advance(duration);
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }
}
