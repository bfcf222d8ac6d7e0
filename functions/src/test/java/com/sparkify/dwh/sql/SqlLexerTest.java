package com.sparkify.dwh.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.dwh.sql.SqlToken.Type;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLexerTest {

    private static List<SqlToken> significant(String sql) {
        return SqlLexer.tokenize(sql).stream().filter(t -> !t.isTrivia()).toList();
    }

    private static List<Type> types(String sql) {
        return significant(sql).stream().map(SqlToken::type).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 'a;b' AS \"x;y\" -- c; d\nFROM t /* e; f */;",
        "COPY t FROM 's3://b/k' IAM_ROLE 'arn' FORMAT AS JSON 'auto ignorecase' MAXERROR 10;",
        "SELECT $$ a ; b $$, $fn$ it's $$ ; $fn$, {{ name }}, 1.5e-3, .5, \"a\"\"b\" FROM x",
        "",
        "   \n\t",
        "SELECT 1;;; SELECT 2",
    })
    void tokensConcatenateBackToTheInput(String sql) {
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        assertThat(SqlLexer.join(tokens)).isEqualTo(sql);
        int offset = 0;
        for (SqlToken token : tokens) {
            assertThat(token.offset()).isEqualTo(offset);
            offset += token.text().length();
        }
    }

    @Test
    void semicolonAndCommentMarkersInsideALiteralAreText() {
        List<SqlToken> tokens = significant("SELECT 'a;b -- c /* d */ e' FROM t");
        assertThat(tokens).extracting(SqlToken::type)
                .containsExactly(Type.WORD, Type.STRING, Type.WORD, Type.WORD);
        assertThat(tokens.get(1).stringValue()).isEqualTo("a;b -- c /* d */ e");
        assertThat(SqlLexer.splitStatements("SELECT 'a;b'; SELECT '--x'; SELECT '/*'"))
                .containsExactly("SELECT 'a;b'", "SELECT '--x'", "SELECT '/*'");
    }

    @Test
    void doubledQuotesStayInsideTheLiteral() {
        List<SqlToken> tokens = significant("SELECT 'it''s; ok', ''''");
        assertThat(tokens).extracting(SqlToken::type)
                .containsExactly(Type.WORD, Type.STRING, Type.SYMBOL, Type.STRING);
        assertThat(tokens.get(1).text()).isEqualTo("'it''s; ok'");
        assertThat(tokens.get(1).stringValue()).isEqualTo("it's; ok");
        assertThat(tokens.get(3).stringValue()).isEqualTo("'");
        assertThat(significant("SELECT ''").get(1).stringValue()).isEmpty();
    }

    @Test
    void quotedIdentifiers() {
        List<SqlToken> tokens = significant("SELECT \"Weird \"\"name\"\"; -- x\" FROM \"T\"");
        assertThat(tokens).extracting(SqlToken::type)
                .containsExactly(Type.WORD, Type.QUOTED_IDENTIFIER, Type.WORD, Type.QUOTED_IDENTIFIER);
        assertThat(tokens.get(1).identifierName()).isEqualTo("Weird \"name\"; -- x");
        assertThat(tokens.get(3).identifierName()).isEqualTo("T");
        assertThat(tokens.get(2).identifierName()).isEqualTo("from");
        assertThat(SqlLexer.splitStatements("SELECT \"a;b\"; SELECT 2")).containsExactly("SELECT \"a;b\"", "SELECT 2");
    }

    @Test
    void lineCommentsRunToTheEndOfTheLine() {
        List<SqlToken> tokens = SqlLexer.tokenize("SELECT 1 -- it's; 'not' a literal\n, 2");
        assertThat(tokens).filteredOn(t -> t.type() == Type.LINE_COMMENT).singleElement()
                .extracting(SqlToken::text).isEqualTo("-- it's; 'not' a literal");
        assertThat(tokens).noneMatch(t -> t.type() == Type.STRING || t.type() == Type.SEMICOLON);
        assertThat(SqlLexer.tokenize("SELECT 1 -- no newline at the end; 'x").get(4).type())
                .isEqualTo(Type.LINE_COMMENT);
    }

    @Test
    void blockComments() {
        List<SqlToken> tokens = SqlLexer.tokenize("SELECT /* a; 'b\n -- c */ 1");
        assertThat(tokens).filteredOn(t -> t.type() == Type.BLOCK_COMMENT).singleElement()
                .extracting(SqlToken::text).isEqualTo("/* a; 'b\n -- c */");
        assertThat(types("SELECT /* a; 'b\n -- c */ 1")).containsExactly(Type.WORD, Type.NUMBER);
        assertThat(SqlLexer.splitStatements("/* x; y */ SELECT 1")).containsExactly("SELECT 1");
    }

    @Test
    void triviaIsWhitespaceAndComments() {
        assertThat(SqlLexer.tokenize(" -- a\n/* b */")).allMatch(SqlToken::isTrivia);
        assertThat(SqlLexer.tokenize("'x' \"y\" z 1 ; ( {{p}}")).filteredOn(t -> t.type() != Type.WHITESPACE)
                .noneMatch(SqlToken::isTrivia);
    }

    @Test
    void dollarQuoting() {
        List<SqlToken> tokens = significant("SELECT $$ a; 'b -- c $$, $body$ x $$ ; y $body$, $1, a$b$c");
        assertThat(tokens).extracting(SqlToken::type).containsExactly(
                Type.WORD, Type.DOLLAR_STRING, Type.SYMBOL, Type.DOLLAR_STRING, Type.SYMBOL,
                Type.SYMBOL, Type.NUMBER, Type.SYMBOL, Type.WORD);
        assertThat(tokens.get(1).text()).isEqualTo("$$ a; 'b -- c $$");
        assertThat(tokens.get(3).text()).isEqualTo("$body$ x $$ ; y $body$");
        assertThat(tokens.get(8).text()).isEqualTo("a$b$c");
        assertThat(SqlLexer.splitStatements("CREATE PROCEDURE p() AS $$ BEGIN x; y; END $$ LANGUAGE plpgsql; CALL p()"))
                .hasSize(2);
    }

    @Test
    void placeholders() {
        List<SqlToken> tokens = significant("FROM {{source}} IAM_ROLE {{ iam_role }}");
        assertThat(tokens).extracting(SqlToken::type)
                .containsExactly(Type.WORD, Type.PLACEHOLDER, Type.WORD, Type.PLACEHOLDER);
        assertThat(tokens.get(1).placeholderName()).isEqualTo("source");
        assertThat(tokens.get(3).placeholderName()).isEqualTo("iam_role");
        // Not placeholders: inside literals, identifiers and comments; a single brace.
        assertThat(SqlLexer.tokenize("SELECT '{{a}}', \"{{b}}\" -- {{c}}\n /* {{d}} */ {x}"))
                .noneMatch(t -> t.type() == Type.PLACEHOLDER);
    }

    @Test
    void numbersWordsAndSymbols() {
        List<SqlToken> tokens = significant("SELECT 1, 2.5, 1e10, 3E-2, .5, x1_y$ FROM t WHERE a<>b;");
        assertThat(tokens).filteredOn(t -> t.type() == Type.NUMBER).extracting(SqlToken::text)
                .containsExactly("1", "2.5", "1e10", "3E-2", ".5");
        assertThat(tokens).filteredOn(t -> t.type() == Type.WORD).extracting(SqlToken::text)
                .containsExactly("SELECT", "x1_y$", "FROM", "t", "WHERE", "a", "b");
        assertThat(tokens.get(tokens.size() - 1).type()).isEqualTo(Type.SEMICOLON);
        assertThat(tokens.get(0).isWord("select")).isTrue();
        assertThat(tokens.get(2).isSymbol(',')).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 'abc", "SELECT 'it''s", "SELECT '", "SELECT 'a''"})
    void unterminatedLiteralIsAnError(String sql) {
        assertThatThrownBy(() -> SqlLexer.tokenize(sql))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("unterminated string literal starting at offset 7");
    }

    @Test
    void otherUnterminatedTokensAreErrors() {
        assertThatThrownBy(() -> SqlLexer.tokenize("SELECT \"abc"))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("unterminated quoted identifier");
        assertThatThrownBy(() -> SqlLexer.tokenize("SELECT 1 /* abc"))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("unterminated /* comment");
        assertThatThrownBy(() -> SqlLexer.tokenize("SELECT $$ abc"))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("unterminated $$");
        assertThatThrownBy(() -> SqlLexer.tokenize("FROM {{source"))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("unterminated {{placeholder");
    }

    @Test
    void tokenAccessorsRefuseOtherTypes() {
        SqlToken word = new SqlToken(Type.WORD, "x", 0);
        assertThatThrownBy(word::stringValue).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(word::placeholderName).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SqlToken(Type.STRING, "'x'", 0).identifierName())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void splitsAScriptIntoStatementsWithoutSemicolonsCommentsOrEmptyOnes() {
        String script = """
                -- A header comment; with a semicolon.
                CREATE TABLE t (a INT); -- trailing comment

                /* block; comment */
                INSERT INTO t VALUES (1)
                  , (2);
                ;
                   ;
                SELECT 'x;y' -- inner comment
                FROM t
                """;
        assertThat(SqlLexer.splitStatements(script)).containsExactly(
                "CREATE TABLE t (a INT)",
                "INSERT INTO t VALUES (1)\n  , (2)",
                "SELECT 'x;y' -- inner comment\nFROM t");
    }

    @Test
    void aScriptOfOnlyCommentsHasNoStatements() {
        assertThat(SqlLexer.splitStatements("-- nothing\n/* here */ ; ;")).isEmpty();
        assertThat(SqlLexer.splitStatements("")).isEmpty();
    }

    @Test
    void statementWithoutTrailingSemicolonIsKept() {
        assertThat(SqlLexer.splitStatements("SELECT 1; SELECT 2")).containsExactly("SELECT 1", "SELECT 2");
        assertThat(SqlLexer.splitStatements(SqlLexer.tokenize("SELECT 1; SELECT 2"))).hasSize(2)
                .allSatisfy(statement -> assertThat(statement).noneMatch(t -> t.type() == Type.SEMICOLON));
    }
}
