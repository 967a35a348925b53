package io.gitbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.Page;
import io.gitbridge.core.queue.QuarantinedDelivery;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.queue.QueueStats;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The operator-facing half of the queue contract: quarantine, counts, browsing, finding,
 * requeueing, deleting and purging. Part of {@link EventQueueContract}; extend that.
 */
public abstract class QueueOperationsContract extends QueueContractSupport {
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
