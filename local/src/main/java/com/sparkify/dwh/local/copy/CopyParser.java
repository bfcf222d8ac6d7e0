package com.sparkify.dwh.local.copy;

import com.sparkify.dwh.local.copy.CopyCommand.TimeFormat;
import com.sparkify.dwh.sql.SqlLexer;
import com.sparkify.dwh.sql.SqlToken;
import com.sparkify.dwh.sql.SqlToken.Type;
import com.sparkify.dwh.store.S3Uri;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Redshift COPY statement. It accepts what the local warehouse can honour: a JSON load from
 * an S3 prefix or manifest with JSON 'auto', 'auto ignorecase' or a jsonpaths file, TIMEFORMAT,
 * MAXERROR, EMPTYASNULL, BLANKSASNULL and TRUNCATECOLUMNS; and options that only concern AWS or
 * Redshift's storage (IAM_ROLE, REGION, COMPUPDATE, STATUPDATE), which change no loaded value.
 * Anything else is an error naming the option: never silently ignored.
 */
public final class CopyParser {

    private final List<SqlToken> tokens;
    private int pos;

    private CopyParser(String sql) {
        List<SqlToken> significant = new ArrayList<>();
        for (SqlToken token : SqlLexer.tokenize(sql)) {
            if (!token.isTrivia() && token.type() != Type.SEMICOLON) {
                significant.add(token);
            }
        }
        this.tokens = significant;
    }

    /** True when the statement is a COPY (and must be emulated rather than sent to DuckDB). */
    public static boolean isCopy(String sql) {
        for (SqlToken token : SqlLexer.tokenize(sql)) {
            if (!token.isTrivia()) {
                return token.isWord("copy");
            }
        }
        return false;
    }

    public static CopyCommand parse(String sql) {
        return new CopyParser(sql).parse();
    }

    private CopyCommand parse() {
        expectWord("copy");
        String table = identifier("table name");
        while (peekSymbol('.')) {
            pos++;
            table = table + "." + identifier("table name");
        }
        List<String> columns = new ArrayList<>();
        if (peekSymbol('(')) {
            pos++;
            do {
                columns.add(identifier("column name"));
            } while (acceptSymbol(','));
            expectSymbol(')');
        }
        expectWord("from");
        String from = string("FROM");
        if (!from.startsWith("s3://")) {
            throw new CopyException("COPY FROM '" + from + "': the local warehouse loads only from s3:// URIs");
        }
        S3Uri source = S3Uri.parse(from);

        boolean manifest = false;
        boolean json = false;
        S3Uri jsonPaths = null;
        boolean ignoreCase = false;
        TimeFormat timeFormat = TimeFormat.DEFAULT;
        int maxErrors = 0;
        boolean emptyAsNull = false;
        boolean blanksAsNull = false;
        boolean truncate = false;
        acceptWord("with");
        while (pos < tokens.size()) {
            SqlToken token = tokens.get(pos);
            if (token.type() != Type.WORD) {
                throw new CopyException("COPY: unexpected '" + token.text() + "' where an option was expected");
            }
            String option = token.text().toUpperCase(Locale.ROOT);
            pos++;
            switch (option) {
                case "FORMAT" -> {
                    acceptWord("as");
                    String format = word("FORMAT");
                    if (!format.equalsIgnoreCase("json")) {
                        throw unsupported("FORMAT AS " + format.toUpperCase(Locale.ROOT));
                    }
                    json = true;
                    String argument = optionalString();
                    if (argument != null) {
                        jsonPaths = jsonArgument(argument);
                        ignoreCase = argument.equals("auto ignorecase");
                    }
                }
                case "JSON" -> {
                    json = true;
                    acceptWord("as");
                    String argument = optionalString();
                    if (argument != null) {
                        jsonPaths = jsonArgument(argument);
                        ignoreCase = argument.equals("auto ignorecase");
                    }
                }
                case "MANIFEST" -> manifest = true;
                case "TIMEFORMAT" -> {
                    acceptWord("as");
                    timeFormat = timeFormat(string("TIMEFORMAT"));
                }
                case "MAXERROR" -> {
                    acceptWord("as");
                    maxErrors = number("MAXERROR");
                    if (maxErrors > CopyCommand.MAXERROR_LIMIT) {
                        throw new CopyException("MAXERROR " + maxErrors + " is over Redshift's limit of "
                                + CopyCommand.MAXERROR_LIMIT);
                    }
                }
                case "EMPTYASNULL" -> emptyAsNull = true;
                case "BLANKSASNULL" -> blanksAsNull = true;
                case "TRUNCATECOLUMNS" -> truncate = true;
                case "IAM_ROLE" -> {
                    // Authorises Redshift to read the bucket; locally the folder is simply read.
                    if (!acceptWord("default")) {
                        string("IAM_ROLE");
                    }
                }
                case "REGION" -> {
                    acceptWord("as");
                    string("REGION");
                }
                case "COMPUPDATE", "STATUPDATE" -> {
                    // Compression encodings and planner statistics: storage matters, not loaded values.
                    if (pos < tokens.size() && tokens.get(pos).type() == Type.WORD && isOnOff(tokens.get(pos).text())) {
                        pos++;
                    }
                }
                default -> throw unsupported(option);
            }
        }
        if (!json) {
            throw new CopyException("COPY without FORMAT AS JSON: the local warehouse loads JSON only"
                    + " (Redshift's default format, CSV-like text, is not supported)");
        }
        return new CopyCommand(table, columns, source, manifest, jsonPaths, ignoreCase, timeFormat, maxErrors,
                emptyAsNull, blanksAsNull, truncate);
    }

