package com.sparkify.dwh.local.copy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * Whether files are strict JSON that the fast path and the Java path read into the same records: a
 * sequence of objects separated by white space, none over 4 MB. DuckDB's reader is more lenient than
 * Redshift (trailing commas, NaN and Infinity, a bare null as a record, form feeds between objects, an
 * oversized object in a small file), so the fast path only runs on files that pass this check. Each file
 * is first read by {@link StrictJsonScan}, a strict byte-level pass several times cheaper than
 * tokenizing; what it is not sure of is tokenized with the Java path's own Jackson factory (same limits
 * on nesting and number length), which decides. Files are checked in parallel. On the way it counts each
 * file's records and notes, for every root key, the kinds of JSON value it holds: the fast path needs
 * the counts, the key spellings, and the kinds to know which columns DuckDB can read already typed.
 */
final class StrictJsonCheck {

    /** Kinds of value, as bits: what a root key held in any record. */
    static final int STRING = 1;
    /** A whole number of at most 18 characters (sign included): it fits a BIGINT. */
    static final int SHORT_INTEGER = 2;
    static final int DECIMAL = 4;
    static final int NULL = 8;
    /** Anything else: a longer whole number (it may not fit a BIGINT), a boolean, an object, an array. */
    static final int OTHER = 16;
    /**
     * With STRING: a string that is empty or starts with ASCII white space (tab, LF, VT, FF, CR, space),
     * one EMPTYASNULL or BLANKSASNULL may turn into NULL. Without it, the load need not test for them.
     */
    static final int BLANK_STRING = 32;

    /** Whether a string whose first character is {@code first} (-1: empty) is a {@link #BLANK_STRING}. */
    static boolean startsBlank(int first) {
        return first < 0 || first == ' ' || (first >= '\t' && first <= '\r');
    }

    /**
     * What the files hold, when all pass: records per file (in the files' order), for every root key as
     * spelled the kinds of value it held, which files went into the bundle of small files, and which
     * files are newline-delimited (each object on a line of its own).
     */
    record Survey(long[] records, Map<String, Integer> kinds, boolean[] bundled, boolean[] newlineDelimited) {

        /** The kinds of value {@code key} held; 0 when no record has it. */
        int kindsOf(String key) {
            return kinds.getOrDefault(key, 0);
        }
    }

    /** One file's survey: what the check found, and whether the file went into the bundle. */
    private record FileSurvey(StrictJsonScan.Result checked, boolean bundled) {
    }

    private StrictJsonCheck() {
    }

