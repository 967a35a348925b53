package io.gitbridge.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueueTypesTest {
  @Test
  void sectionLabelsRoundTripAndUnknownOnesNameTheChoices() {
    for (QueueSection s : QueueSection.values()) {
      assertThat(QueueSection.fromLabel(s.label())).isEqualTo(s);
    }
    assertThat(QueueSection.IN_FLIGHT.label()).isEqualTo("in_flight");
    assertThatThrownBy(() -> QueueSection.fromLabel("done")).hasMessageContaining("in_flight");
  }

  @Test
  void statsCountBySectionAndLive() {
    QueueStats stats = new QueueStats(1, 2, 3, 4, 5);
    assertThat(stats.live()).isEqualTo(6);
    assertThat(QueueSection.values()).extracting(stats::count).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void dispositionSetsRetryAtExactlyForRetries() {
    assertThat(Disposition.retryAt(Instant.EPOCH).retryAt()).isEqualTo(Instant.EPOCH);
    assertThat(Disposition.deadLetter().kind()).isEqualTo(Disposition.Kind.DEAD_LETTER);
    assertThat(Disposition.staleLease().retryAt()).isNull();
    assertThatThrownBy(() -> new Disposition(Disposition.Kind.RETRY, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leaseRefusesImpossibleCounts() {
    WebhookEvent e = new WebhookEvent(new DeliveryId("d"), "push", "{}", Instant.EPOCH);
    assertThatThrownBy(() -> new Lease(e, 0, 0, "t", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Lease(e, 1, -1, "t", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inMemoryQueueForgetsDeliveryIdsAfterTheDedupeWindow() {
    MutableClock clock = new MutableClock();
    InMemoryEventQueue queue =
        new InMemoryEventQueue(
            QueuePolicy.builder().clock(clock).dedupeWindow(Duration.ofDays(3)).build());
    WebhookEvent e = new WebhookEvent(new DeliveryId("d"), "push", "{}", clock.instant());
    queue.offer(e);
    queue.ack(queue.lease("w", 1).get(0));
    clock.now = clock.now.plus(Duration.ofDays(3).minusSeconds(1));
    assertThat(queue.offer(e)).isEqualTo(OfferResult.DUPLICATE);
    clock.now = clock.now.plusSeconds(1);
    assertThat(queue.offer(e)).isEqualTo(OfferResult.ACCEPTED);
  }

  @Test
  void policyRefusesSettingsThatMakeNoSense() {
    assertThatThrownBy(() -> QueuePolicy.builder().maxSize(0).build())
        .hasMessageContaining("max_size");
    assertThatThrownBy(() -> QueuePolicy.builder().leaseTimeout(Duration.ZERO).build())
        .hasMessageContaining("lease");
    assertThatThrownBy(() -> QueuePolicy.builder().dedupeWindow(Duration.ofDays(2)).build())
        .hasMessageContaining("3 days");
    QueuePolicy policy = QueuePolicy.DEFAULT;
    assertThat(policy.maxSize()).isEqualTo(QueuePolicy.DEFAULT_MAX_SIZE);
    assertThat(policy.leaseTimeout()).isEqualTo(QueuePolicy.DEFAULT_LEASE_TIMEOUT);
    assertThat(policy.dedupeWindow()).isEqualTo(QueuePolicy.DEFAULT_DEDUPE_WINDOW);
    assertThat(policy.retryPolicy()).isSameAs(RetryPolicy.DEFAULT);
    assertThat(policy.toString()).contains("maxSize=10000");
    QueuePolicy changed = policy.toBuilder().maxSize(3).build();
    assertThat(changed.maxSize()).isEqualTo(3);
    assertThat(changed.leaseTimeout()).isEqualTo(policy.leaseTimeout());
    assertThat(changed.clock()).isSameAs(policy.clock());
    assertThat(changed.random()).isSameAs(policy.random());
  }

  @Test
  void inMemoryQueueRefusesBadBrowsing() {
    InMemoryEventQueue q = InMemoryEventQueue.create();
    assertThat(q.policy()).isSameAs(QueuePolicy.DEFAULT);
    assertThatThrownBy(() -> q.browse(QueueSection.READY, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> q.browse(QueueSection.READY, "x", 1)).hasMessageContaining("cursor");
  }

  private static final class MutableClock extends java.time.Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
