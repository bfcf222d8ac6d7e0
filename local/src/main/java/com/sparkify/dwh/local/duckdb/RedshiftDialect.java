package com.sparkify.dwh.local.duckdb;

import com.sparkify.dwh.sql.SqlLexer;
import com.sparkify.dwh.sql.SqlToken;
import com.sparkify.dwh.sql.SqlToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The short, explicit list of rewrites that lets DuckDB run the Redshift SQL of {@code sql/}:
 * <ol>
 *   <li>{@code DISTSTYLE}, {@code DISTKEY}, {@code [COMPOUND|INTERLEAVED] SORTKEY} and {@code ENCODE}
 *       are stripped: they place and compress data, they do not change results.</li>
 *   <li>Character column lengths become checks on the UTF-8 byte length, as Redshift counts them:
 *       {@code VARCHAR(n)} and {@code CHAR(n)} hold n bytes, {@code VARCHAR(MAX)} 65535, a
 *       {@code VARCHAR} or {@code TEXT} without length 256, a {@code CHAR} without length 1. DuckDB
 *       would otherwise ignore the length. Outside column definitions (casts) the length is dropped.</li>
 *   <li>{@code IDENTITY(seed, step)} becomes a sequence and a {@code DEFAULT nextval(...)}.</li>
 *   <li>{@code pg_last_copy_id()} and {@code pg_last_copy_count()} become the figures of this session's
 *       last COPY.</li>
 * </ol>
 * Integer division ({@code 7/2} is 3 in Redshift) is not a rewrite: the warehouse turns on DuckDB's
 * {@code integer_division} setting. Only tokens outside literals, quoted identifiers and comments are
 * ever touched.
 */
public final class RedshiftDialect {

    /** Redshift's limit for VARCHAR(MAX), in bytes. */
    static final int VARCHAR_MAX_BYTES = 65535;
    /** Redshift's length for VARCHAR and TEXT declared without one. */
    static final int VARCHAR_DEFAULT_BYTES = 256;

    private static final Set<String> CHARACTER_TYPES =
            Set.of("varchar", "character", "char", "nchar", "nvarchar", "bpchar", "text");

    private RedshiftDialect() {
    }

    /** The figures of the session's last COPY, for pg_last_copy_id() and pg_last_copy_count(). */
    public record LastCopy(long queryId, long rowsLoaded) {
        /** What the functions return before any COPY ran in the session, as documented. */
        public static final LastCopy NONE = new LastCopy(-1, 0);
    }

    /** The DuckDB statements that do what the Redshift statement does (usually one). */
    public static List<String> rewrite(String sql, LastCopy lastCopy) {
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        List<String> before = new ArrayList<>();
        Rewriter rewriter = new Rewriter(tokens, lastCopy, before);
        String rewritten = rewriter.run();
        List<String> statements = new ArrayList<>(before);
        statements.add(rewritten);
        return statements;
    }

    /** One pass over the tokens of one statement. */
    private static final class Rewriter {
        private final List<SqlToken> tokens;
        private final LastCopy lastCopy;
        private final List<String> before;
        private final StringBuilder out = new StringBuilder();
        private int pos;
        private String tableName;

        Rewriter(List<SqlToken> tokens, LastCopy lastCopy, List<String> before) {
            this.tokens = tokens;
            this.lastCopy = lastCopy;
            this.before = before;
        }

        String run() {
            int createTableBody = createTableBodyStart();
            while (pos < tokens.size()) {
                if (pos == createTableBody) {
                    rewriteTableBody();
                    continue;
                }
                if (!rewriteAnywhere()) {
                    out.append(tokens.get(pos).text());
                    pos++;
                }
            }
            return out.toString();
        }

        /** Rewrites valid in any statement; true when it consumed tokens. */
        private boolean rewriteAnywhere() {
            SqlToken token = tokens.get(pos);
            if (token.type() != Type.WORD) {
                return false;
            }
            String word = token.text().toLowerCase(Locale.ROOT);
            switch (word) {
                case "diststyle" -> {
                    pos = skipTrivia(pos + 1) + 1;
                    return true;
                }
                case "distkey" -> {
                    pos = skipParenthesised(pos + 1);
                    return true;
                }
                case "compound", "interleaved" -> {
                    int next = skipTrivia(pos + 1);
                    if (next < tokens.size() && tokens.get(next).isWord("sortkey")) {
                        pos = skipParenthesised(next + 1);
                        return true;
                    }
                    return false;
                }
                case "sortkey" -> {
                    int next = skipTrivia(pos + 1);
                    if (next < tokens.size() && tokens.get(next).isWord("auto")) {
                        pos = next + 1;
                    } else {
                        pos = skipParenthesised(pos + 1);
                    }
                    return true;
                }
                case "encode" -> {
                    pos = skipTrivia(pos + 1) + 1;
                    return true;
                }
                case "pg_last_copy_id", "pg_last_copy_count" -> {
                    int open = skipTrivia(pos + 1);
                    int close = open < tokens.size() && tokens.get(open).isSymbol('(') ? skipTrivia(open + 1) : -1;
                    if (close > 0 && close < tokens.size() && tokens.get(close).isSymbol(')')) {
                        long value = word.equals("pg_last_copy_id") ? lastCopy.queryId() : lastCopy.rowsLoaded();
                        out.append("CAST(").append(value).append(word.equals("pg_last_copy_id") ? " AS INTEGER)" : " AS BIGINT)");
                        pos = close + 1;
                        return true;
                    }
                    return false;
                }
                default -> {
                    if (CHARACTER_TYPES.contains(word)) {
                        // A character type outside a column definition (a cast): drop its length.
                        int end = characterTypeEnd(pos);
                        out.append(word.equals("text") ? "TEXT" : "VARCHAR");
                        pos = end;
                        return true;
                    }
                    return false;
                }
            }
        }

