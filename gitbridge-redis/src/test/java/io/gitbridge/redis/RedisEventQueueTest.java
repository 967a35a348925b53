package io.gitbridge.redis;

import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.testkit.EventQueueContract;

/** The queue contract, against a real redis-server. */
class RedisEventQueueTest extends EventQueueContract {
  @Override
  protected EventQueue createQueue(QueuePolicy policy) {
    TestRedis redis = TestRedis.shared();
    redis.flush();
    return RedisEventQueue.builder().url(redis.url()).policy(policy).build();
  }
}
