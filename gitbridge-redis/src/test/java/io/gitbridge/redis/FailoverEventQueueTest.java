package io.gitbridge.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.health.Health;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.core.queue.QuarantinedDelivery;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.queue.QueueUnavailableException;
import io.gitbridge.core.queue.RetryPolicy;
import io.gitbridge.testkit.Await;
import io.gitbridge.testkit.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failover queue against a redis-server that is really stopped and started again. */
class FailoverEventQueueTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private TestRedis redis;
  private final RecordingListener listener = new RecordingListener();
  private FailoverEventQueue queue;
  private Path spoolFile;

  @BeforeEach
  void start() {
    assumeTrue(TestRedis.canControlServers(), "needs a Redis the test can stop");
    redis = TestRedis.startEmbedded(dir.resolve("redis"));
    spoolFile = dir.resolve("spool").resolve("failover.log");
    queue = newQueue();
  }

  private FailoverEventQueue newQueue() {
    return FailoverEventQueue.builder()
        .primary(
            RedisEventQueue.builder()
                .url(redis.url())
                .timeout(Duration.ofMillis(500))
                .policy(
                    QueuePolicy.builder()
                        .retryPolicy(
                            RetryPolicy.builder().baseDelay(Duration.ofMillis(100)).build())
                        .build())
                .build())
        .spoolFile(spoolFile)
        .probeInterval(Duration.ofMillis(50))
        .listener(listener)
        .build();
  }

  @AfterEach
  void stop() {
    if (queue != null) {
      queue.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private static WebhookEvent event() {
    return Payloads.event(Payloads.newDeliveryId().value(), Instant.now());
  }

  private void stopRedisAndWaitForFailover() {
    redis.stop();
    Await.until("failover", WAIT, queue::isFailoverActive);
    // the listener is told just after the mode changes
    Await.until("the failover told", WAIT, () -> !listener.failoverChanges.isEmpty());
  }

  private void startRedisAndWaitForDrain() {
    redis.start();
    Await.until("drained", WAIT, () -> !queue.isFailoverActive());
  }

  @Test
  void eventsOfferedWhileRedisIsDownAreProcessedDrainedAndCountedOnce() {
    List<WebhookEvent> before = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      before.add(event());
      assertThat(queue.offer(before.get(i))).isEqualTo(OfferResult.ACCEPTED);
    }
    stopRedisAndWaitForFailover();

    List<WebhookEvent> during = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      during.add(event());
      assertThat(queue.offer(during.get(i))).isEqualTo(OfferResult.ACCEPTED);
    }
    assertThat(queue.offer(during.get(0))).isEqualTo(OfferResult.DUPLICATE);
    assertThat(Files.exists(spoolFile)).isTrue();
    assertThat(listener.failoverChanges).containsExactly(true);
    Health health = queue.healthCheck().check();
    assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
    assertThat(health.detail()).contains(spoolFile.toString());
    assertThat(queue.healthCheck().name()).isEqualTo("queue");

    Map<DeliveryId, Integer> processed = new HashMap<>();
    List<Lease> local = queue.lease("w", 4);
    assertThat(local).extracting(Lease::event).containsExactlyElementsOf(during.subList(0, 4));
    queue.ack(local.get(0));
    processed.merge(local.get(0).event().deliveryId(), 1, Integer::sum);
    queue.checkpoint(local.get(1), 1);
    queue.retryLater(local.get(1), "GitHub said 502", Duration.ZERO);
    queue.deadLetter(local.get(2), "422 Validation Failed");
    Lease stillRunning = local.get(3);

    redis.start();
    Await.until("drained but the running one", WAIT, () -> queue.stats().ready() == 11);
    assertThat(queue.isFailoverActive()).as("one event still runs locally").isTrue();
    assertThat(queue.healthCheck().check().detail()).contains("draining");
    queue.ack(stillRunning);
    processed.merge(stillRunning.event().deliveryId(), 1, Integer::sum);
    Await.until("failover over", WAIT, () -> !queue.isFailoverActive());
    assertThat(Files.exists(spoolFile)).as("spool removed").isFalse();
    // the listener is told just after the mode changes, from the prober's thread
    Await.until("the end of the failover told", WAIT, () -> listener.failoverChanges.size() == 2);
    assertThat(listener.failoverChanges).containsExactly(true, false);
    assertThat(queue.healthCheck().check().status()).isEqualTo(Health.Status.UP);

    Lease retried = null;
    while (processed.size() < 14) {
      for (Lease lease : queue.lease("w", 5)) {
        processed.merge(lease.event().deliveryId(), 1, Integer::sum);
        if (lease.event().equals(local.get(1).event())) {
          retried = lease;
        }
        queue.ack(lease);
      }
      Await.until("work", WAIT, () -> queue.stats().live() > 0 || processedAll(queue));
    }
    assertThat(processed.values()).allMatch(n -> n == 1);
    assertThat(processed).hasSize(14).doesNotContainKey(local.get(2).event().deliveryId());
    assertThat(retried.attempt()).isEqualTo(2);
    assertThat(retried.completedSteps()).isEqualTo(1);
    QueueEntry dead = queue.find(local.get(2).event().deliveryId()).orElseThrow();
    assertThat(dead.section()).isEqualTo(QueueSection.DEAD);
    assertThat(dead.lastError()).isEqualTo("422 Validation Failed");
    assertThat(queue.stats().live()).isZero();
  }

  private static boolean processedAll(FailoverEventQueue q) {
    return q.stats().live() == 0;
  }

  @Test
  void settlementsMadeDuringTheOutageReachRedisWhenItIsBack() {
    WebhookEvent done = event();
    WebhookEvent failed = event();
    queue.offer(done);
    queue.offer(failed);
    List<Lease> leases = queue.lease("w", 2);
    stopRedisAndWaitForFailover();

    queue.checkpoint(leases.get(0), 1);
    queue.ack(leases.get(0));
    queue.deadLetter(leases.get(1), "gone for good");
    assertThatThrownBy(() -> queue.retryLater(leases.get(1), "x", Duration.ZERO))
        .isInstanceOf(QueueUnavailableException.class);

    startRedisAndWaitForDrain();
    assertThat(queue.stats().live()).isZero();
    assertThat(queue.find(done.deliveryId())).isEmpty();
    assertThat(queue.find(failed.deliveryId()).orElseThrow().lastError())
        .isEqualTo("gone for good");
  }

  @Test
  void quarantineDuringAnOutageIsKeptAndDrained() {
    stopRedisAndWaitForFailover();
    DeliveryId id = Payloads.newDeliveryId();
    queue.quarantine(new QuarantinedDelivery(id, "push", "{", "broken JSON", Instant.now()));
    assertThat(queue.find(id).orElseThrow().section()).isEqualTo(QueueSection.QUARANTINE);
    assertThat(queue.stats().quarantine()).isEqualTo(1);

    startRedisAndWaitForDrain();
    assertThat(queue.stats().quarantine()).isEqualTo(1);
    assertThat(queue.browse(QueueSection.QUARANTINE, null, 10).entries())
        .extracting(QueueEntry::lastError)
        .containsExactly("broken JSON");
  }

  @Test
  void adminCallsDuringAnOutageSeeTheLocalEntries() {
    WebhookEvent inRedis = event();
    queue.offer(inRedis);
    stopRedisAndWaitForFailover();
    WebhookEvent local = event();
    WebhookEvent other = event();
    queue.offer(local);
    queue.offer(other);

    assertThat(queue.find(inRedis.deliveryId())).isEmpty();
    assertThat(queue.browse(QueueSection.READY, null, 1).nextCursor()).startsWith("m:");
    assertThat(queue.browse(QueueSection.READY, "m:1", 1).nextCursor()).isNull();
    assertThat(queue.requeue(inRedis.deliveryId())).isFalse();
    assertThat(queue.delete(other.deliveryId())).isTrue();
    assertThat(queue.purge(QueueSection.READY)).isEqualTo(1);
    assertThat(queue.stats().live()).isZero();

    startRedisAndWaitForDrain();
    assertThat(queue.find(other.deliveryId())).as("deleted stays deleted").isEmpty();
    assertThat(queue.stats().ready()).isEqualTo(1);
    assertThat(queue.browse(QueueSection.READY, null, 10).entries())
        .extracting(QueueEntry::deliveryId)
        .containsExactly(inRedis.deliveryId());
    assertThatThrownBy(() -> queue.browse(QueueSection.READY, "x:1", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOfferThatCannotBeSpooledIsNotAccepted() throws Exception {
    queue.close();
    Files.createDirectories(dir.resolve("blocked"));
    Files.writeString(dir.resolve("blocked").resolve("file"), "not a directory");
    spoolFile = dir.resolve("blocked").resolve("file").resolve("spool.log");
    queue = newQueue();
    stopRedisAndWaitForFailover();

    WebhookEvent e = event();
    assertThatThrownBy(() -> queue.offer(e))
        .isInstanceOf(QueueUnavailableException.class)
        .hasMessageContaining("spool");
    assertThat(queue.find(e.deliveryId())).isEmpty();
  }

  @Test
  void aSpoolLeftByAnEarlierProcessIsReplayed() {
    queue.close();
    WebhookEvent resumed = event();
    WebhookEvent settled = event();
    WebhookEvent fresh = event();
    try (EventSpool left = new EventSpool(spoolFile)) {
      left.appendAccepted(resumed);
      left.appendAccepted(settled);
      left.appendAccepted(fresh);
      left.appendCheckpoint(resumed.deliveryId(), 2);
      left.appendSettled(settled.deliveryId());
    }
    redis.stop();
    queue = newQueue();
    assertThat(queue.isFailoverActive()).isTrue();
    List<Lease> fromMemory = queue.lease("w", 1);
    assertThat(fromMemory.get(0).event()).isEqualTo(resumed);
    assertThat(fromMemory.get(0).completedSteps()).isEqualTo(2);
    queue.retryLater(fromMemory.get(0), "later", Duration.ofMinutes(5));

    startRedisAndWaitForDrain();
    assertThat(queue.stats().ready()).isEqualTo(1);
    assertThat(queue.stats().retry()).isEqualTo(1);
    assertThat(queue.lease("w", 5)).extracting(Lease::event).containsExactly(fresh);
  }

  @Test
  void builderNeedsARedisQueue() {
    assertThatThrownBy(() -> FailoverEventQueue.builder().build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                FailoverEventQueue.builder()
                    .primary(RedisEventQueue.builder().build())
                    .probeInterval(Duration.ZERO)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(queue.spoolFile()).isEqualTo(spoolFile.toAbsolutePath());
  }
}
