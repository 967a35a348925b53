package io.gitbridge.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.GitBridge;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.core.task.Route;
import io.gitbridge.testkit.Await;
import io.gitbridge.testkit.Payloads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A worker that dies holding leases loses nothing: others take its events over in time. */
class LeaseTakeoverTest {
  @Test
  void eventsHeldByADeadWorkerAreProcessedByAnotherAfterTheLeaseTimeout() {
    TestRedis.shared().flush();
    Duration leaseTimeout = Duration.ofSeconds(2);
    RedisEventQueue queue =
        RedisEventQueue.builder()
            .url(TestRedis.shared().url())
            .policy(QueuePolicy.builder().leaseTimeout(leaseTimeout).build())
            .build();
    for (int i = 0; i < 20; i++) {
      queue.offer(Payloads.event(Payloads.newDeliveryId().value(), Instant.now()));
    }
    List<Lease> abandoned = queue.lease("worker-that-dies", 5);
    assertThat(abandoned).hasSize(5);

    ProcessedEvents processed = new ProcessedEvents();
    try (GitBridge bridge =
        GitBridge.builder()
            .webhookSecret("s")
            .queue(queue)
            .workers(4)
            .pollInterval(Duration.ofMillis(50))
            .route(Route.on("push").step("record", processed.task()).build())
            .build()
            .start()) {
      Await.until("all processed", Duration.ofSeconds(60), () -> processed.distinct() == 20);
      Await.until("all acked", Duration.ofSeconds(30), () -> queue.stats().live() == 0);
      queue.ack(abandoned.get(0));
      assertThat(queue.stats().live()).as("the dead worker's late ack changes nothing").isZero();
    }
    assertThat(processed.repeats()).isZero();
    for (Lease lease : abandoned) {
      String id = lease.event().deliveryId().value();
      assertThat(processed.lastAttempt.get(id)).as("taken over: second attempt").isEqualTo(2);
    }
    assertThat(processed.lastAttempt.values()).filteredOn(a -> a == 1).hasSize(15);
  }
}
