package io.gitbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.Disposition;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.core.queue.Page;
import io.gitbridge.core.queue.QuarantinedDelivery;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.queue.QueueStats;
import io.gitbridge.core.queue.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
public abstract class EventQueueContract {
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

  private WebhookEvent newEvent() {
    return Payloads.event(Payloads.newDeliveryId().value(), clock.instant());
  }

  private Lease leaseOne(String consumer) {
    List<Lease> leases = queue.lease(consumer, 1);
    assertThat(leases).hasSize(1);
    return leases.get(0);
  }

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

  @Test
  public void quarantineKeepsTheDeliveryWithItsReason() {
    DeliveryId id = Payloads.newDeliveryId();
    queue.quarantine(
        new QuarantinedDelivery(id, "pull_request", "{not json", "broken JSON", clock.instant()));

    assertThat(queue.stats().quarantine()).isEqualTo(1);
    assertThat(queue.lease("w1", 1)).isEmpty();
    QueueEntry entry = queue.find(id).orElseThrow();
    assertThat(entry.section()).isEqualTo(QueueSection.QUARANTINE);
    assertThat(entry.lastError()).isEqualTo("broken JSON");
    assertThat(entry.body()).isEqualTo("{not json");
    assertThat(queue.browse(QueueSection.QUARANTINE, null, 10).entries())
        .extracting(QueueEntry::deliveryId)
        .containsExactly(id);
  }

  @Test
  public void statsCountEverySection() {
    for (int i = 0; i < 4; i++) {
      queue.offer(newEvent());
    }
    queue.lease("w1", 1);
    queue.retryLater(leaseOne("w1"), "x", Duration.ZERO);
    queue.deadLetter(leaseOne("w1"), "y");
    queue.quarantine(
        new QuarantinedDelivery(Payloads.newDeliveryId(), "push", "{", "broken", clock.instant()));

    assertThat(queue.stats()).isEqualTo(new QueueStats(1, 1, 1, 1, 1));
  }

  @Test
  public void browsingPagesThroughASectionWithACursor() {
    Set<DeliveryId> offered = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      WebhookEvent e = newEvent();
      offered.add(e.deliveryId());
      queue.offer(e);
    }
    Set<DeliveryId> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Page page = queue.browse(QueueSection.READY, cursor, 2);
      assertThat(page.entries()).hasSizeLessThanOrEqualTo(2);
      page.entries().forEach(e -> assertThat(e.section()).isEqualTo(QueueSection.READY));
      page.entries().forEach(e -> seen.add(e.deliveryId()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(seen).isEqualTo(offered);
    assertThat(pages).isBetween(3, 4);
  }

  @Test
  public void deadLetterCanBeRequeuedAndResumesAtItsCheckpoint() {
    WebhookEvent event = newEvent();
    queue.offer(event);
    Lease lease = leaseOne("w1");
    queue.checkpoint(lease, 1);
    queue.deadLetter(lease, "bad token");

    assertThat(queue.requeue(event.deliveryId())).isTrue();
    assertThat(queue.stats().dead()).isZero();
    Lease again = leaseOne("w1");
    assertThat(again.attempt()).isEqualTo(1);
    assertThat(again.completedSteps()).isEqualTo(1);
    assertThat(queue.requeue(Payloads.newDeliveryId())).isFalse();
  }

  @Test
  public void waitingRetryCanBeRequeuedToRunNow() {
    WebhookEvent event = newEvent();
    queue.offer(event);
    queue.retryLater(leaseOne("w1"), "x", Duration.ofHours(1));
    assertThat(queue.requeue(event.deliveryId())).isTrue();
    assertThat(leaseOne("w1").event().deliveryId()).isEqualTo(event.deliveryId());
  }

  @Test
  public void quarantinedDeliveryThatIsValidJsonCanBeRequeued() {
    DeliveryId id = Payloads.newDeliveryId();
    queue.quarantine(
        new QuarantinedDelivery(id, "push", "{\"ref\":\"x\"}", "shape", clock.instant()));
    assertThat(queue.requeue(id)).isTrue();
    assertThat(leaseOne("w1").event().deliveryId()).isEqualTo(id);
  }

  @Test
  public void quarantinedDeliveryThatIsStillBrokenIsNotRequeued() {
    DeliveryId id = Payloads.newDeliveryId();
    queue.quarantine(new QuarantinedDelivery(id, "push", "{broken", "json", clock.instant()));
    assertThatThrownBy(() -> queue.requeue(id)).hasMessageContaining(id.value());
    assertThat(queue.stats().quarantine()).isEqualTo(1);
  }

  @Test
  public void deleteRemovesAnEntryButNotOneInFlight() {
    WebhookEvent ready = newEvent();
    WebhookEvent running = newEvent();
    queue.offer(running);
    Lease lease = leaseOne("w1");
    queue.offer(ready);

    assertThat(queue.delete(ready.deliveryId())).isTrue();
    assertThat(queue.delete(running.deliveryId())).isFalse();
    assertThat(queue.delete(Payloads.newDeliveryId())).isFalse();
    assertThat(queue.stats()).isEqualTo(new QueueStats(0, 1, 0, 0, 0));
    queue.ack(lease);
  }

  @Test
  public void purgeEmptiesOneSectionAndRefusesInFlight() {
    for (int i = 0; i < 3; i++) {
      queue.offer(newEvent());
    }
    queue.deadLetter(leaseOne("w1"), "x");

    assertThat(queue.purge(QueueSection.READY)).isEqualTo(2);
    assertThat(queue.purge(QueueSection.DEAD)).isEqualTo(1);
    assertThat(queue.stats()).isEqualTo(new QueueStats(0, 0, 0, 0, 0));
    assertThatThrownBy(() -> queue.purge(QueueSection.IN_FLIGHT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void findReportsWhereAnEventIs() {
    WebhookEvent event = newEvent();
    assertThat(queue.find(event.deliveryId())).isEmpty();
    queue.offer(event);
    assertThat(queue.find(event.deliveryId()).orElseThrow().section())
        .isEqualTo(QueueSection.READY);
    Lease lease = leaseOne("w1");
    assertThat(queue.find(event.deliveryId()).orElseThrow().section())
        .isEqualTo(QueueSection.IN_FLIGHT);
    queue.retryLater(lease, "x", Duration.ZERO);
    QueueEntry retrying = queue.find(event.deliveryId()).orElseThrow();
    assertThat(retrying.section()).isEqualTo(QueueSection.RETRY);
    assertThat(retrying.attempts()).isEqualTo(1);
    assertThat(retrying.lastError()).isEqualTo("x");
  }
}
