package io.gitbridge.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.health.Health;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.core.queue.Page;
import io.gitbridge.core.queue.QuarantinedDelivery;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.queue.QueueStats;
import io.gitbridge.core.queue.QueueUnavailableException;
import io.gitbridge.core.queue.RetryPolicy;
import io.gitbridge.testkit.ManualClock;
import io.gitbridge.testkit.Payloads;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** What the Redis queue does beyond the shared contract. */
class RedisEventQueueBehaviourTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final List<RedisEventQueue> queues = new ArrayList<>();
  private RedisClient redis;
  private RedisEventQueue queue;

  @BeforeEach
  void startClean() {
    TestRedis.shared().flush();
    redis = RedisClient.create(URI.create(TestRedis.shared().url()));
    queue = newQueue("gitbridge");
  }

  @AfterEach
  void closeAll() {
    queues.forEach(RedisEventQueue::close);
    redis.close();
  }

  private RedisEventQueue newQueue(String prefix) {
    RedisEventQueue q =
        RedisEventQueue.builder()
            .url(TestRedis.shared().url())
            .keyPrefix(prefix)
            .policy(
                QueuePolicy.builder()
                    .clock(clock)
                    .random(() -> 0.5)
                    .retryPolicy(RetryPolicy.builder().maxRetries(1).build())
                    .leaseTimeout(Duration.ofSeconds(30))
                    .build())
            .build();
    queues.add(q);
    return q;
  }

  private WebhookEvent event() {
    return Payloads.event(Payloads.newDeliveryId().value(), clock.instant());
  }

  @Test
  void everyKeySharesOneHashTaggedPrefix() {
    RedisEventQueue acme = newQueue("acme");
    for (RedisEventQueue q : List.of(queue, acme)) {
      q.offer(event());
      q.offer(event());
      q.offer(event());
      q.retryLater(q.lease("w", 1).get(0), "later", Duration.ZERO);
      q.deadLetter(q.lease("w", 1).get(0), "dead");
      q.lease("w", 1);
      q.quarantine(
          new QuarantinedDelivery(Payloads.newDeliveryId(), "push", "{", "bad", clock.instant()));
    }
    Set<String> keys = redis.keys("*");
    assertThat(keys).allMatch(k -> k.startsWith("{gitbridge}:") || k.startsWith("{acme}:"));
    assertThat(keys).filteredOn(k -> k.startsWith("{acme}:")).hasSizeGreaterThan(6);
    assertThat(acme.stats()).isEqualTo(new QueueStats(0, 1, 1, 1, 1));
    assertThat(acme.keyPrefix()).isEqualTo("acme");
  }

  @Test
  void deliveryIdIsRememberedForTheWholeDedupeWindow() {
    WebhookEvent e = event();
    queue.offer(e);
    long ttl = redis.pttl("{gitbridge}:seen:" + e.deliveryId());
    assertThat(ttl).isGreaterThan(Duration.ofDays(3).toMillis());
    queue.ack(queue.lease("w", 1).get(0));
    assertThat(queue.offer(e)).isEqualTo(OfferResult.DUPLICATE);
  }

  @Test
  void scriptsAreLoadedAgainAfterRedisForgetsThem() {
    queue.offer(event());
    redis.scriptFlush();
    assertThat(queue.offer(event())).isEqualTo(OfferResult.ACCEPTED);
    assertThat(queue.stats().ready()).isEqualTo(2);
  }

  @Test
  void aFlushedRedisIsSetUpAgainOnFirstUse() {
    queue.offer(event());
    redis.flushAll();
    assertThat(queue.lease("w", 1)).isEmpty();
    redis.flushAll();
    WebhookEvent e = event();
    assertThat(queue.offer(e)).isEqualTo(OfferResult.ACCEPTED);
    assertThat(queue.lease("w", 5))
        .extracting(l -> l.event().deliveryId())
        .containsExactly(e.deliveryId());
  }

  @Test
  void redeliveryOfADeadLetterReplacesIt() {
    WebhookEvent e = event();
    queue.offer(e);
    queue.deadLetter(queue.lease("w", 1).get(0), "422");
    assertThat(queue.offer(e)).isEqualTo(OfferResult.ACCEPTED);
    assertThat(queue.stats()).isEqualTo(new QueueStats(1, 0, 0, 0, 0));
    QueueEntry entry = queue.find(e.deliveryId()).orElseThrow();
    assertThat(entry.section()).isEqualTo(QueueSection.READY);
    assertThat(entry.lastError()).isNull();
  }

  @Test
  void twoNodesNeverLeaseTheSameEvent() {
    RedisEventQueue other = newQueue("gitbridge");
    Set<DeliveryId> offered = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      WebhookEvent e = event();
      offered.add(e.deliveryId());
      (i % 2 == 0 ? queue : other).offer(e);
    }
    List<DeliveryId> leased = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      for (RedisEventQueue q : List.of(queue, other)) {
        q.lease("node-" + q.hashCode(), 3).forEach(l -> leased.add(l.event().deliveryId()));
      }
    }
    assertThat(leased).doesNotHaveDuplicates();
    assertThat(new HashSet<>(leased)).isEqualTo(offered);
  }

  @Test
  void leaseOfNothingAsksNothing() {
    queue.offer(event());
    assertThat(queue.lease("w", 0)).isEmpty();
    assertThat(queue.stats().ready()).isEqualTo(1);
  }

  @Test
  void deadLettersAndQuarantinePageWithStableCursors() {
    List<DeliveryId> dead = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      WebhookEvent e = event();
      dead.add(e.deliveryId());
      queue.offer(e);
      queue.deadLetter(queue.lease("w", 1).get(0), "e" + i);
      queue.quarantine(
          new QuarantinedDelivery(
              Payloads.newDeliveryId(), "push", "{", "broken " + i, clock.instant()));
    }
    assertThat(pageThrough(QueueSection.DEAD, 2)).containsExactlyElementsOf(dead);
    assertThat(pageThrough(QueueSection.QUARANTINE, 2)).hasSize(5);
    Page first = queue.browse(QueueSection.DEAD, null, 2);
    assertThat(first.entries()).extracting(QueueEntry::lastError).containsExactly("e0", "e1");
  }

  @Test
  void inFlightAndRetryPageByOffset() {
    for (int i = 0; i < 5; i++) {
      queue.offer(event());
    }
    List<Lease> leases = queue.lease("w", 5);
    queue.retryLater(leases.get(0), "a", Duration.ofMinutes(1));
    queue.retryLater(leases.get(1), "b", Duration.ofMinutes(2));
    queue.retryLater(leases.get(2), "c", Duration.ofMinutes(3));
    assertThat(pageThrough(QueueSection.IN_FLIGHT, 1)).hasSize(2);
    assertThat(pageThrough(QueueSection.RETRY, 2))
        .containsExactly(
            leases.get(0).event().deliveryId(),
            leases.get(1).event().deliveryId(),
            leases.get(2).event().deliveryId());
    assertThat(queue.browse(QueueSection.READY, null, 5).entries()).isEmpty();
  }

  @Test
  void aCursorFromElsewhereIsRefused() {
    assertThatThrownBy(() -> queue.browse(QueueSection.READY, "12", 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a cursor");
    assertThatThrownBy(() -> queue.browse(QueueSection.DEAD, "1-0", 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue.browse(QueueSection.DEAD, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deleteAndPurgeReachEverySectionButInFlight() {
    WebhookEvent retrying = event();
    WebhookEvent dead = event();
    queue.offer(retrying);
    queue.offer(dead);
    queue.retryLater(queue.lease("w", 1).get(0), "x", Duration.ofHours(1));
    queue.deadLetter(queue.lease("w", 1).get(0), "y");
    DeliveryId quarantined = Payloads.newDeliveryId();
    queue.quarantine(new QuarantinedDelivery(quarantined, "push", "{", "z", clock.instant()));

    assertThat(queue.delete(retrying.deliveryId())).isTrue();
    assertThat(queue.delete(dead.deliveryId())).isTrue();
    assertThat(queue.delete(quarantined)).isTrue();
    assertThat(queue.stats()).isEqualTo(new QueueStats(0, 0, 0, 0, 0));

    queue.offer(event());
    queue.offer(event());
    queue.retryLater(queue.lease("w", 1).get(0), "x", Duration.ofHours(1));
    queue.quarantine(
        new QuarantinedDelivery(Payloads.newDeliveryId(), "push", "{", "z", clock.instant()));
    assertThat(queue.purge(QueueSection.RETRY)).isEqualTo(1);
    assertThat(queue.purge(QueueSection.QUARANTINE)).isEqualTo(1);
    assertThat(queue.purge(QueueSection.READY)).isEqualTo(1);
    assertThat(redis.keys("{gitbridge}:event:*")).isEmpty();
    assertThat(redis.keys("{gitbridge}:quarantined:*")).isEmpty();
  }

  @Test
  void requeueLeavesReadyAndInFlightEventsAlone() {
    WebhookEvent ready = event();
    WebhookEvent running = event();
    queue.offer(running);
    queue.lease("w", 1);
    queue.offer(ready);
    assertThat(queue.requeue(ready.deliveryId())).isFalse();
    assertThat(queue.requeue(running.deliveryId())).isFalse();
  }

  @Test
  void checkpointOfALostLeaseIsIgnored() {
    queue.offer(event());
    Lease first = queue.lease("w1", 1).get(0);
    clock.advance(Duration.ofSeconds(31));
    Lease second = queue.lease("w2", 1).get(0);
    queue.checkpoint(first, 2);
    queue.checkpoint(second, 1);
    queue.checkpoint(second, 0);
    queue.retryLater(second, "again", Duration.ZERO);
    clock.advance(Duration.ofMinutes(1));
    assertThat(queue.lease("w3", 1)).isEmpty();
    assertThat(queue.find(second.event().deliveryId()).orElseThrow().section())
        .as("max retries 1: dead after attempt 2")
        .isEqualTo(QueueSection.DEAD);
    assertThat(first.token()).isNotEqualTo(second.token());
  }

  @Test
  void adoptedEventsKeepTheirStateAndAreAdoptedOnce() {
    WebhookEvent ready = event();
    WebhookEvent later = event();
    WebhookEvent dead = event();
    Instant due = clock.instant().plusSeconds(60);
    assertThat(queue.adopt(ready, QueueSection.READY, 2, 1, "earlier", null))
        .isEqualTo(OfferResult.ACCEPTED);
    assertThat(queue.adopt(later, QueueSection.RETRY, 1, 0, "502", due))
        .isEqualTo(OfferResult.ACCEPTED);
    assertThat(queue.adopt(dead, QueueSection.DEAD, 3, 2, "gone", null))
        .isEqualTo(OfferResult.ACCEPTED);
    assertThat(queue.adopt(ready, QueueSection.READY, 0, 0, null, null))
        .isEqualTo(OfferResult.DUPLICATE);
    assertThat(queue.offer(later)).isEqualTo(OfferResult.DUPLICATE);
    assertThat(queue.stats()).isEqualTo(new QueueStats(1, 0, 1, 1, 0));

    Lease lease = queue.lease("w", 5).get(0);
    assertThat(lease.event()).isEqualTo(ready);
    assertThat(lease.attempt()).isEqualTo(3);
    assertThat(lease.completedSteps()).isEqualTo(1);
    assertThat(queue.find(dead.deliveryId()).orElseThrow().lastError()).isEqualTo("gone");
    clock.advance(Duration.ofSeconds(60));
    assertThat(queue.lease("w", 5)).extracting(Lease::event).containsExactly(later);
  }

  @Test
  void healthCheckPingsRedis() {
    Health health = queue.healthCheck().check();
    assertThat(queue.healthCheck().name()).isEqualTo("redis");
    assertThat(health.status()).isEqualTo(Health.Status.UP);
    assertThat(health.detail()).contains("PING");
  }

  private List<DeliveryId> pageThrough(QueueSection section, int limit) {
    List<DeliveryId> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Page page = queue.browse(section, cursor, limit);
      page.entries().forEach(e -> seen.add(e.deliveryId()));
      page.entries().forEach(e -> assertThat(e.section()).isEqualTo(section));
      cursor = page.nextCursor();
    } while (cursor != null && ++pages < 20);
    return seen;
  }

  @Test
  void unreachableRedisIsReportedAsUnavailable() {
    RedisEventQueue nowhere =
        RedisEventQueue.builder()
            .url("redis://127.0.0.1:" + TestRedis.freePort())
            .timeout(Duration.ofMillis(300))
            .build();
    queues.add(nowhere);
    assertThatThrownBy(() -> nowhere.offer(event()))
        .isInstanceOf(QueueUnavailableException.class)
        .hasMessageContaining("offer.lua");
    assertThatThrownBy(() -> nowhere.lease("w", 1)).isInstanceOf(QueueUnavailableException.class);
    Health health = nowhere.healthCheck().check();
    assertThat(health.status()).isEqualTo(Health.Status.DOWN);
    assertThat(health.detail()).contains("127.0.0.1");
  }

  @Test
  void builderRefusesSettingsThatCannotWork() {
    assertThatThrownBy(
            () ->
                RedisEventQueue.builder()
                    .taskTimeout(Duration.ofMinutes(1))
                    .policy(QueuePolicy.builder().leaseTimeout(Duration.ofMinutes(1)).build())
                    .build())
        .hasMessageContaining("must be longer than the task timeout");
    assertThatThrownBy(() -> RedisEventQueue.builder().keyPrefix("a{b}").build())
        .hasMessageContaining("without braces");
    assertThatThrownBy(() -> RedisEventQueue.builder().keyPrefix("").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisEventQueue.builder().timeout(Duration.ZERO).build())
        .hasMessageContaining("queue timeout");
    assertThatThrownBy(() -> RedisEventQueue.builder().maxConnections(0).build())
        .hasMessageContaining("max connections");
    assertThatThrownBy(() -> RedisEventQueue.builder().url("memcached://x").build())
        .hasMessageContaining("queue.redis_url");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    RedisEventQueue q = RedisEventQueue.builder().taskTimeout(Duration.ofMinutes(1)).build();
    queues.add(q);
    assertThat(q.url().toString()).isEqualTo("redis://127.0.0.1:6379/0");
    assertThat(q.keyPrefix()).isEqualTo(RedisEventQueue.DEFAULT_KEY_PREFIX);
    assertThat(q.policy()).isSameAs(QueuePolicy.DEFAULT);
    assertThat(q.timeout()).isEqualTo(RedisEventQueue.DEFAULT_TIMEOUT);
    q.close();
    q.close();
  }
}
