package io.gitbridge.cli.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in a YAML text before it is parsed, keeping
 * every line where it was so that errors still point at the right line.
 *
 * <p>The default applies when the variable is unset or empty, as in a POSIX shell. {@code $${}
 * writes a literal {@code ${}. Comments are left alone. Inside a quoted scalar the value is escaped
 * for that quoting, so any value is safe there; unquoted, a value that YAML would read differently
 * (holding {@code ": "} or {@code " #"}, or starting with a YAML indicator) is reported rather than
 * silently changing the document's meaning. A value with a line break fits only in double quotes.
 * Problems are collected, not thrown; values never appear in them.
 */
final class EnvSubstitution {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String SCALAR_STARTERS = "\n:-[{,?";
  private static final String INDICATORS = "!&*|>'\"%@`#{[]},";

  /** A reference that could not be replaced, at the column its value would have started. */
  record Unresolved(int line, int column, String message) {}

  /** The substituted text and what could not be substituted. */
  record Result(String text, List<Unresolved> problems) {}

  private enum Quote {
    NONE,
    SINGLE,
    DOUBLE
  }

  private final String text;
  private final Map<String, String> env;
  private final StringBuilder out;
  private final List<Unresolved> problems = new ArrayList<>();
  private int line = 1;
  private int lineStart;

  private EnvSubstitution(String text, Map<String, String> env) {
    this.text = text;
    this.env = env;
    this.out = new StringBuilder(text.length());
  }

  static Result apply(String text, Map<String, String> env) {
    EnvSubstitution s = new EnvSubstitution(text, env);
    s.run();
    return new Result(s.out.toString(), List.copyOf(s.problems));
  }

  private void run() {
    Quote quote = Quote.NONE;
    boolean comment = false;
    char previous = '\n'; // the last non-blank character on this line
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append(c);
        line++;
        lineStart = out.length();
        comment = false;
        previous = '\n';
        i++;
        continue;
      }
      if (comment) {
        out.append(c);
        i++;
        continue;
      }
      if (quote == Quote.NONE) {
        if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
          comment = true;
        } else if ((c == '\'' || c == '"') && SCALAR_STARTERS.indexOf(previous) >= 0) {
          quote = c == '"' ? Quote.DOUBLE : Quote.SINGLE;
        }
      } else if (quote == Quote.SINGLE && c == '\'') {
        if (text.startsWith("''", i)) {
          out.append("''");
          i += 2;
          continue;
        }
        quote = Quote.NONE;
      } else if (quote == Quote.DOUBLE && c == '\\' && i + 1 < text.length()) {
        out.append(c);
        i++;
        if (text.charAt(i) != '\n') {
          out.append(text.charAt(i));
          i++;
        }
        continue;
      } else if (quote == Quote.DOUBLE && c == '"') {
        quote = Quote.NONE;
      }
      if (!comment && c == '$' && text.startsWith("${", i + 1)) {
        out.append("${");
        i += 3;
        previous = '{';
        continue;
      }
      if (!comment && c == '$' && text.startsWith("{", i + 1)) {
        i = substitute(i, quote, SCALAR_STARTERS.indexOf(previous) >= 0);
        previous = 'x';
        continue;
      }
      out.append(c);
      if (!Character.isWhitespace(c)) {
        previous = c;
      }
      i++;
    }
  }

  /** Substitutes the reference starting at {@code start}; returns the index after it. */
  private int substitute(int start, Quote quote, boolean startsScalar) {
    int column = out.length() - lineStart + 1;
    int lineEnd = text.indexOf('\n', start);
    int end = text.indexOf('}', start);
    if (end < 0 || (lineEnd >= 0 && end > lineEnd)) {
      problems.add(
          new Unresolved(line, column, "'${' is not closed on this line (write $${ for a '${')"));
      out.append('$');
      return start + 1;
    }
    String reference = text.substring(start + 2, end);
    int separator = reference.indexOf(":-");
    String name = separator < 0 ? reference : reference.substring(0, separator);
    String fallback = separator < 0 ? null : reference.substring(separator + 2);
    if (!NAME.matcher(name).matches()) {
      problems.add(
          new Unresolved(
              line,
              column,
              "'${" + reference + "}' is not a variable reference (${NAME} or ${NAME:-default})"));
      return end + 1;
    }
    String value = env.get(name);
    if (fallback != null && (value == null || value.isEmpty())) {
      value = fallback;
    }
    if (value == null) {
      problems.add(
          new Unresolved(
              line,
              column,
              "${"
                  + name
                  + "} is not set in the environment (write ${"
                  + name
                  + ":-default} to give a default)"));
      return end + 1;
    }
    String problem = unfit(value, quote, startsScalar);
    if (problem != null) {
      problems.add(new Unresolved(line, column, "the value of ${" + name + "} " + problem));
      return end + 1;
    }
    out.append(escape(value, quote));
    return end + 1;
  }

  private static String unfit(String value, Quote quote, boolean startsScalar) {
    boolean lineBreak = value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    if (lineBreak && quote != Quote.DOUBLE) {
      return "holds a line break: put the reference in double quotes";
    }
    if (quote == Quote.NONE
        && (value.contains(": ")
            || value.contains(" #")
            || value.endsWith(":")
            || (startsScalar && !value.isEmpty() && INDICATORS.indexOf(value.charAt(0)) >= 0))) {
      return "holds YAML punctuation: put the reference in double quotes";
    }
    return null;
  }

  private static String escape(String value, Quote quote) {
    if (quote == Quote.SINGLE) {
      return value.replace("'", "''");
    }
    if (quote == Quote.NONE) {
      return value;
    }
    StringBuilder escaped = new StringBuilder(value.length() + 8);
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\':
          escaped.append("\\\\");
          break;
        case '"':
          escaped.append("\\\"");
          break;
        case '\n':
          escaped.append("\\n");
          break;
        case '\r':
          escaped.append("\\r");
          break;
        case '\t':
          escaped.append("\\t");
          break;
        default:
          if (c < 0x20) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
      }
    }
    return escaped.toString();
  }
}
