package io.gitbridge.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import mockwebserver3.MockResponse;

/** Answers as api.github.com gives them: its headers, and bodies recorded under answers/. */
final class GitHubAnswers {
  private GitHubAnswers() {}

  static String body(String name) {
    try (InputStream in = GitHubAnswers.class.getResourceAsStream("answers/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture answers/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON answer with GitHub's usual headers and a healthy primary limit. */
  static MockResponse.Builder json(int code, String fixture, Clock clock) {
    return headers(code, clock, 4990).body(body(fixture));
  }

  /** GitHub's headers without a body (204, or a body set by the caller). */
  static MockResponse.Builder headers(int code, Clock clock, int remaining) {
    long reset = clock.instant().getEpochSecond() + 3600;
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Server", "github.com")
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .addHeader("X-GitHub-Media-Type", "github.v3; format=json")
        .addHeader("X-GitHub-Api-Version-Selected", "2022-11-28")
        .addHeader("X-RateLimit-Limit", "5000")
        .addHeader("X-RateLimit-Remaining", remaining)
        .addHeader("X-RateLimit-Reset", reset)
        .addHeader("X-RateLimit-Used", 5000 - remaining)
        .addHeader("X-RateLimit-Resource", "core")
        .addHeader("X-GitHub-Request-Id", "0401:1AA2:3B4C5D:6E7F80:69553100");
  }

  /** The secondary limit, with or without {@code retry-after} (seconds). */
  static MockResponse secondaryLimit(int code, Clock clock, Integer retryAfterSeconds) {
    MockResponse.Builder answer = json(code, "secondary-rate-limit.json", clock);
    if (retryAfterSeconds != null) {
      answer.addHeader("Retry-After", retryAfterSeconds);
    }
    return answer.build();
  }

  /** The primary limit exhausted until {@code resetEpochSecond}. */
  static MockResponse primaryLimit(Clock clock, long resetEpochSecond) {
    return headers(403, clock, 0)
        .setHeader("X-RateLimit-Reset", resetEpochSecond)
        .body(body("primary-rate-limit.json"))
        .build();
  }
}
