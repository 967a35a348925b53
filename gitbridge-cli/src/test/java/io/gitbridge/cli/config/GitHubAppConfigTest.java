package io.gitbridge.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code github.app_id} with {@code github.private_key_file} or {@code github.private_key}. */
class GitHubAppConfigTest {
  private static final String FILE = "webhook_config.yaml";
  private static final String HEAD = "github:\n  webhook_secret: s\n";

  @TempDir Path dir;

  private static GitHubConfig github(Map<String, String> env, String yaml) {
    return new ConfigLoader(env, () -> "generated").parse(FILE, yaml, true).github();
  }

  private static List<String> problems(Map<String, String> env, String yaml) {
    try {
      new ConfigLoader(env, () -> "generated").parse(FILE, yaml, true);
    } catch (ConfigFileException e) {
      assertThat(e.getMessage()).doesNotContain(TestAppKey.bodyLine());
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("expected problems in:\n" + yaml);
  }

  private static List<String> problems(String yaml) {
    return problems(Map.of(), yaml);
  }

  private Path keyFile(String text) throws Exception {
    Path file = dir.resolve("app.private-key.pem");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void appIdWithAKeyFileCallsGitHubAsTheAppAndTurnsDryRunOff() throws Exception {
    Path key = keyFile(TestAppKey.PEM);

    GitHubConfig github =
        github(Map.of(), HEAD + "  app_id: 123456\n  private_key_file: " + key + "\n");

    assertThat(github.app().appId()).isEqualTo("123456");
    assertThat(github.app().privateKeyPem()).isEqualTo(TestAppKey.PEM);
    assertThat(github.token()).isNull();
    assertThat(github.dryRun()).isFalse();
    assertThat(github.toString())
        .contains("app=123456")
        .contains("token=none")
        .doesNotContain(TestAppKey.bodyLine());
  }

  @Test
  void keyFromTheEnvironmentInDoubleQuotesWithLineBreaksOrEscapedOnes() {
    String yaml =
        HEAD + "  app_id: Iv23liAbCdEf0123\n  private_key: \"${GITHUB_APP_PRIVATE_KEY}\"\n";
    String escaped = TestAppKey.PEM.replace("\n", "\\n");

    GitHubConfig withBreaks = github(Map.of("GITHUB_APP_PRIVATE_KEY", TestAppKey.PEM), yaml);
    GitHubConfig withEscapes = github(Map.of("GITHUB_APP_PRIVATE_KEY", escaped), yaml);

    assertThat(withBreaks.app().appId()).isEqualTo("Iv23liAbCdEf0123");
    assertThat(withBreaks.app().privateKeyPem()).isEqualTo(TestAppKey.PEM);
    assertThat(withEscapes.app().privateKeyPem()).isEqualTo(TestAppKey.PEM);
    assertThat(withBreaks.dryRun()).isFalse();
  }

  @Test
  void appMayBeKeptInDryRun() throws Exception {
    Path key = keyFile(TestAppKey.PEM);

    GitHubConfig github =
        github(Map.of(), HEAD + "  app_id: 1\n  private_key_file: " + key + "\n  dry_run: true\n");

    assertThat(github.dryRun()).isTrue();
    assertThat(github.app()).isNotNull();
  }

  @Test
  void tokenAndAppExcludeEachOther() throws Exception {
    Path key = keyFile(TestAppKey.PEM);

    assertThat(problems(HEAD + "  token: t\n  app_id: 1\n  private_key_file: " + key + "\n"))
        .containsExactly(
            FILE
                + ":4: github.app_id: github.token is set too: call GitHub with a token or as an"
                + " App, not both");
  }

  @Test
  void appIdAndKeyNeedEachOtherAndOneKeyOnly() throws Exception {
    Path key = keyFile(TestAppKey.PEM);

    assertThat(problems(HEAD + "  app_id: 1\n"))
        .containsExactly(
            FILE
                + ":3: github.app_id: needs the App's private key: github.private_key_file or"
                + " github.private_key");
    assertThat(problems(HEAD + "  private_key_file: " + key + "\n  private_key: x\n"))
        .containsExactly(
            FILE + ":3: github.private_key_file: needs github.app_id: the key is the App's",
            FILE + ":4: github.private_key: needs github.app_id: the key is the App's");
    assertThat(problems(HEAD + "  app_id: 1\n  private_key_file: " + key + "\n  private_key: x\n"))
        .containsExactly(
            FILE
                + ":5: github.private_key: github.private_key_file is set too: give the App's key"
                + " one way");
  }

  @Test
  void unreadableOrWrongKeysAreNamedWithoutQuotingThem() throws Exception {
    Path missing = dir.resolve("missing.pem");
    String broken = TestAppKey.PEM.replace(TestAppKey.bodyLine(), "AAAA" + TestAppKey.bodyLine());

    assertThat(problems(HEAD + "  app_id: 1\n  private_key_file: " + missing + "\n"))
        .containsExactly(FILE + ":4: github.private_key_file: " + missing + ": no such file");
    assertThat(problems(HEAD + "  app_id: 1\n  private_key_file: " + dir + "\n"))
        .singleElement()
        .asString()
        .startsWith(FILE + ":4: github.private_key_file: " + dir + ": cannot be read (");
    Path big = keyFile("x".repeat(70_000));
    assertThat(problems(HEAD + "  app_id: 1\n  private_key_file: " + big + "\n"))
        .containsExactly(
            FILE
                + ":4: github.private_key_file: "
                + big
                + ": is larger than 64 KB, not an App's private key");
    Path wrong = keyFile(broken);
    assertThat(problems(HEAD + "  app_id: 1\n  private_key_file: " + wrong + "\n"))
        .singleElement()
        .asString()
        .startsWith(
            FILE + ":4: github.private_key_file: " + wrong + ": private key cannot be read");
    assertThat(
            problems(
                Map.of("KEY", "ssh-rsa AAAAB3NzaC1yc2E"),
                HEAD + "  app_id: 1\n  private_key: \"${KEY}\"\n"))
        .containsExactly(
            FILE
                + ":4: github.private_key: private key is not an unencrypted PEM RSA key (BEGIN"
                + " RSA PRIVATE KEY or BEGIN PRIVATE KEY)");
  }

  @Test
  void appIdMustLookLikeOne() throws Exception {
    Path key = keyFile(TestAppKey.PEM);

    assertThat(problems(HEAD + "  app_id: \"12 34\"\n  private_key_file: " + key + "\n"))
        .containsExactly(
            FILE
                + ":3: github.app_id: expected the App id (123456) or its client id (Iv23li...),"
                + " got \"12 34\"");
  }
}