        /** For CREATE [TEMP] TABLE [IF NOT EXISTS] name (, the index of the '('; -1 otherwise. */
        private int createTableBodyStart() {
            int i = skipTrivia(0);
            if (i >= tokens.size() || !tokens.get(i).isWord("create")) {
                return -1;
            }
            i = skipTrivia(i + 1);
            while (i < tokens.size() && (tokens.get(i).isWord("temp") || tokens.get(i).isWord("temporary")
                    || tokens.get(i).isWord("local"))) {
                i = skipTrivia(i + 1);
            }
            if (i >= tokens.size() || !tokens.get(i).isWord("table")) {
                return -1;
            }
            i = skipTrivia(i + 1);
            if (i < tokens.size() && tokens.get(i).isWord("if")) {
                i = skipTrivia(skipTrivia(skipTrivia(i + 1) + 1) + 1); // IF NOT EXISTS
            }
            StringBuilder name = new StringBuilder();
            while (i < tokens.size() && (tokens.get(i).type() == Type.WORD
                    || tokens.get(i).type() == Type.QUOTED_IDENTIFIER || tokens.get(i).isSymbol('.'))) {
                name.append(tokens.get(i).type() == Type.QUOTED_IDENTIFIER
                        ? tokens.get(i).identifierName() : tokens.get(i).text().toLowerCase(Locale.ROOT));
                i++;
            }
            i = skipTrivia(i);
            if (i < tokens.size() && tokens.get(i).isSymbol('(') && !name.isEmpty()) {
                tableName = name.toString();
                return i;
            }
            return -1;
        }

        /** Rewrites "( column definitions and constraints )", element by element. */
        private void rewriteTableBody() {
            out.append('(');
            pos++;
            while (pos < tokens.size()) {
                int end = elementEnd(pos);
                rewriteElement(pos, end);
                pos = end;
                if (pos < tokens.size()) {
                    out.append(tokens.get(pos).text()); // ',' or ')'
                    boolean closed = tokens.get(pos).isSymbol(')');
                    pos++;
                    if (closed) {
                        return;
                    }
                }
            }
        }

        /** Index of the ',' or ')' that ends the element starting at from. */
        private int elementEnd(int from) {
            int depth = 0;
            for (int i = from; i < tokens.size(); i++) {
                SqlToken token = tokens.get(i);
                if (token.isSymbol('(')) {
                    depth++;
                } else if (token.isSymbol(')')) {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                } else if (token.isSymbol(',') && depth == 0) {
                    return i;
                }
            }
            return tokens.size();
        }

        private void rewriteElement(int from, int to) {
            int first = skipTrivia(from);
            if (first >= to || isTableConstraint(tokens.get(first))) {
                appendRewritten(from, to);
                return;
            }
            // A column definition: name, type, attributes.
            appendRaw(from, first + 1);
            SqlToken nameToken = tokens.get(first);
            String column = nameToken.type() == Type.QUOTED_IDENTIFIER
                    ? nameToken.identifierName() : nameToken.text().toLowerCase(Locale.ROOT);
            int typeStart = skipTrivia(first + 1);
            appendRaw(first + 1, typeStart);
            if (typeStart < to && tokens.get(typeStart).type() == Type.WORD
                    && CHARACTER_TYPES.contains(tokens.get(typeStart).text().toLowerCase(Locale.ROOT))) {
                int typeEnd = characterTypeEnd(typeStart);
                int bytes = declaredBytes(typeStart, typeEnd);
                out.append("VARCHAR CHECK (strlen(").append(quoteIdentifier(column)).append(") <= ")
                        .append(bytes).append(')');
                appendAttributes(typeEnd, to, column);
            } else {
                appendAttributes(typeStart, to, column);
            }
        }

