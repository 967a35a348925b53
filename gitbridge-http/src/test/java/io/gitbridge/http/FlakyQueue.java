package io.gitbridge.http;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.Disposition;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.core.queue.Page;
import io.gitbridge.core.queue.QuarantinedDelivery;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.queue.QueueStats;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An in-memory queue whose read side can be told to fail, the way a broken store would. */
final class FlakyQueue implements EventQueue {
  private final InMemoryEventQueue delegate = InMemoryEventQueue.create();
  private volatile RuntimeException failure;
  volatile int statsCalls;

  /** From now on, stats, browse and find throw {@code failure}; {@code null} heals. */
  void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  private void maybeFail() {
    RuntimeException f = failure;
    if (f != null) {
      throw f;
    }
  }

  @Override
  public QueueStats stats() {
    statsCalls++;
    maybeFail();
    return delegate.stats();
  }

  @Override
  public Page browse(QueueSection section, String cursor, int limit) {
    maybeFail();
    return delegate.browse(section, cursor, limit);
  }

  @Override
  public Optional<QueueEntry> find(DeliveryId deliveryId) {
    maybeFail();
    return delegate.find(deliveryId);
  }

  @Override
  public OfferResult offer(WebhookEvent event) {
    return delegate.offer(event);
  }

  @Override
  public void quarantine(QuarantinedDelivery delivery) {
    delegate.quarantine(delivery);
  }

  @Override
  public List<Lease> lease(String consumer, int max) {
    return delegate.lease(consumer, max);
  }

  @Override
  public void checkpoint(Lease lease, int completedSteps) {
    delegate.checkpoint(lease, completedSteps);
  }

  @Override
  public void ack(Lease lease) {
    delegate.ack(lease);
  }

  @Override
  public Disposition retryLater(Lease lease, String error, Duration notBefore) {
    return delegate.retryLater(lease, error, notBefore);
  }

  @Override
  public void deadLetter(Lease lease, String error) {
    delegate.deadLetter(lease, error);
  }

  @Override
  public boolean requeue(DeliveryId deliveryId) {
    return delegate.requeue(deliveryId);
  }

  @Override
  public boolean delete(DeliveryId deliveryId) {
    return delegate.delete(deliveryId);
  }

  @Override
  public long purge(QueueSection section) {
    return delegate.purge(section);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
