package io.gitbridge.testkit;

import io.gitbridge.core.queue.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * What {@link EventQueueContract} asks of the queue under test. An adapter's test turns it into its
 * own builder's settings.
 *
 * @param maxSize most live events
 * @param leaseTimeout how long a lease lasts
 * @param retryPolicy backoff and retry limit
 * @param clock the clock to read time from (a {@link ManualClock} in the contract)
 * @param random the jitter source (fixed in the contract, so delays are exact)
 */
public record QueueSettings(
    int maxSize,
    Duration leaseTimeout,
    RetryPolicy retryPolicy,
    Clock clock,
    DoubleSupplier random) {}
