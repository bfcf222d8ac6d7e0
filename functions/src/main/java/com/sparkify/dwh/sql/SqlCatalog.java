package com.sparkify.dwh.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL files of {@code sql/}, read from the classpath. A file is a script of statements separated by
 * semicolons; {@code {{name}}} placeholders outside literals and comments are filled with safely quoted
 * literals at render time.
 */
public final class SqlCatalog {

    private static final String ROOT = "sql/";

    private final ClassLoader loader;
    private final Map<String, List<List<SqlToken>>> parsed = new ConcurrentHashMap<>();

    public SqlCatalog(ClassLoader loader) {
        this.loader = loader;
    }

    public static SqlCatalog fromClasspath() {
        return new SqlCatalog(SqlCatalog.class.getClassLoader());
    }

    /** The statements of {@code sql/<name>.sql} with every placeholder filled from {@code params}. */
    public List<String> render(String name, Map<String, ?> params) {
        List<String> statements = new ArrayList<>();
        for (List<SqlToken> statement : statementsOf(name)) {
            StringBuilder sql = new StringBuilder();
            for (SqlToken token : statement) {
                if (token.type() == SqlToken.Type.PLACEHOLDER) {
                    String placeholder = token.placeholderName();
                    String what = fileName(name) + " placeholder {{" + placeholder + "}}";
                    if (!params.containsKey(placeholder)) {
                        throw new UnsafeSqlValueException(what + " has no value; given: " + params.keySet());
                    }
                    String literal = SqlLiteral.render(params.get(placeholder), what);
                    if (wouldJoin(sql)) {
                        sql.append(' '); // 1-{{n}} with n = -5 must not become the comment 1--5
                    }
                    sql.append(literal);
                } else {
                    sql.append(token.text());
                }
            }
            statements.add(sql.toString());
        }
        return statements;
    }

    /** The statements of a file that has no placeholders. */
    public List<String> render(String name) {
        return render(name, Map.of());
    }

    /**
     * True when a literal appended right after the text would merge with its last token: a minus into a
     * {@code --} comment, a word into a prefixed string (E'...') or a longer word, a quote into one literal.
     */
    private static boolean wouldJoin(StringBuilder sql) {
        if (sql.isEmpty()) {
            return false;
        }
        char last = sql.charAt(sql.length() - 1);
        return Character.isLetterOrDigit(last) || "_$'\"-.&".indexOf(last) >= 0;
    }

    private List<List<SqlToken>> statementsOf(String name) {
        return parsed.computeIfAbsent(name, key -> {
            String text = read(key);
            try {
                return SqlLexer.splitStatements(SqlLexer.tokenize(text));
            } catch (SqlSyntaxException e) {
                throw new SqlSyntaxException(fileName(key) + ": " + e.getMessage());
            }
        });
    }

    private String read(String name) {
        String path = fileName(name);
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no SQL file " + path + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static String fileName(String name) {
        return ROOT + name + ".sql";
    }
}
