package io.gitbridge.redis;

import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.testkit.EventQueueContract;
import io.gitbridge.testkit.QueueSettings;

/** The queue contract, against a real redis-server. */
class RedisEventQueueTest extends EventQueueContract {
  @Override
  protected EventQueue createQueue(QueueSettings settings) {
    TestRedis redis = TestRedis.shared();
    redis.flush();
    return RedisEventQueue.builder()
        .url(redis.url())
        .maxSize(settings.maxSize())
        .leaseTimeout(settings.leaseTimeout())
        .retryPolicy(settings.retryPolicy())
        .clock(settings.clock())
        .random(settings.random())
        .build();
  }
}
