package io.gitbridge.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.ConfigurationException;
import io.gitbridge.redis.RedisUrl.HostPort;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisUrlTest {
  @Test
  void plainUrlNamesHostPortAndDatabase() {
    RedisUrl url = RedisUrl.parse("redis://127.0.0.1:6380/2");
    assertThat(url.sentinel()).isFalse();
    assertThat(url.tls()).isFalse();
    assertThat(url.hosts()).containsExactly(new HostPort("127.0.0.1", 6380));
    assertThat(url.database()).isEqualTo(2);
    assertThat(url.user()).isNull();
    assertThat(url.password()).isNull();
  }

  @Test
  void portAndDatabaseDefault() {
    RedisUrl url = RedisUrl.parse("redis://cache.internal");
    assertThat(url.hosts()).containsExactly(new HostPort("cache.internal", 6379));
    assertThat(url.database()).isZero();
    assertThat(RedisUrl.parse("redis://cache.internal/").database()).isZero();
  }

  @Test
  void tlsUrlTurnsTlsOnForTheClient() {
    RedisUrl url = RedisUrl.parse("rediss://user:p%40ss@redis.example.com:6390/1");
    assertThat(url.tls()).isTrue();
    assertThat(url.user()).isEqualTo("user");
    assertThat(url.password()).isEqualTo("p@ss");
    assertThat(RedisClients.config(url, Duration.ofSeconds(1), true).isSsl()).isTrue();
    assertThat(RedisClients.config(url, Duration.ofSeconds(1), true).getDatabase()).isEqualTo(1);
  }

  @Test
  void passwordWithoutUserIsThePassword() {
    RedisUrl colon = RedisUrl.parse("redis://:secret@localhost");
    assertThat(colon.user()).isNull();
    assertThat(colon.password()).isEqualTo("secret");
    RedisUrl bare = RedisUrl.parse("redis://secret@localhost");
    assertThat(bare.user()).isNull();
    assertThat(bare.password()).isEqualTo("secret");
  }

  @Test
  void sentinelUrlListsSentinelsAndNamesTheMaster() {
    RedisUrl url =
        RedisUrl.parse("redis-sentinel://:pw@sentinel-a:26379,sentinel-b,[::1]:26380/mymaster/3");
    assertThat(url.sentinel()).isTrue();
    assertThat(url.tls()).isFalse();
    assertThat(url.hosts())
        .containsExactly(
            new HostPort("sentinel-a", 26379),
            new HostPort("sentinel-b", 26379),
            new HostPort("::1", 26380));
    assertThat(url.masterName()).isEqualTo("mymaster");
    assertThat(url.database()).isEqualTo(3);
    assertThat(url.password()).isEqualTo("pw");
    assertThat(RedisClients.config(url, Duration.ofSeconds(1), false).getPassword()).isNull();
    assertThat(RedisClients.config(url, Duration.ofSeconds(1), true).getPassword()).isEqualTo("pw");
  }

  @Test
  void tlsSentinelUrlIsAccepted() {
    RedisUrl url = RedisUrl.parse("rediss-sentinel://h1:1,h2:2/primary");
    assertThat(url.tls()).isTrue();
    assertThat(url.sentinel()).isTrue();
    assertThat(url.toString()).isEqualTo("rediss-sentinel://h1:1,h2:2/primary/0");
  }

  @Test
  void toStringMasksThePassword() {
    RedisUrl url = RedisUrl.parse("redis://admin:hunter2@localhost:6379/0");
    assertThat(url.toString())
        .isEqualTo("redis://admin:***@localhost:6379/0")
        .doesNotContain("hunter2");
    assertThat(RedisUrl.parse("redis://[::1]:7000").toString()).isEqualTo("redis://[::1]:7000/0");
  }

  @Test
  void malformedUrlsNameTheKeyAndTheProblem() {
    assertInvalid("localhost:6379", "no scheme");
    assertInvalid("http://localhost", "unknown scheme 'http'");
    assertInvalid("redis://localhost:notaport", "port must be a number");
    assertInvalid("redis://localhost:70000", "port out of range");
    assertInvalid("redis://localhost/zero", "database must be a number");
    assertInvalid("redis://localhost/-1", "must not be negative");
    assertInvalid("redis://localhost/0/extra", "expected /database");
    assertInvalid("redis://a,b", "several hosts need redis-sentinel://");
    assertInvalid("redis://", "a host is missing");
    assertInvalid("redis://:6379", "a host is missing");
    assertInvalid("redis://[::1", "unclosed '['");
    assertInvalid("redis://[::1]x", "expected ':' after ']'");
    assertInvalid("redis://localhost?ssl=true", "query parameters");
    assertInvalid("redis-sentinel://s1:26379", "names the master");
    assertInvalid("redis-sentinel://s1:26379/m/0/x", "expected /master[/database]");
  }

  @Test
  void errorsNeverShowThePassword() {
    assertThatThrownBy(() -> RedisUrl.parse("redis://u:topsecret@host:bad"))
        .isInstanceOf(ConfigurationException.class)
        .message()
        .doesNotContain("topsecret");
  }

  private static void assertInvalid(String url, String problem) {
    assertThatThrownBy(() -> RedisUrl.parse(url))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("queue.redis_url: ")
        .hasMessageContaining(problem);
  }
}
