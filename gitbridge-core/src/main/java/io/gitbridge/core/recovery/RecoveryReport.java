package io.gitbridge.core.recovery;

import java.util.List;

/**
 * What a recovery run found and did.
 *
 * @param attemptsListed delivery attempts in the window
 * @param deliveries distinct deliveries (GUIDs) among them
 * @param failed GUIDs none of whose attempts got a 2xx answer
 * @param redelivered GUIDs GitHub was asked to redeliver
 * @param errors redeliveries GitHub refused, with its answer
 */
public record RecoveryReport(
    int attemptsListed,
    int deliveries,
    List<String> failed,
    List<String> redelivered,
    List<String> errors) {}
