package io.gitbridge.cli.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.ConfigurationException;
import io.gitbridge.core.GitBridge;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.tasks.WebhookSender;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads {@code webhook_config.yaml} into a {@link GitBridgeConfig}: substitutes {@code ${VAR}} and
 * {@code ${VAR:-default}} from the environment, parses the YAML, checks every key and type, and
 * checks the routes by building a {@link GitBridge} with them on in-memory adapters. Every problem
 * is collected and thrown together in one {@link ConfigFileException}, each naming its line and
 * full key path.
 *
 * <p>Thread-safe; the environment is read at each load.
 */
public final class ConfigLoader {
  /** The name {@link #defaults()} reports as the origin. */
  public static final String EMBEDDED_DEFAULT = "embedded default";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, String> env;
  private final Supplier<String> generator;

  /**
   * @param env the environment to substitute from; {@code System.getenv()} in production
   */
  public ConfigLoader(Map<String, String> env) {
    this(env, ConfigLoader::randomSecret);
  }

  /**
   * @param generator makes the webhook secret and admin token when none is configured
   */
  public ConfigLoader(Map<String, String> env, Supplier<String> generator) {
    this.env = requireNonNull(env, "env == null");
    this.generator = requireNonNull(generator, "generator == null");
  }

  /**
   * Loads a configuration file; a webhook secret is required.
   *
   * @throws ConfigFileException listing every problem, or that the file cannot be read
   */
  public GitBridgeConfig load(Path file) {
    requireNonNull(file, "file == null");
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "no such file");
    } catch (CharacterCodingException e) {
      throw unreadable(file, "is not UTF-8 text");
    } catch (IOException e) {
      throw unreadable(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return parse(file.toString(), text, true);
  }

  /**
   * The embedded default: every default, in-memory queue, dry-run GitHub, and a generated webhook
   * secret and admin token (unless {@code GITBRIDGE_ADMIN_TOKEN} is set).
   */
  public GitBridgeConfig defaults() {
    return parse(EMBEDDED_DEFAULT, "", false);
  }

  /**
   * Reads configuration {@code text}.
   *
   * @param source the name problems give, normally the file name
   * @param secretRequired whether a missing webhook secret is a problem or is generated
   * @throws ConfigFileException listing every problem
   */
  public GitBridgeConfig parse(String source, String text, boolean secretRequired) {
    requireNonNull(source, "source == null");
    requireNonNull(text, "text == null");
    ProblemList problems = new ProblemList(source);
    EnvSubstitution.Result substituted = EnvSubstitution.apply(text, env);
    YamlDocument doc = YamlDocument.parse(substituted.text());
    doc.problems().forEach(p -> problems.add(p.line(), p.key(), p.message()));
    for (EnvSubstitution.Unresolved u : substituted.problems()) {
      String key = doc.keyAt(u.line(), u.column());
      problems.add(u.line(), key == null ? "${...}" : key, u.message());
    }
    if (!doc.wellFormed()) {
      problems.throwIfAny();
    }
    ConfigReader r = new ConfigReader(doc, problems);
    r.mapping("", GitBridgeConfig.KEYS);
    ConfigOrigin origin = new ConfigOrigin(source, doc);
    GitBridgeConfig config =
        new GitBridgeConfig(
            ServerConfig.read(r),
            AdminConfig.read(r, env, generator),
            QueueConfig.read(r),
            GitHubConfig.read(r, secretRequired, generator),
            MetricsConfig.read(r),
            SecurityConfig.read(r),
            NotificationsConfig.read(r),
            r.node("routes"),
            origin);
    checkRoutes(config, problems);
    problems.throwIfAny();
    return config;
  }

  /** Builds the {@code forward} task, as {@code serve} does; never asked to post. */
  private static final WebhookSender CHECK_ONLY =
      (url, headers, body) -> {
        throw new IllegalStateException("the configuration check does not post");
      };

  /** Lets the core read the routes, exactly as {@code serve} will. */
  private static void checkRoutes(GitBridgeConfig config, ProblemList problems) {
    JsonNode routes = config.routes();
    if (routes.isNull()) {
      return;
    }
    try {
      GitBridge.builder()
          .queue(InMemoryEventQueue.create())
          .gitHub(new RecordingGitHubApi())
          .webhookSender(CHECK_ONLY)
          .webhookSecrets(config.github().webhookSecrets())
          .routeDefinitions(routes)
          .build()
          .close();
    } catch (ConfigurationException e) {
      ConfigProblem p = config.origin().problem(e);
      problems.add(p.line(), p.key(), p.message());
    }
  }

  private static ConfigFileException unreadable(Path file, String why) {
    return new ConfigFileException(List.of(new ConfigProblem(file.toString(), 0, "(file)", why)));
  }

  private static String randomSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
