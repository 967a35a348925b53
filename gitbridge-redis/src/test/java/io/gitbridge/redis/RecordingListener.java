package io.gitbridge.redis;

import io.gitbridge.core.GitBridgeListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every failover change it is told about. */
final class RecordingListener implements GitBridgeListener {
  final List<Boolean> failoverChanges = new CopyOnWriteArrayList<>();

  @Override
  public void failoverChanged(boolean active) {
    failoverChanges.add(active);
  }
}
