package io.gitbridge.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {
  private static EnvSubstitution.Result apply(String text, Map<String, String> env) {
    return EnvSubstitution.apply(text, env);
  }

  @Test
  void setVariableIsReplaced() {
    var result = apply("token: ${TOKEN}\n", Map.of("TOKEN", "abc"));
    assertThat(result.text()).isEqualTo("token: abc\n");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void defaultAppliesWhenUnsetOrEmptyButNotWhenSet() {
    assertThat(apply("a: ${X:-d}", Map.of()).text()).isEqualTo("a: d");
    assertThat(apply("a: ${X:-d}", Map.of("X", "")).text()).isEqualTo("a: d");
    assertThat(apply("a: ${X:-d}", Map.of("X", "v")).text()).isEqualTo("a: v");
    assertThat(apply("a: ${X:-}", Map.of()).text()).isEqualTo("a: ");
  }

  @Test
  void unsetVariableWithoutDefaultIsAProblemAtItsLineAndColumn() {
    var result = apply("a: 1\nb: ${MISSING}\n", Map.of());
    assertThat(result.text()).isEqualTo("a: 1\nb: \n");
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.column()).isEqualTo(4);
              assertThat(p.message()).startsWith("${MISSING} is not set in the environment");
            });
  }

  @Test
  void lineCountStaysTheSame() {
    String text = "a: ${A}\n# ${NOT_SUBSTITUTED}\nb: \"${B}\"\nc: '${C}'\n";
    var result = apply(text, Map.of("A", "x", "B", "multi\nline", "C", "y"));
    assertThat(result.problems()).isEmpty();
    assertThat(result.text().lines()).hasSize(4);
    assertThat(result.text()).contains("b: \"multi\\nline\"");
  }

  @Test
  void commentsAreLeftAlone() {
    var result = apply("# ${NOPE}\na: 1 # ${NOPE}\nb: x#${Y}\n", Map.of("Y", "y"));
    assertThat(result.problems()).isEmpty();
    assertThat(result.text()).isEqualTo("# ${NOPE}\na: 1 # ${NOPE}\nb: x#y\n");
  }

  @Test
  void valuesAreEscapedForTheirQuoting() {
    Map<String, String> env = Map.of("V", "it's \"q\" \\ \t\u0001");
    assertThat(apply("a: \"${V}\"", env).text()).isEqualTo("a: \"it's \\\"q\\\" \\\\ \\t\\u0001\"");
    assertThat(apply("a: '${V}'", env).text()).isEqualTo("a: 'it''s \"q\" \\ \t\u0001'");
  }

  @Test
  void quotesInsidePlainScalarsDoNotStartQuoting() {
    var result = apply("a: it's ${V}\nb: 'x''y ${V}'\n", Map.of("V", "v"));
    assertThat(result.text()).isEqualTo("a: it's v\nb: 'x''y v'\n");
  }

  @Test
  void doubleQuotedEscapesAndLineContinuationsAreKept() {
    var result = apply("a: \"x\\\"${V}\\\n  y\"\n", Map.of("V", "v"));
    assertThat(result.text()).isEqualTo("a: \"x\\\"v\\\n  y\"\n");
    assertThat(result.text().lines()).hasSize(2);
  }

  @Test
  void doubleDollarWritesALiteralReference() {
    var result = apply("a: $${HOME} and $5", Map.of("HOME", "/root"));
    assertThat(result.text()).isEqualTo("a: ${HOME} and $5");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void malformedReferencesAreProblems() {
    var result = apply("a: ${NOT CLOSED\nb: ${1BAD}\n", Map.of());
    assertThat(result.problems()).hasSize(2);
    assertThat(result.problems().get(0).message()).contains("is not closed");
    assertThat(result.problems().get(1).line()).isEqualTo(2);
    assertThat(result.problems().get(1).message()).contains("is not a variable reference");
  }

  @Test
  void unquotedValueThatYamlWouldMisreadIsAProblemThatDoesNotShowTheValue() {
    var result =
        apply("a: ${A}\nb: ${B}\nc: ${C}\nd: x${C}\n", Map.of("A", "x #y", "B", "k: v", "C", "*z"));
    assertThat(result.problems()).hasSize(3);
    assertThat(result.problems())
        .allSatisfy(p -> assertThat(p.message()).contains("put the reference in double quotes"))
        .noneSatisfy(p -> assertThat(p.message()).contains("#y"));
    assertThat(result.text()).endsWith("d: x*z\n");
  }

  @Test
  void lineBreakOutsideDoubleQuotesIsAProblem() {
    var result = apply("a: ${V}\nb: '${V}'\n", Map.of("V", "x\ny"));
    assertThat(result.problems()).hasSize(2);
    assertThat(result.problems().get(0).message()).contains("line break");
  }
}
