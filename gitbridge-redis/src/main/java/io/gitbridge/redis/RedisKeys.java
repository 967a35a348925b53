package io.gitbridge.redis;

import java.util.List;

/**
 * The queue's fixed keys. Every key starts with {@code {prefix}}: the braces are a Redis Cluster
 * hash tag, so all of them (and the per-event keys the scripts derive from the same prefix) live in
 * one slot, as multi-key Lua scripts require.
 */
final class RedisKeys {
  final String prefix;
  final String group;
  final String ready;
  final String leases;
  final String retry;
  final String dead;
  final String quarantine;

  RedisKeys(String name) {
    this.prefix = "{" + name + "}";
    this.group = name;
    this.ready = prefix + ":ready";
    this.leases = prefix + ":leases";
    this.retry = prefix + ":retry";
    this.dead = prefix + ":dead";
    this.quarantine = prefix + ":quarantine";
  }

  /** Whether {@code name} can be a key prefix: no braces, spaces or control characters. */
  static boolean isValidName(String name) {
    if (name == null || name.isEmpty() || name.length() > 64) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '{' || c == '}') {
        return false;
      }
    }
    return true;
  }

  List<String> all() {
    return List.of(ready, leases, retry, dead, quarantine);
  }

  String event(String deliveryId) {
    return prefix + ":event:" + deliveryId;
  }
}
