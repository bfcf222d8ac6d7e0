package com.sparkify.dwh.sql;

/** One lexical token of a SQL text; {@code text} is exactly what the source holds. */
public record SqlToken(Type type, String text, int offset) {

    public enum Type {
        WHITESPACE, LINE_COMMENT, BLOCK_COMMENT,
        /** A single-quoted string literal, quotes included. */
        STRING,
        /** A double-quoted identifier, quotes included. */
        QUOTED_IDENTIFIER,
        /** A dollar-quoted body ($$...$$ or $tag$...$tag$), as in stored procedures. */
        DOLLAR_STRING,
        /** A keyword or unquoted identifier. */
        WORD,
        NUMBER,
        /** A {@code {{name}}} placeholder of the SQL catalog. */
        PLACEHOLDER,
        SEMICOLON,
        /** Any other single character: parentheses, commas, operators. */
        SYMBOL
    }

    /** Whitespace and comments: tokens that do not change what a statement means. */
    public boolean isTrivia() {
        return type == Type.WHITESPACE || type == Type.LINE_COMMENT || type == Type.BLOCK_COMMENT;
    }

    /** True for a WORD equal to the keyword, ignoring case. */
    public boolean isWord(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(char symbol) {
        return type == Type.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
    }

    /** The value of a STRING token: quotes removed, doubled quotes undone. */
    public String stringValue() {
        if (type != Type.STRING) {
            throw new IllegalStateException("not a string literal: " + text);
        }
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    /** The name inside a PLACEHOLDER token. */
    public String placeholderName() {
        if (type != Type.PLACEHOLDER) {
            throw new IllegalStateException("not a placeholder: " + text);
        }
        return text.substring(2, text.length() - 2).trim();
    }

    /** An identifier's name as the database sees it: unquoted, and lower-cased unless it was quoted. */
    public String identifierName() {
        return switch (type) {
            case QUOTED_IDENTIFIER -> text.substring(1, text.length() - 1).replace("\"\"", "\"");
            case WORD -> text.toLowerCase(java.util.Locale.ROOT);
            default -> throw new IllegalStateException("not an identifier: " + text);
        };
    }
}