        /** Column attributes: IDENTITY becomes a sequence default; the rest goes through rewriteAnywhere. */
        private void appendAttributes(int from, int to, String column) {
            int i = from;
            while (i < to) {
                SqlToken token = tokens.get(i);
                if (token.isWord("identity")) {
                    int open = skipTrivia(i + 1);
                    int close = skipParenthesised(i + 1);
                    // The arguments, each a signed whole number: IDENTITY(0, 1), IDENTITY(-5, 2).
                    List<String> args = new ArrayList<>();
                    StringBuilder arg = new StringBuilder();
                    for (int j = open + 1; j < close - 1; j++) {
                        SqlToken part = tokens.get(j);
                        if (part.isSymbol(',')) {
                            args.add(arg.toString());
                            arg.setLength(0);
                        } else if (!part.isTrivia()) {
                            arg.append(part.text());
                        }
                    }
                    args.add(arg.toString());
                    long seed = identityArgument(args, 0);
                    long step = identityArgument(args, 1);
                    String sequence = (tableName + "_" + column + "_seq").replace('.', '_');
                    // DuckDB's sequences start no lower than 1 (ascending) unless told: IDENTITY(0,1) starts at 0.
                    before.add("CREATE SEQUENCE IF NOT EXISTS " + quoteIdentifier(sequence)
                            + " START " + seed + " INCREMENT " + step + (step < 0 ? " MAXVALUE " : " MINVALUE ") + seed);
                    out.append("DEFAULT nextval('").append(sequence.replace("'", "''")).append("')");
                    i = close;
                    continue;
                }
                int saved = pos;
                pos = i;
                if (rewriteAnywhere()) {
                    i = pos;
                } else {
                    out.append(token.text());
                    i++;
                }
                pos = saved;
            }
        }

        /** IDENTITY's seed (0) or step (1); 1 when not given. */
        private static long identityArgument(List<String> args, int index) {
            String text = index < args.size() ? args.get(index) : "";
            if (text.isEmpty() && (index > 0 || args.size() == 1)) {
                return 1;
            }
            try {
                long value = Long.parseLong(text);
                if (index == 1 && value == 0) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("IDENTITY(seed, step) needs whole numbers (and a step other than 0), got "
                        + String.join(", ", args));
            }
        }

        private void appendRewritten(int from, int to) {
            int saved = pos;
            pos = from;
            while (pos < to) {
                if (!rewriteAnywhere()) {
                    out.append(tokens.get(pos).text());
                    pos++;
                }
            }
            pos = saved;
        }

        private void appendRaw(int from, int to) {
            for (int i = from; i < to; i++) {
                out.append(tokens.get(i).text());
            }
        }

        private static boolean isTableConstraint(SqlToken token) {
            return token.isWord("primary") || token.isWord("unique") || token.isWord("foreign")
                    || token.isWord("constraint") || token.isWord("check") || token.isWord("distkey")
                    || token.isWord("sortkey") || token.isWord("like");
        }

        /** Index just past a character type: CHARACTER [VARYING] [(n | MAX)]. */
        private int characterTypeEnd(int typeStart) {
            int i = typeStart + 1;
            int next = skipTrivia(i);
            if (next < tokens.size() && tokens.get(next).isWord("varying")) {
                i = next + 1;
                next = skipTrivia(i);
            }
            if (next < tokens.size() && tokens.get(next).isSymbol('(')) {
                return skipParenthesised(i);
            }
            return i;
        }

        private int declaredBytes(int typeStart, int typeEnd) {
            String type = tokens.get(typeStart).text().toLowerCase(Locale.ROOT);
            boolean varying = false;
            for (int i = typeStart; i < typeEnd; i++) {
                SqlToken token = tokens.get(i);
                if (token.isWord("varying")) {
                    varying = true;
                }
                if (token.isWord("max")) {
                    return VARCHAR_MAX_BYTES;
                }
                if (token.type() == Type.NUMBER) {
                    return Integer.parseInt(token.text());
                }
            }
            boolean fixed = (type.equals("char") || type.equals("character") || type.equals("nchar")
                    || type.equals("bpchar")) && !varying;
            return fixed ? 1 : VARCHAR_DEFAULT_BYTES;
        }

        private int skipTrivia(int i) {
            while (i < tokens.size() && tokens.get(i).isTrivia()) {
                i++;
            }
            return i;
        }

        /** Index just past an optional "( ... )" that follows i (after trivia); i itself when none. */
        private int skipParenthesised(int i) {
            int open = skipTrivia(i);
            if (open >= tokens.size() || !tokens.get(open).isSymbol('(')) {
                return i;
            }
            int depth = 0;
            for (int j = open; j < tokens.size(); j++) {
                if (tokens.get(j).isSymbol('(')) {
                    depth++;
                } else if (tokens.get(j).isSymbol(')')) {
                    depth--;
                    if (depth == 0) {
                        return j + 1;
                    }
                }
            }
            return tokens.size();
        }
    }

    static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
