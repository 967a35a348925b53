package io.gitbridge.cli.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where accepted events wait: {@code queue.type}. */
public enum QueueType {
  /** In this process: one node, nothing kept across a restart. */
  MEMORY,
  /** Redis Streams: durable, shared by every node, with a local spool while Redis is away. */
  REDIS;

  /** The spelling in the configuration file. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static List<String> configNames() {
    return Arrays.stream(values()).map(QueueType::configName).toList();
  }

  static QueueType fromConfigName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
