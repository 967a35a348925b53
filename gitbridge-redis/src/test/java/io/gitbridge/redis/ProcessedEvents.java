package io.gitbridge.redis;

import io.gitbridge.core.task.Task;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A one-step chain that counts how often each delivery ran, and with which attempt last. */
final class ProcessedEvents {
  final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  final Map<String, Integer> lastAttempt = new ConcurrentHashMap<>();

  Task task() {
    return chain -> {
      String id = chain.context().event().deliveryId().value();
      runs.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      lastAttempt.put(id, chain.context().attempt());
      return chain.proceed();
    };
  }

  int distinct() {
    return runs.size();
  }

  /** How many runs beyond the first there were, over all deliveries. */
  long repeats() {
    return runs.values().stream().mapToLong(n -> n.get() - 1).sum();
  }
}
