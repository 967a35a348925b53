package io.gitbridge.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.QuarantinedDelivery;
import io.gitbridge.testkit.Payloads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSpoolTest {
  @TempDir Path dir;

  @Test
  void pendingKeepsUnsettledRecordsInOrderWithTheirLastCheckpoint() {
    Path file = dir.resolve("nested").resolve("spool.log");
    WebhookEvent first = event("{\"text\":\"line\\nbreak and spaces\"}");
    WebhookEvent second = event("{}");
    WebhookEvent third = event("{}");
    QuarantinedDelivery broken =
        new QuarantinedDelivery(
            Payloads.newDeliveryId(), "push", "{not json", "bad", Instant.now());
    try (EventSpool spool = new EventSpool(file)) {
      assertThat(spool.exists()).isFalse();
      assertThat(spool.pending()).isEmpty();
      spool.appendAccepted(first);
      spool.appendAccepted(second);
      spool.appendQuarantined(broken);
      spool.appendAccepted(third);
      spool.sync();
      spool.appendCheckpoint(first.deliveryId(), 2);
      spool.appendCheckpoint(first.deliveryId(), 1);
      spool.appendCheckpoint(broken.deliveryId(), 1);
      spool.appendSettled(second.deliveryId());
      spool.appendSettled(new DeliveryId("never-accepted"));
    }
    List<EventSpool.Pending> pending = new EventSpool(file).pending();
    assertThat(pending)
        .extracting(EventSpool.Pending::deliveryId)
        .containsExactly(first.deliveryId(), broken.deliveryId(), third.deliveryId());
    assertThat(pending.get(0).event()).isEqualTo(first);
    assertThat(pending.get(0).completedSteps()).isEqualTo(2);
    assertThat(pending.get(1).quarantined()).isEqualTo(broken);
    assertThat(pending.get(1).completedSteps()).isZero();
  }

  @Test
  void aTornLastLineAndMalformedLinesAreSkipped() throws Exception {
    Path file = dir.resolve("spool.log");
    WebhookEvent kept = event("{}");
    try (EventSpool spool = new EventSpool(file)) {
      spool.appendAccepted(kept);
    }
    Files.writeString(
        file, "X what\nA only-two-fields\n\nA torn-id cHVzaA== 2026-", StandardOpenOption.APPEND);
    EventSpool reopened = new EventSpool(file);
    assertThat(reopened.pending()).extracting(EventSpool.Pending::event).containsExactly(kept);
    String content = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(content).endsWith("2026-");
  }

  @Test
  void deleteRemovesTheFileAndTheNextAppendStartsANewOne() {
    Path file = dir.resolve("spool.log");
    EventSpool spool = new EventSpool(file);
    spool.appendAccepted(event("{}"));
    spool.delete();
    assertThat(spool.exists()).isFalse();
    spool.sync();
    spool.appendAccepted(event("{}"));
    spool.sync();
    assertThat(spool.pending()).hasSize(1);
    spool.close();
    assertThat(spool.file()).isEqualTo(file.toAbsolutePath());
  }

  private static WebhookEvent event(String body) {
    return new WebhookEvent(Payloads.newDeliveryId(), "push", body, Instant.now());
  }
}
