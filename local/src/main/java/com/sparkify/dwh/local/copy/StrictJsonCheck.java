package com.sparkify.dwh.local.copy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether files are strict JSON that the fast path and the Java path read into the same records: a
 * sequence of objects separated by white space, none over 4 MB. DuckDB's reader is more lenient than
 * Redshift (trailing commas, NaN and Infinity, a bare null as a record, form feeds between objects, an
 * oversized object in a small file), so the fast path only runs on files that pass this check. It
 * tokenizes with the Java path's own Jackson factory (same limits on nesting and number length),
 * builds nothing, and checks files in parallel: a fraction of the load's time. On the way it counts
 * each file's records and collects the keys of the records, which the fast path needs too.
 */
final class StrictJsonCheck {

    /** What the files hold, when all pass: records per file (in the files' order) and every root key. */
    record Survey(long[] records, Set<String> keys) {
    }

    private StrictJsonCheck() {
    }

    /** The survey of the files, or null when one of them does not pass. */
    static Survey survey(JsonFactory factory, List<Path> files) {
        List<Survey> each = files.parallelStream().map(file -> survey(factory, file)).toList();
        long[] records = new long[files.size()];
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < records.length; i++) {
            Survey one = each.get(i);
            if (one == null) {
                return null;
            }
            records[i] = one.records()[0];
            keys.addAll(one.keys());
        }
        return new Survey(records, keys);
    }

    static Survey survey(JsonFactory factory, Path file) {
        Set<String> keys = new HashSet<>();
        long records = 0;
        try (InputStream in = Files.newInputStream(file); JsonParser parser = factory.createParser(in)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    return null; // a root array, string, number or null: the Java path says what Redshift does
                }
                long start = parser.currentTokenLocation().getByteOffset();
                if (!objectPasses(parser, keys)) {
                    return null;
                }
                long end = parser.currentLocation().getByteOffset();
                if (end - start > JsonRecordSplitter.MAX_RECORD_BYTES) {
                    return null;
                }
                records++;
            }
            return new Survey(new long[] {records}, keys);
        } catch (IOException malformed) {
            return null; // malformed, invalid UTF-8, over Jackson's limits, unreadable: the Java path reports it
        }
    }

    /** Reads one root object to its end brace; false on what the Java path would read otherwise. */
    private static boolean objectPasses(JsonParser parser, Set<String> keys) throws IOException {
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return false;
            }
            switch (token) {
                case FIELD_NAME -> {
                    if (depth == 1) {
                        keys.add(parser.currentName());
                    }
                }
                case START_OBJECT -> {
                    // The Java path's splitter takes a '{' in a line's first column for a new record.
                    if (parser.currentTokenLocation().getColumnNr() == 1) {
                        return false;
                    }
                    depth++;
                }
                case START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_NUMBER_INT -> {
                    // DuckDB reads -0 as 0; into a text column Redshift keeps "-0".
                    if (parser.getNumberType() == JsonParser.NumberType.INT && parser.getIntValue() == 0
                            && parser.getText().startsWith("-")) {
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return true;
    }
}
