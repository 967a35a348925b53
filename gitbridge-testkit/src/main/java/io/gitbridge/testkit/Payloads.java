package io.gitbridge.testkit;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.ingest.DeliveryHeaders;
import io.gitbridge.core.ingest.IngestRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * Recorded GitHub payloads shipped with the testkit (under {@code io/gitbridge/testkit/payloads/}),
 * and helpers that sign them exactly as GitHub does.
 */
public final class Payloads {
  /** A {@code pull_request} event with action {@code opened} on {@code octo-org/hello-world}. */
  public static final String PULL_REQUEST_OPENED = "pull_request.opened.json";

  /** An {@code issue_comment} event with action {@code created}. */
  public static final String ISSUE_COMMENT_CREATED = "issue_comment.created.json";

  /** A {@code push} event to {@code refs/heads/main}. */
  public static final String PUSH = "push.json";

  /** GitHub's {@code ping} on hook creation. */
  public static final String PING = "ping.json";

  /** The secret the shipped signatures were made with (by openssl, not by GitBridge). */
  public static final String TEST_SECRET = "gitbridge-test-secret";

  private Payloads() {}

  /** The body of a shipped payload, as GitHub sent it. */
  public static String read(String name) {
    try (InputStream in = Payloads.class.getResourceAsStream("payloads/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no shipped payload named " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The recorded {@code X-Hub-Signature-256} of a shipped payload under {@link #TEST_SECRET},
   * computed outside GitBridge: an independent check of our HMAC.
   */
  public static String recordedSignature(String name) {
    Properties signatures = new Properties();
    try (InputStream in = Payloads.class.getResourceAsStream("payloads/signatures.properties")) {
      signatures.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String signature = signatures.getProperty(name);
    if (signature == null) {
      throw new IllegalArgumentException("no recorded signature for " + name);
    }
    return signature;
  }

  /** The event type of a shipped payload: its file name up to the first dot. */
  public static String eventTypeOf(String name) {
    return name.substring(0, name.indexOf('.'));
  }

  /** A fresh delivery id, as GitHub makes them. */
  public static DeliveryId newDeliveryId() {
    return new DeliveryId(UUID.randomUUID().toString());
  }

  /** An event of {@code type} with {@code body}, a fresh delivery id, received at {@code at}. */
  public static WebhookEvent event(String type, String body, Instant at) {
    return new WebhookEvent(newDeliveryId(), type, body, at);
  }

  /** A minimal event with the given id, for queue tests. */
  public static WebhookEvent event(String deliveryId, Instant at) {
    return new WebhookEvent(
        new DeliveryId(deliveryId),
        "push",
        "{\"ref\":\"refs/heads/main\",\"n\":\"" + deliveryId + "\"}",
        at);
  }

  /** A webhook request as GitHub would send it: JSON, event and delivery headers, signed. */
  public static IngestRequest signedRequest(
      String eventType, DeliveryId deliveryId, String body, String secret) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new IngestRequest(
        DeliveryHeaders.of(eventType, deliveryId, bytes, secret, "GitHub-Hookshot/testkit"),
        bytes,
        "127.0.0.1");
  }
}
