package io.gitbridge.testkit;

import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.InMemoryEventQueue;

class InMemoryEventQueueTest extends EventQueueContract {
  @Override
  protected EventQueue createQueue(QueueSettings settings) {
    return InMemoryEventQueue.builder()
        .maxSize(settings.maxSize())
        .leaseTimeout(settings.leaseTimeout())
        .retryPolicy(settings.retryPolicy())
        .clock(settings.clock())
        .random(settings.random())
        .build();
  }
}
