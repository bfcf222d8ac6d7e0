package com.sparkify.dwh.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens, enough to tell literals, identifiers and comments apart from the
 * rest. It does not parse: the SQL catalog uses it to split scripts and fill placeholders, the local
 * warehouse to rewrite Redshift-only syntax without touching the inside of literals.
 */
public final class SqlLexer {

    private SqlLexer() {
    }

    public static List<SqlToken> tokenize(String sql) {
        List<SqlToken> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            SqlToken.Type type;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                type = SqlToken.Type.WHITESPACE;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                type = SqlToken.Type.LINE_COMMENT;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new SqlSyntaxException("unterminated /* comment starting at offset " + start);
                }
                i = end + 2;
                type = SqlToken.Type.BLOCK_COMMENT;
            } else if (c == '\'') {
                i = endOfQuoted(sql, i, '\'', "string literal");
                type = SqlToken.Type.STRING;
            } else if (c == '"') {
                i = endOfQuoted(sql, i, '"', "quoted identifier");
                type = SqlToken.Type.QUOTED_IDENTIFIER;
            } else if (c == '{' && sql.startsWith("{{", i)) {
                int end = sql.indexOf("}}", i + 2);
                if (end < 0) {
                    throw new SqlSyntaxException("unterminated {{placeholder starting at offset " + start);
                }
                i = end + 2;
                type = SqlToken.Type.PLACEHOLDER;
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                if (close < 0) {
                    throw new SqlSyntaxException("unterminated " + tag + " quoted text starting at offset " + start);
                }
                i = close + tag.length();
                type = SqlToken.Type.DOLLAR_STRING;
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && isWordPart(sql.charAt(i))) {
                    i++;
                }
                type = SqlToken.Type.WORD;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
                        j++;
                    }
                    if (j < n && Character.isDigit(sql.charAt(j))) {
                        i = j;
                        while (i < n && Character.isDigit(sql.charAt(i))) {
                            i++;
                        }
                    }
                }
                type = SqlToken.Type.NUMBER;
            } else if (c == ';') {
                i++;
                type = SqlToken.Type.SEMICOLON;
            } else {
                i++;
                type = SqlToken.Type.SYMBOL;
            }
            tokens.add(new SqlToken(type, sql.substring(start, i), start));
        }
        return tokens;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Index just past the closing quote; a doubled quote inside stands for one. */
    private static int endOfQuoted(String sql, int start, char quote, String what) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new SqlSyntaxException("unterminated " + what + " starting at offset " + start);
    }

    /** For "$$" or "$tag$" at i, the index just past the opening tag; otherwise -1. */
    private static int dollarTagEnd(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return j + 1;
        }
        return -1;
    }

    /** The statements of a script, without their semicolons, comments before them or empty ones. */
    public static List<List<SqlToken>> splitStatements(List<SqlToken> tokens) {
        List<List<SqlToken>> statements = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        for (SqlToken token : tokens) {
            if (token.type() == SqlToken.Type.SEMICOLON) {
                addTrimmed(statements, current);
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        addTrimmed(statements, current);
        return statements;
    }

    private static void addTrimmed(List<List<SqlToken>> statements, List<SqlToken> tokens) {
        int from = 0;
        int to = tokens.size();
        while (from < to && tokens.get(from).isTrivia()) {
            from++;
        }
        while (to > from && tokens.get(to - 1).isTrivia()) {
            to--;
        }
        if (from < to) {
            statements.add(List.copyOf(tokens.subList(from, to)));
        }
    }

    /** The statements of a script as text. */
    public static List<String> splitStatements(String sql) {
        List<String> statements = new ArrayList<>();
        for (List<SqlToken> statement : splitStatements(tokenize(sql))) {
            statements.add(join(statement));
        }
        return statements;
    }

    public static String join(List<SqlToken> tokens) {
        StringBuilder text = new StringBuilder();
        for (SqlToken token : tokens) {
            text.append(token.text());
        }
        return text.toString();
    }
}
