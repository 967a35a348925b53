package io.gitbridge.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SleeperTest {
  @Test
  void systemSleeperReturnsForZeroAndWaitsAtLeastTheDurationOtherwise() throws Exception {
    Sleeper.SYSTEM.sleep(Duration.ZERO);
    long start = System.nanoTime();

    Sleeper.SYSTEM.sleep(Duration.ofMillis(5));

    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(5).toNanos());
  }
}
