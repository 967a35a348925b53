package io.gitbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.Disposition;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.queue.QueueStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventQueue} must have. An adapter's test extends this class and
 * implements {@link #createQueue}; the queue must follow the {@link QueuePolicy} it is given,
 * reading time from its clock and jitter from its random, so that every delay here is exact.
 *
 * <p>Ship your own queue adapter with a test like:
 *
 * <pre>{@code
 * class MyQueueTest extends EventQueueContract {
 *   protected EventQueue createQueue(QueuePolicy policy) { return new MyQueue(policy, ...); }
 * }
 * }</pre>
 */
public abstract class EventQueueContract extends QueueOperationsContract {
  @Test
  public void offeredEventIsLeasedWithItsBodyAndFirstAttempt() {
    WebhookEvent event = newEvent();
    assertThat(queue.offer(event)).isEqualTo(OfferResult.ACCEPTED);

    Lease lease = leaseOne("w1");

    assertThat(lease.event().deliveryId()).isEqualTo(event.deliveryId());
    assertThat(lease.event().type()).isEqualTo(event.type());
    assertThat(lease.event().body()).isEqualTo(event.body());
    assertThat(lease.event().receivedAt()).isEqualTo(event.receivedAt());
    assertThat(lease.attempt()).isEqualTo(1);
    assertThat(lease.completedSteps()).isZero();
    assertThat(queue.lease("w2", 10)).isEmpty();
  }

  @Test
  public void duplicateDeliveryIsAcceptedOnceWhileReadyInFlightOrDone() {
    WebhookEvent event = newEvent();
    assertThat(queue.offer(event)).isEqualTo(OfferResult.ACCEPTED);
    assertThat(queue.offer(event)).isEqualTo(OfferResult.DUPLICATE);

    Lease lease = leaseOne("w1");
    assertThat(queue.offer(event)).isEqualTo(OfferResult.DUPLICATE);

    queue.ack(lease);
    assertThat(queue.offer(event)).isEqualTo(OfferResult.DUPLICATE);
    assertThat(queue.lease("w1", 10)).isEmpty();
    assertThat(queue.stats().live()).isZero();
  }

  @Test
  public void redeliveryOfADeadLetterIsANewChance() {
    WebhookEvent event = newEvent();
    queue.offer(event);
    queue.deadLetter(leaseOne("w1"), "boom");

    assertThat(queue.offer(event)).isEqualTo(OfferResult.ACCEPTED);
    Lease again = leaseOne("w1");
    assertThat(again.event().deliveryId()).isEqualTo(event.deliveryId());
  }

  @Test
  public void fullQueueRefusesNewEventsUntilOneIsDone() {
    for (int i = 0; i < MAX_SIZE; i++) {
      assertThat(queue.offer(newEvent())).isEqualTo(OfferResult.ACCEPTED);
    }
    assertThat(queue.offer(newEvent())).isEqualTo(OfferResult.FULL);

    Lease lease = leaseOne("w1");
    assertThat(queue.offer(newEvent())).as("in flight still counts").isEqualTo(OfferResult.FULL);
    queue.retryLater(lease, "later", Duration.ZERO);
    assertThat(queue.offer(newEvent())).as("waiting to retry counts").isEqualTo(OfferResult.FULL);

    queue.deadLetter(leaseOne("w1"), "give up");
    assertThat(queue.offer(newEvent())).isEqualTo(OfferResult.ACCEPTED);
  }

  @Test
  public void readyEventsAreLeasedOldestFirst() {
    List<DeliveryId> offered = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      WebhookEvent e = newEvent();
      offered.add(e.deliveryId());
      queue.offer(e);
      elapse(Duration.ofMillis(1));
    }
    List<DeliveryId> leased = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      leased.add(leaseOne("w1").event().deliveryId());
    }
    assertThat(leased).containsExactlyElementsOf(offered);
  }

  @Test
  public void leaseReturnsAtMostTheAskedNumber() {
    for (int i = 0; i < 4; i++) {
      queue.offer(newEvent());
    }
    assertThat(queue.lease("w1", 3)).hasSize(3);
    assertThat(queue.lease("w2", 3)).hasSize(1);
    assertThat(queue.stats().inFlight()).isEqualTo(4);
  }

  @Test
  public void expiredLeaseLetsAnotherWorkerTakeOverAndIgnoresTheOldHolder() {
    WebhookEvent event = newEvent();
    queue.offer(event);
    Lease first = leaseOne("w1");

    elapse(LEASE_TIMEOUT.minusSeconds(1));
    assertThat(queue.lease("w2", 1)).as("lease still held").isEmpty();

    elapse(Duration.ofSeconds(2));
    Lease second = leaseOne("w2");
    assertThat(second.event().deliveryId()).isEqualTo(event.deliveryId());
    assertThat(second.attempt()).isEqualTo(2);

    queue.ack(first);
    assertThat(queue.stats().inFlight()).as("stale ack ignored").isEqualTo(1);
    assertThat(queue.retryLater(first, "stale", Duration.ZERO).kind())
        .isEqualTo(Disposition.Kind.STALE_LEASE);
    queue.ack(second);
    assertThat(queue.stats().live()).isZero();
  }

  @Test
  public void eventWhoseLeasesKeepExpiringIsDeadLetteredAfterMaxRetries() {
    queue.offer(newEvent());
    for (int attempt = 1; attempt <= POLICY.maxRetries() + 1; attempt++) {
      assertThat(leaseOne("w" + attempt).attempt()).isEqualTo(attempt);
      elapse(LEASE_TIMEOUT.plusSeconds(1));
    }
    assertThat(queue.lease("w9", 1)).isEmpty();
    assertThat(queue.stats().dead()).isEqualTo(1);
  }

  @Test
  public void failedAttemptWaitsForItsBackoffThenComesBack() {
    WebhookEvent event = newEvent();
    queue.offer(event);
    Disposition d = queue.retryLater(leaseOne("w1"), "GitHub said 502", Duration.ZERO);

    assertThat(d.kind()).isEqualTo(Disposition.Kind.RETRY);
    assertThat(d.retryAt()).isEqualTo(clock.instant().plusMillis(750));
    assertThat(queue.stats().retry()).isEqualTo(1);

    elapse(Duration.ofMillis(749));
    assertThat(queue.lease("w1", 1)).isEmpty();
    elapse(Duration.ofMillis(1));
    Lease second = leaseOne("w1");
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(second.event().deliveryId()).isEqualTo(event.deliveryId());
  }

  @Test
  public void backoffDoublesWithEachAttempt() {
    queue.offer(newEvent());
    Instant before = clock.instant();
    Disposition first = queue.retryLater(leaseOne("w1"), "e1", Duration.ZERO);
    assertThat(Duration.between(before, first.retryAt())).isEqualTo(Duration.ofMillis(750));

    elapse(Duration.ofMillis(750));
    before = clock.instant();
    Disposition second = queue.retryLater(leaseOne("w1"), "e2", Duration.ZERO);
    assertThat(Duration.between(before, second.retryAt())).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  public void retryIsNotSoonerThanAskedForByTheTask() {
    queue.offer(newEvent());
    Instant before = clock.instant();
    Disposition d = queue.retryLater(leaseOne("w1"), "rate limited", Duration.ofSeconds(40));
    assertThat(d.retryAt()).isEqualTo(before.plusSeconds(40));
  }

  @Test
  public void eventIsDeadLetteredWithItsLastErrorAfterMaxRetries() {
    WebhookEvent event = newEvent();
    queue.offer(event);
    Disposition d = null;
    for (int attempt = 1; attempt <= POLICY.maxRetries() + 1; attempt++) {
      Lease lease = leaseOne("w1");
      assertThat(lease.attempt()).isEqualTo(attempt);
      d = queue.retryLater(lease, "failure " + attempt, Duration.ZERO);
      elapse(POLICY.maxDelay());
    }
    assertThat(d.kind()).isEqualTo(Disposition.Kind.DEAD_LETTER);
    assertThat(queue.lease("w1", 1)).isEmpty();
    QueueStats stats = queue.stats();
    assertThat(stats.dead()).isEqualTo(1);
    assertThat(stats.live()).isZero();
    QueueEntry entry = queue.find(event.deliveryId()).orElseThrow();
    assertThat(entry.section()).isEqualTo(QueueSection.DEAD);
    assertThat(entry.lastError()).isEqualTo("failure 3");
    assertThat(entry.attempts()).isEqualTo(3);
    assertThat(entry.body()).isEqualTo(event.body());
  }

  @Test
  public void deadLetterTakesTheEventOutAtOnce() {
    WebhookEvent event = newEvent();
    queue.offer(event);
    queue.deadLetter(leaseOne("w1"), "422 Validation Failed");
    assertThat(queue.stats()).isEqualTo(new QueueStats(0, 0, 0, 1, 0));
    assertThat(queue.find(event.deliveryId()).orElseThrow().lastError())
        .isEqualTo("422 Validation Failed");
  }

  @Test
  public void checkpointIsKeptForTheNextAttempt() {
    queue.offer(newEvent());
    Lease first = leaseOne("w1");
    queue.checkpoint(first, 1);
    queue.checkpoint(first, 2);
    queue.retryLater(first, "step 3 failed", Duration.ZERO);
    elapse(POLICY.maxDelay());

    Lease second = leaseOne("w1");
    assertThat(second.completedSteps()).isEqualTo(2);
  }

  @Test
  public void checkpointSurvivesAnExpiredLease() {
    queue.offer(newEvent());
    queue.checkpoint(leaseOne("w1"), 1);
    elapse(LEASE_TIMEOUT.plusSeconds(1));
    assertThat(leaseOne("w2").completedSteps()).isEqualTo(1);
  }
}
