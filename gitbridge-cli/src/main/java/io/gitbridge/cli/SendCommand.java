package io.gitbridge.cli;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.GitBridgeException;
import io.gitbridge.core.ingest.DeliveryHeaders;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gitbridge send --url URL --secret S --event TYPE [--delivery ID] FILE}: posts a payload
 * file the way GitHub delivers a webhook (JSON, event and delivery headers, {@code
 * X-Hub-Signature-256} over the exact bytes of the file), prints {@code HTTP STATUS delivery ID}
 * and the answer. Exit 0 for a 2xx answer, 1 otherwise.
 */
@Command(name = "send", description = "Signs a payload file as GitHub does and posts it.")
final class SendCommand implements Callable<Integer> {
  /** Read when {@code --secret} is not given, so that the secret need not be in the history. */
  static final String SECRET_ENV = "GITBRIDGE_WEBHOOK_SECRET";

  static final String USER_AGENT = "GitHub-Hookshot/gitbridge-send";
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  @ParentCommand private GitBridgeCommand root;

  @Spec private CommandSpec spec;

  @Option(names = "--url", required = true, paramLabel = "URL", description = "Webhook URL.")
  private URI url;

  @Option(
      names = "--secret",
      paramLabel = "S",
      description = "Webhook secret to sign with (default: $" + SECRET_ENV + ").")
  private String secret;

  @Option(
      names = "--event",
      required = true,
      paramLabel = "TYPE",
      description = "X-GitHub-Event, like pull_request.")
  private String event;

  @Option(
      names = "--delivery",
      paramLabel = "ID",
      description = "X-GitHub-Delivery (default: a random UUID).")
  private String delivery;

  @Parameters(paramLabel = "FILE", description = "The payload, sent byte for byte.")
  private Path file;

  @Override
  public Integer call() throws InterruptedException {
    String scheme = url.getScheme() == null ? "" : url.getScheme();
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new ParameterException(spec.commandLine(), "--url must be an http or https URL");
    }
    String key = secret != null ? secret : root.env().get(SECRET_ENV);
    if (key == null || key.isBlank()) {
      throw new ParameterException(
          spec.commandLine(), "--secret is required (or set " + SECRET_ENV + ")");
    }
    if (!event.matches("[a-z][a-z0-9_]*")) {
      throw new ParameterException(
          spec.commandLine(), "--event must be a GitHub event name like pull_request");
    }
    String id = delivery != null ? delivery : UUID.randomUUID().toString();
    byte[] body = read(file);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    DeliveryHeaders.of(event, new DeliveryId(id), body, key, USER_AGENT).forEach(request::header);
    HttpResponse<String> response = post(request.build());
    PrintWriter out = root.out();
    out.println("HTTP " + response.statusCode() + " delivery " + id);
    String answer = response.body();
    if (!answer.isEmpty()) {
      out.print(answer);
      if (!answer.endsWith("\n")) {
        out.println();
      }
    }
    out.flush();
    return response.statusCode() / 100 == 2 ? 0 : 1;
  }

  private HttpResponse<String> post(HttpRequest request) throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new GitBridgeException(
          "POST "
              + url.getScheme()
              + "://"
              + url.getHost()
              + (url.getPort() < 0 ? "" : ":" + url.getPort())
              + url.getRawPath()
              + " failed: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()),
          e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new GitBridgeException("cannot read " + file + ": no such file", e);
    } catch (IOException e) {
      throw new GitBridgeException("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }
}
