package io.gitbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.queue.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the queue contracts share: the queue under test, built fresh for each test with a manual
 * clock and a fixed jitter, and the policy it is built with. Extend {@link EventQueueContract}.
 */
public abstract class QueueContractSupport {
  /** Two retries: attempts 1, 2 and 3, then dead letter. */
  protected static final RetryPolicy POLICY =
      RetryPolicy.builder()
          .maxRetries(2)
          .baseDelay(Duration.ofSeconds(1))
          .maxDelay(Duration.ofSeconds(60))
          .jitter(0.5)
          .build();

  protected static final Duration LEASE_TIMEOUT = Duration.ofSeconds(30);
  protected static final int MAX_SIZE = 5;

  /** With jitter 0.5 and a random of 0.5, each delay is 3/4 of its nominal value. */
  private static final double RANDOM = 0.5;

  protected ManualClock clock;
  protected EventQueue queue;

  /** Builds the queue under test, empty, following {@code policy}. */
  protected abstract EventQueue createQueue(QueuePolicy policy);

  /** Lets time pass for the queue; override if your queue also needs real time to pass. */
  protected void elapse(Duration duration) {
    clock.advance(duration);
  }

  @BeforeEach
  void createQueueUnderTest() {
    clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    queue =
        createQueue(
            QueuePolicy.builder()
                .maxSize(MAX_SIZE)
                .leaseTimeout(LEASE_TIMEOUT)
                .retryPolicy(POLICY)
                .clock(clock)
                .random(() -> RANDOM)
                .build());
  }

  @AfterEach
  void closeQueueUnderTest() {
    queue.close();
  }

  protected WebhookEvent newEvent() {
    return Payloads.event(Payloads.newDeliveryId().value(), clock.instant());
  }

  protected Lease leaseOne(String consumer) {
    List<Lease> leases = queue.lease(consumer, 1);
    assertThat(leases).hasSize(1);
    return leases.get(0);
  }
}