    private static boolean isOnOff(String word) {
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "ON", "OFF", "TRUE", "FALSE", "PRESET" -> true;
            default -> false;
        };
    }

    /** 'auto' and 'auto ignorecase' give null; anything else must be the s3:// URI of a jsonpaths file. */
    private static S3Uri jsonArgument(String argument) {
        if (argument.equals("auto") || argument.equals("auto ignorecase")) {
            return null;
        }
        if (argument.startsWith("s3://")) {
            return S3Uri.parse(argument);
        }
        throw new CopyException("JSON '" + argument + "': expected 'auto', 'auto ignorecase' or the s3:// URI"
                + " of a jsonpaths file (the keywords are case-sensitive)");
    }

    private static TimeFormat timeFormat(String value) {
        // Redshift: "The 'auto', 'epochsecs', and 'epochmillisecs' keywords are case-sensitive."
        return switch (value) {
            case "auto" -> TimeFormat.AUTO;
            case "epochsecs" -> TimeFormat.EPOCHSECS;
            case "epochmillisecs" -> TimeFormat.EPOCHMILLISECS;
            case "YYYY-MM-DD HH:MI:SS" -> TimeFormat.DEFAULT;
            default -> throw new CopyException("TIMEFORMAT '" + value + "' is not supported by the local warehouse;"
                    + " use 'auto', 'epochsecs', 'epochmillisecs' or 'YYYY-MM-DD HH:MI:SS'");
        };
    }

    private static CopyException unsupported(String option) {
        return new CopyException("COPY option " + option + " is not supported by the local warehouse"
                + " (supported: FORMAT AS JSON, MANIFEST, TIMEFORMAT, MAXERROR, EMPTYASNULL, BLANKSASNULL,"
                + " TRUNCATECOLUMNS; accepted without effect: IAM_ROLE, REGION, COMPUPDATE, STATUPDATE)");
    }

    private void expectWord(String word) {
        if (!acceptWord(word)) {
            throw new CopyException("COPY: expected " + word.toUpperCase(Locale.ROOT) + " at '" + current() + "'");
        }
    }

    private boolean acceptWord(String word) {
        if (pos < tokens.size() && tokens.get(pos).isWord(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peekSymbol(char symbol) {
        return pos < tokens.size() && tokens.get(pos).isSymbol(symbol);
    }

    private boolean acceptSymbol(char symbol) {
        if (peekSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectSymbol(char symbol) {
        if (!acceptSymbol(symbol)) {
            throw new CopyException("COPY: expected '" + symbol + "' at '" + current() + "'");
        }
    }

    private String identifier(String what) {
        if (pos < tokens.size() && (tokens.get(pos).type() == Type.WORD
                || tokens.get(pos).type() == Type.QUOTED_IDENTIFIER)) {
            return tokens.get(pos++).identifierName();
        }
        throw new CopyException("COPY: expected a " + what + " at '" + current() + "'");
    }

    private String word(String option) {
        if (pos < tokens.size() && tokens.get(pos).type() == Type.WORD) {
            return tokens.get(pos++).text();
        }
        throw new CopyException("COPY: " + option + " needs a value, found '" + current() + "'");
    }

    private String string(String option) {
        if (pos < tokens.size() && tokens.get(pos).type() == Type.STRING) {
            return tokens.get(pos++).stringValue();
        }
        throw new CopyException("COPY: " + option + " needs a quoted value, found '" + current() + "'");
    }

    private String optionalString() {
        if (pos < tokens.size() && tokens.get(pos).type() == Type.STRING) {
            return tokens.get(pos++).stringValue();
        }
        return null;
    }

    private int number(String option) {
        if (pos < tokens.size() && tokens.get(pos).type() == Type.NUMBER) {
            try {
                return Integer.parseInt(tokens.get(pos++).text());
            } catch (NumberFormatException e) {
                throw new CopyException("COPY: " + option + " needs a whole number, found '" + tokens.get(pos - 1).text() + "'");
            }
        }
        throw new CopyException("COPY: " + option + " needs a whole number, found '" + current() + "'");
    }

    private String current() {
        return pos < tokens.size() ? tokens.get(pos).text() : "end of statement";
    }
}
