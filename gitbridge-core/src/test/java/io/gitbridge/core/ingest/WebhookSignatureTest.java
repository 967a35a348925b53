package io.gitbridge.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);

  /** The example GitHub's documentation gives for validating deliveries. */
  private static final String GITHUB_EXAMPLE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  @Test
  void signsExactlyAsGitHubDocumentsIt() {
    assertThat(WebhookSignature.sign("It's a Secret to Everybody", HELLO))
        .isEqualTo(GITHUB_EXAMPLE);
  }

  @Test
  void acceptsTheSignatureOfTheRightSecret() {
    WebhookSignature signature = new WebhookSignature(List.of("It's a Secret to Everybody"));
    assertThat(signature.verify(HELLO, GITHUB_EXAMPLE)).isTrue();
  }

  @Test
  void acceptsAnyOfSeveralSecretsDuringRotation() {
    WebhookSignature signature = new WebhookSignature(List.of("old", "new"));
    assertThat(signature.verify(HELLO, WebhookSignature.sign("old", HELLO))).isTrue();
    assertThat(signature.verify(HELLO, WebhookSignature.sign("new", HELLO))).isTrue();
    assertThat(signature.verify(HELLO, WebhookSignature.sign("other", HELLO))).isFalse();
  }

  @Test
  void refusesASignatureOfOtherBytes() {
    WebhookSignature signature = new WebhookSignature(List.of("s"));
    byte[] tampered = Arrays.copyOf(HELLO, HELLO.length);
    tampered[0] = 'J';
    assertThat(signature.verify(tampered, WebhookSignature.sign("s", HELLO))).isFalse();
  }

  @Test
  void refusesMissingAndMalformedHeaders() {
    WebhookSignature signature = new WebhookSignature(List.of("s"));
    String valid = WebhookSignature.sign("s", HELLO);
    assertThat(signature.verify(HELLO, null)).isFalse();
    assertThat(signature.verify(HELLO, "")).isFalse();
    assertThat(signature.verify(HELLO, valid.replace("sha256=", "sha1="))).isFalse();
    assertThat(signature.verify(HELLO, valid.substring(0, valid.length() - 1))).isFalse();
    assertThat(signature.verify(HELLO, "sha256=" + "zz".repeat(32))).isFalse();
  }

  @Test
  void needsAtLeastOneNonBlankSecret() {
    assertThatThrownBy(() -> new WebhookSignature(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookSignature(List.of(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a webhook secret is blank");
  }
}
