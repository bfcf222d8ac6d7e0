package com.sparkify.dwh.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLiteralTest {

    private static final String WHAT = "placeholder {{source}}";

    /** The single token a rendered literal lexes to. */
    private static SqlToken lexOne(String literal) {
        List<SqlToken> tokens = SqlLexer.tokenize(literal);
        assertThat(tokens).hasSize(1);
        return tokens.get(0);
    }

    @Test
    void quotesAreDoubled() {
        assertThat(SqlLiteral.quote("it's", WHAT)).isEqualTo("'it''s'");
        assertThat(SqlLiteral.quote("''", WHAT)).isEqualTo("''''''");
        assertThat(SqlLiteral.quote("", WHAT)).isEqualTo("''");
        assertThat(SqlLiteral.quote("s3://udacity-dend/log_data/", WHAT)).isEqualTo("'s3://udacity-dend/log_data/'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "x'; DROP TABLE users; --",
        "'", "''", "'''", "a'b'c", "--", "/*", "*/", ";", "$$", "$a$", "\"", "{{region}}", "}}",
        "é ü ß 日本 😀", "%s %n", "?", "a\u2028b", "\u00a0"
    })
    void aQuotedValueLexesToOneStringLiteralWithTheSameValue(String value) {
        SqlToken token = lexOne(SqlLiteral.quote(value, WHAT));
        assertThat(token.type()).isEqualTo(SqlToken.Type.STRING);
        assertThat(token.stringValue()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "\t", "a\u0000b", "\u0007", "\u001b[31m", "a\u007fb", "\u0085", "\u009f"})
    void controlCharactersAreRefused(String value) {
        assertThatThrownBy(() -> SqlLiteral.quote(value, WHAT))
                .isInstanceOf(UnsafeSqlValueException.class)
                .hasMessageStartingWith(WHAT)
                .hasMessageContaining("control character U+");
    }

    @Test
    void controlCharacterErrorSaysWhichAndWhere() {
        assertThatThrownBy(() -> SqlLiteral.quote("ab\ncd", WHAT))
                .hasMessage(WHAT + " contains the control character U+000A at position 2; refusing to put it in SQL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\", "a\\'b", "x\\'; DROP TABLE users; --", "C:\\data"})
    void backslashIsRefused(String value) {
        assertThatThrownBy(() -> SqlLiteral.quote(value, WHAT))
                .isInstanceOf(UnsafeSqlValueException.class)
                .hasMessageStartingWith(WHAT)
                .hasMessageContaining("backslash at position " + value.indexOf('\\'));
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> SqlLiteral.quote(null, WHAT))
                .isInstanceOf(UnsafeSqlValueException.class)
                .hasMessage(WHAT + " has no value (null)");
        assertThatThrownBy(() -> SqlLiteral.render(null, WHAT))
                .isInstanceOf(UnsafeSqlValueException.class)
                .hasMessageStartingWith(WHAT)
                .hasMessageContaining("null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud83d", "a\ud83db", "\ude00", "a\ude00\ud83d", "\ud83d\ud83d\ude00x"})
    void unpairedSurrogatesAreRefused(String value) {
        assertThatThrownBy(() -> SqlLiteral.quote(value, WHAT))
                .isInstanceOf(UnsafeSqlValueException.class)
                .hasMessageStartingWith(WHAT)
                .hasMessageContaining("unpaired UTF-16 surrogate");
    }

    @Test
    void surrogatePairsAreFine() {
        assertThat(SqlLiteral.quote("song_\ud83d\ude00.json", WHAT)).isEqualTo("'song_😀.json'");
    }

    @Test
    void wholeNumbersAreRenderedAsDigits() {
        assertThat(SqlLiteral.render(10, WHAT)).isEqualTo("10");
        assertThat(SqlLiteral.render(0, WHAT)).isEqualTo("0");
        assertThat(SqlLiteral.render(Long.MAX_VALUE, WHAT)).isEqualTo("9223372036854775807");
        assertThat(SqlLiteral.render((short) 7, WHAT)).isEqualTo("7");
        assertThat(SqlLiteral.render(-5, WHAT)).isEqualTo("-5");
        assertThat(SqlLexer.tokenize(SqlLiteral.render(123, WHAT))).singleElement()
                .extracting(SqlToken::type).isEqualTo(SqlToken.Type.NUMBER);
    }

    @Test
    void stringsAreQuotedByRender() {
        assertThat(SqlLiteral.render("it's", WHAT)).isEqualTo("'it''s'");
        assertThat(SqlLiteral.render("10", WHAT)).isEqualTo("'10'");
    }

    @Test
    void otherTypesAreRefused() {
        for (Object value : List.of(1.5, 1.5f, new BigDecimal("1"), BigInteger.ONE, true, 'c', new Object(),
                List.of("a"), new StringBuilder("x"))) {
            assertThatThrownBy(() -> SqlLiteral.render(value, WHAT))
                    .as("%s", value.getClass())
                    .isInstanceOf(UnsafeSqlValueException.class)
                    .hasMessageStartingWith(WHAT)
                    .hasMessageContaining("unsupported type " + value.getClass().getSimpleName());
        }
    }
}
