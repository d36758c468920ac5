package app.thaw.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import app.thaw.monitor.rules.RuleError.Kind;
import app.thaw.platform.problem.FieldViolation;
import org.junit.jupiter.api.Test;

/** CEL's compiler errors read into a kind and a position a page can word, on what people really type wrong. */
class RuleErrorTests {

    private static final CelRules CEL = new CelRules(1000);

    private static RuleInvalid refused(String expression) {
        RuleInvalid invalid = catchThrowableOfType(RuleInvalid.class, () -> CEL.compile(expression));
        assertThat(invalid).as(expression).isNotNull();
        return invalid;
    }

    private static RuleError error(String expression) {
        return refused(expression).error();
    }

    @Test
    void fullWidthPunctuationFromAChineseKeyboardIsNamedWithTheCharacterToWriteInstead() {
        assertThat(error("signal.type == （'LOGIN'）"))
                .returns(Kind.FULL_WIDTH, RuleError::kind)
                .returns(1, RuleError::line)
                .returns(16, RuleError::column)
                .returns("（", RuleError::subject)
                .returns("(", RuleError::hint);
        assertThat(error("signal.type ＝＝ 'LOGIN'"))
                .returns(Kind.FULL_WIDTH, RuleError::kind)
                .returns(13, RuleError::column)
                .returns("=", RuleError::hint);
        assertThat(error("signal.amount ＞ 100.0")).returns(">", RuleError::hint);
        // A character that is wrong anywhere, not a full-width twin of a right one.
        assertThat(error("signal.type == 'A' # comment"))
                .returns(Kind.CHARACTER, RuleError::kind)
                .returns("#", RuleError::subject)
                .returns("", RuleError::hint);
    }

    @Test
    void anUnknownNameIsNamedWhereverItIsEvenOnALaterLine() {
        assertThat(error("foo.bar == 1"))
                .returns(Kind.UNKNOWN_NAME, RuleError::kind)
                .returns("foo", RuleError::subject)
                .returns(1, RuleError::column);
        assertThat(error("signal.type == 'LOGIN'\n  && sigal.amount > 1.0"))
                .returns(Kind.UNKNOWN_NAME, RuleError::kind)
                .returns("sigal", RuleError::subject)
                .returns(2, RuleError::line)
                .returns(6, RuleError::column);
        assertThat(error("unknownFn(signal.type)")).returns("unknownFn", RuleError::subject);
    }

    @Test
    void wrongTypesNameTheOperatorAsWrittenAndTheTypesItWasGiven() {
        assertThat(error("'a' == 1"))
                .returns(Kind.WRONG_TYPES, RuleError::kind)
                .returns("==", RuleError::subject)
                .returns("(string, int)", RuleError::hint);
        assertThat(error("signal.type.startsWith(1)"))
                .returns(Kind.WRONG_TYPES, RuleError::kind)
                .returns("startsWith", RuleError::subject);
        assertThat(error("size(signal.type, 1) == 1")).returns("size", RuleError::subject);
        assertThat(error("1 + 2")).returns(Kind.NOT_BOOLEAN, RuleError::kind).returns("int", RuleError::subject);
        assertThat(error("signal.amount * 2.0")).returns(Kind.NOT_BOOLEAN, RuleError::kind);
    }

    @Test
    void emptyUnfinishedAndMisplacedExpressionsAreSyntaxErrorsAtTheirPlace() {
        assertThat(error("")).returns(Kind.EMPTY, RuleError::kind);
        assertThat(error("   \n  ")).returns(Kind.EMPTY, RuleError::kind);
        assertThat(error("signal.type == 'LOGIN' &&"))
                .returns(Kind.INCOMPLETE, RuleError::kind)
                .returns(26, RuleError::column);
        assertThat(error("signal.type == 'A' 'B'"))
                .returns(Kind.SYNTAX, RuleError::kind)
                .returns("'B'", RuleError::subject);
        assertThat(error("signal.type == \"LOGIN")).returns(Kind.CHARACTER, RuleError::kind);
    }

    @Test
    void theApisProblemStillNamesTheFieldAndTheRuleWithCelsOwnText() {
        RuleInvalid invalid = refused("foo == 1");
        assertThat(invalid.error().detail()).contains("undeclared reference to 'foo'");
        assertThat(invalid.getMessage()).startsWith("The field 'expression' is invalid: ERROR: <input>:1:1:");
        assertThat(invalid.properties()).containsKey("errors");
        assertThat((List<?>) invalid.properties().get("errors"))
                .singleElement()
                .isInstanceOfSatisfying(FieldViolation.class, violation -> {
                    assertThat(violation.field()).isEqualTo("expression");
                    assertThat(violation.rule()).isEqualTo("Cel");
                    assertThat(violation.message()).contains("undeclared reference to 'foo'");
                });
        assertThat(error("x").arguments()).containsExactly("1", "1", "x", "");
    }

    @Test
    void operatorsAreWrittenAsPeopleWriteThem() {
        assertThat(RuleError.operator("_==_")).isEqualTo("==");
        assertThat(RuleError.operator("_&&_")).isEqualTo("&&");
        assertThat(RuleError.operator("!_")).isEqualTo("!");
        assertThat(RuleError.operator("-_")).isEqualTo("-");
        assertThat(RuleError.operator("_[_]")).isEqualTo("[]");
        assertThat(RuleError.operator("matches")).isEqualTo("matches");
    }
}