    /**
     * The survey of the files, or null when one of them does not pass. Small files that pass are added
     * to {@code bundle} (when not null), for DuckDB to read in one.
     */
    static Survey survey(JsonFactory factory, List<Path> files, SmallFileBundle bundle) {
        long[] records = new long[files.size()];
        boolean[] bundled = new boolean[files.size()];
        boolean[] newlineDelimited = new boolean[files.size()];
        Map<String, Integer> kinds = new HashMap<>();
        AtomicBoolean failed = new AtomicBoolean();
        // A pool of its own: in the common pool, the parallel COPYs of songs and events would join each
        // other's tasks, and the many small song files would wait behind the few large log files.
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            pool.submit(() -> IntStream.range(0, records.length).parallel().forEach(i -> {
                if (failed.get()) {
                    return; // one file failed: the Java path loads them all, the rest need no survey
                }
                FileSurvey one = survey(factory, files.get(i), bundle);
                if (one == null) {
                    failed.set(true);
                    return;
                }
                records[i] = one.checked().records();
                bundled[i] = one.bundled();
                newlineDelimited[i] = one.checked().newlineDelimited();
                // Merged as it comes: 200k song files' surveys are not all held at once.
                synchronized (kinds) {
                    one.checked().kinds().forEach((key, kind) -> kinds.merge(key, kind, (a, b) -> a | b));
                }
            })).join();
        } finally {
            pool.shutdown();
        }
        return failed.get() ? null : new Survey(records, kinds, bundled, newlineDelimited);
    }

    private static FileSurvey survey(JsonFactory factory, Path file, SmallFileBundle bundle) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            if (bundle != null && channel.size() <= SmallFileBundle.SMALL) {
                // Read whole, once: checked from memory, then handed to the bundle as they were checked.
                byte[] content = Channels.newInputStream(channel).readAllBytes();
                StrictJsonScan.Result one = StrictJsonScan.of(content);
                if (one == null) {
                    one = tokenized(factory, content);
                }
                return one == null ? null : new FileSurvey(one, bundle.add(content, one.newlineDelimited()));
            }
            StrictJsonScan.Result one = StrictJsonScan.of(Channels.newInputStream(channel));
            if (one == null) {
                channel.position(0);
                try (JsonParser parser = factory.createParser(Channels.newInputStream(channel))) {
                    one = tokenized(parser);
                }
            }
            return one == null ? null : new FileSurvey(one, false);
        } catch (IOException malformed) {
            return null; // malformed, invalid UTF-8, over Jackson's limits, unreadable: the Java path reports it
        }
    }

    /**
     * What the scan was not sure of, decided by tokenizing with Jackson; null when the file does not pass.
     * Never newline-delimited, as far as the load knows.
     */
    static StrictJsonScan.Result tokenized(JsonFactory factory, byte[] content) throws IOException {
        try (JsonParser parser = factory.createParser(content)) {
            return tokenized(parser);
        }
    }

    private static StrictJsonScan.Result tokenized(JsonParser parser) throws IOException {
        // An int[1] per key: one lookup per value, nothing boxed.
        Map<String, int[]> kinds = new HashMap<>();
        long records = records(parser, kinds);
        if (records < 0) {
            return null;
        }
        Map<String, Integer> merged = new HashMap<>();
        kinds.forEach((key, kind) -> merged.put(key, kind[0]));
        return new StrictJsonScan.Result(records, merged, false);
    }

    /** The records of one file, noting the kinds of their values; -1 when the file does not pass. */
    private static long records(JsonParser parser, Map<String, int[]> kinds) throws IOException {
        long records = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token != JsonToken.START_OBJECT) {
                return -1; // a root array, string, number or null: the Java path says what Redshift does
            }
            long start = parser.currentTokenLocation().getByteOffset();
            if (!objectPasses(parser, kinds)) {
                return -1;
            }
            long end = parser.currentLocation().getByteOffset();
            if (end - start > JsonRecordSplitter.MAX_RECORD_BYTES) {
                return -1;
            }
            records++;
        }
        return records;
    }

    /** Reads one root object to its end brace; false on what the Java path would read otherwise. */
    private static boolean objectPasses(JsonParser parser, Map<String, int[]> kinds) throws IOException {
        int depth = 1;
        String key = null;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return false;
            }
            if (key != null) {
                // The value of a root key.
                kinds.computeIfAbsent(key, k -> new int[1])[0] |= kindOf(parser, token);
                key = null;
            }
            switch (token) {
                case FIELD_NAME -> {
                    if (depth == 1) {
                        key = parser.currentName();
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
                    if (parser.getTextLength() == 2 && parser.getTextCharacters()[parser.getTextOffset()] == '-'
                            && parser.getTextCharacters()[parser.getTextOffset() + 1] == '0') {
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return true;
    }

    private static int kindOf(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> STRING | (startsBlank(parser.getTextLength() == 0 ? -1
                    : parser.getTextCharacters()[parser.getTextOffset()]) ? BLANK_STRING : 0);
            case VALUE_NUMBER_INT -> parser.getTextLength() <= 18 ? SHORT_INTEGER : OTHER;
            case VALUE_NUMBER_FLOAT -> DECIMAL;
            case VALUE_NULL -> NULL;
            default -> OTHER;
        };
    }
}
