package io.gitbridge.github.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** GitBridge's version, from the resource Maven fills in, for the {@code User-Agent} header. */
public final class Version {
  private static final String RESOURCE = "/io/gitbridge/github/version.properties";

  private Version() {}

  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      String version = properties.getProperty("version", "");
      return version.isEmpty() || version.startsWith("$") ? "dev" : version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
