package io.gitbridge.cli.config;

import io.gitbridge.github.GitHubAppCredentials;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads {@code github.app_id} with the App's private key from {@code github.private_key_file} or
 * {@code github.private_key}, and reads the key once so that a bad one is a configuration problem
 * with its line, not a failure at the first event. Problems never quote the key.
 */
final class GitHubAppKeys {
  private static final String APP_ID = "github.app_id";
  private static final String KEY_FILE = "github.private_key_file";
  private static final String KEY = "github.private_key";

  /** App ids are numbers, client ids look like {@code Iv23liAbCdEf0123}. */
  private static final String APP_ID_FORM = "[A-Za-z0-9._-]{1,100}";

  /** An App key is about 1.7 KB; anything far bigger is the wrong file. */
  private static final long MAX_KEY_FILE_BYTES = 64 * 1024;

  private GitHubAppKeys() {}

  /**
   * @param tokenSet whether {@code github.token} is set, which excludes an App
   * @return the App, or null when none is configured or a problem was reported
   */
  static GitHubAppCredentials read(ConfigReader r, boolean tokenSet) {
    String appId = r.string(APP_ID, null);
    String keyFile = r.string(KEY_FILE, null);
    String key = r.string(KEY, null);
    if (appId == null) {
      if (keyFile != null) {
        r.problem(KEY_FILE, "needs github.app_id: the key is the App's");
      }
      if (key != null) {
        r.problem(KEY, "needs github.app_id: the key is the App's");
      }
      return null;
    }
    boolean usable = true;
    if (!appId.matches(APP_ID_FORM)) {
      r.problem(
          APP_ID,
          "expected the App id (123456) or its client id (Iv23li...), got "
              + r.describe(r.node(APP_ID)));
      usable = false;
    }
    if (tokenSet) {
      r.problem(APP_ID, "github.token is set too: call GitHub with a token or as an App, not both");
      usable = false;
    }
    if (keyFile != null && key != null) {
      r.problem(KEY, "github.private_key_file is set too: give the App's key one way");
      return null;
    }
    if (keyFile == null && key == null) {
      r.problem(
          APP_ID, "needs the App's private key: github.private_key_file or github.private_key");
      return null;
    }
    String pem = key != null ? key.replace("\\n", "\n") : readFile(r, keyFile);
    if (pem == null || !usable) {
      return null;
    }
    try {
      GitHubAppCredentials app = new GitHubAppCredentials(appId, pem);
      app.checkPrivateKey();
      return app;
    } catch (IllegalArgumentException e) {
      r.problem(key != null ? KEY : KEY_FILE, (key != null ? "" : keyFile + ": ") + e.getMessage());
      return null;
    }
  }

  /** The file's text, or null after reporting why it cannot be read. */
  private static String readFile(ConfigReader r, String name) {
    try {
      Path file = Path.of(name);
      if (Files.isRegularFile(file) && Files.size(file) > MAX_KEY_FILE_BYTES) {
        r.problem(KEY_FILE, name + ": is larger than 64 KB, not an App's private key");
        return null;
      }
      return Files.readString(file);
    } catch (InvalidPathException e) {
      r.problem(KEY_FILE, "is not a valid path: " + e.getReason());
    } catch (NoSuchFileException e) {
      r.problem(KEY_FILE, name + ": no such file");
    } catch (CharacterCodingException e) {
      r.problem(KEY_FILE, name + ": is not a PEM text file");
    } catch (IOException e) {
      r.problem(KEY_FILE, name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return null;
  }
}
