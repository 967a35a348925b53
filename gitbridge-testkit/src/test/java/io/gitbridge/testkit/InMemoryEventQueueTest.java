package io.gitbridge.testkit;

import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.queue.QueuePolicy;

class InMemoryEventQueueTest extends EventQueueContract {
  @Override
  protected EventQueue createQueue(QueuePolicy policy) {
    return new InMemoryEventQueue(policy);
  }
}
