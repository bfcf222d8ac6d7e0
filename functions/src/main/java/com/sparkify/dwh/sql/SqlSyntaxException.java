package com.sparkify.dwh.sql;

/** SQL text that cannot even be tokenized (an unterminated literal or comment). */
public class SqlSyntaxException extends RuntimeException {
    public SqlSyntaxException(String message) {
        super(message);
    }
}
