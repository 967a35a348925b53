package io.gitbridge.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      RetryPolicy.builder()
          .maxRetries(5)
          .baseDelay(Duration.ofSeconds(2))
          .maxDelay(Duration.ofSeconds(20))
          .jitter(0.5)
          .build();

  @Test
  void nominalDelayDoublesFromTheBaseAndIsCapped() {
    assertThat(policy.nominalDelay(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.nominalDelay(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.nominalDelay(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(policy.nominalDelay(5)).isEqualTo(Duration.ofSeconds(20));
    assertThat(policy.nominalDelay(500)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void jitterDrawsFromTheUpperPartOfTheDelay() {
    assertThat(policy.delay(2, () -> 0.0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delay(2, () -> 0.5)).isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.delay(2, () -> 0.999)).isLessThan(Duration.ofSeconds(4));
    RetryPolicy none = RetryPolicy.builder().jitter(0).build();
    assertThat(none.delay(1, () -> 0.9)).isEqualTo(RetryPolicy.DEFAULT_BASE_DELAY);
  }

  @Test
  void retriesAreAllowedUpToMaxRetries() {
    assertThat(policy.allowsRetryAfter(5)).isTrue();
    assertThat(policy.allowsRetryAfter(6)).isFalse();
    assertThat(RetryPolicy.builder().maxRetries(0).build().allowsRetryAfter(1)).isFalse();
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(RetryPolicy.DEFAULT.maxRetries()).isEqualTo(RetryPolicy.DEFAULT_MAX_RETRIES);
    assertThat(RetryPolicy.DEFAULT.baseDelay()).isEqualTo(RetryPolicy.DEFAULT_BASE_DELAY);
    assertThat(RetryPolicy.DEFAULT.maxDelay()).isEqualTo(RetryPolicy.DEFAULT_MAX_DELAY);
    assertThat(RetryPolicy.DEFAULT.jitter()).isEqualTo(RetryPolicy.DEFAULT_JITTER);
    assertThat(RetryPolicy.DEFAULT.toString()).contains("maxRetries=3");
  }

  @Test
  void buildRefusesSettingsThatMakeNoSense() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1).build())
        .hasMessageContaining("max_retries");
    assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ZERO).build())
        .hasMessageContaining("base_delay");
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .baseDelay(Duration.ofSeconds(5))
                    .maxDelay(Duration.ofSeconds(1))
                    .build())
        .hasMessageContaining("max_delay");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5).build())
        .hasMessageContaining("jitter");
  }
}
