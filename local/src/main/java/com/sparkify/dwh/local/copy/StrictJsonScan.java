package com.sparkify.dwh.local.copy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The common case of {@link StrictJsonCheck}, in one pass over the bytes: a file of compact, plain JSON
 * objects. It follows the JSON grammar strictly (RFC 8259: four white-space bytes, the seven escapes,
 * UTF-8 as RFC 3629 defines it, no leading zeros, no NaN) and passes a file only when Jackson would pass
 * it too and count the same records and kinds of value. Anything it is not sure of (a byte-order mark,
 * a root key with an escape or a non-ASCII letter, an escaped surrogate, deep nesting, a long number,
 * and every file that breaks a rule) it leaves to the Jackson check: being unsure costs time, never
 * correctness. It exists because tokenizing with Jackson costs several times as much CPU for the same
 * answer; {@code StrictJsonScanTest} holds the two to agreeing.
 *
 * <p>It also notes whether the file is newline-delimited (each object on a line of its own, lines
 * ending in a line feed): DuckDB reads such files in its faster newline-delimited format.
 */
final class StrictJsonScan {

    /** A file that passed: its records, the kinds of value of each root key, whether one per line. */
    record Result(long records, Map<String, Integer> kinds, boolean newlineDelimited) {
    }

    /** Deeper than this, Jackson decides (its limit is far above; real data is far below). */
    private static final int MAX_DEPTH = 64;
    /** Longer keys, Jackson decides (its limit is 50,000 characters). */
    private static final int MAX_KEY = 256;
    /** Longer numbers, Jackson decides (its limit is 1000 characters). */
    private static final int MAX_NUMBER = 64;
    private static final int EOF = -1;
    /** Not a byte, nor EOF: a container found closed. */
    private static final int CLOSED = -2;

    /** Thrown, without a stack trace, when the scan is not sure: Jackson decides. */
    private static final class Unsure extends Exception {
        Unsure() {
            super(null, null, false, false);
        }
    }

    private static final Unsure UNSURE = new Unsure();
    /** Eight bytes of a byte[] as one long, the first in the lowest bits. */
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private final byte[] buffer;
    private int pos;
    private int limit;
    /**
     * The offset in the file of buffer[0]. Reading a stream, buffer[0] keeps the byte before the
     * buffer's new bytes, so that the byte before any '{' can be looked at.
     */
    private long base;
    private boolean newlineDelimited = true;
    /** The characters of the number being read, past its first. */
    private int numberLength;
    private final KeyTable keys = new KeyTable();

    private StrictJsonScan(InputStream in, byte[] buffer, int pos, int limit, long base) {
        this.in = in;
        this.buffer = buffer;
        this.pos = pos;
        this.limit = limit;
        this.base = base;
    }

    /** The file read whole into {@code content}; null when Jackson must decide. */
    static Result of(byte[] content) {
        return new StrictJsonScan(null, content, 0, content.length, 0).scan();
    }

    /** The file read from {@code in}; null when Jackson must decide (a read that fails included). */
    static Result of(InputStream in) {
        return of(in, 1 << 16);
    }

    /** With a buffer of {@code bufferSize} bytes: tests scan with tiny ones, to cross its ends everywhere. */
    static Result of(InputStream in, int bufferSize) {
        return new StrictJsonScan(in, new byte[Math.max(bufferSize, 2)], 1, 1, -1).scan();
    }

    private Result scan() {
        try {
            long records = 0;
            int b = next();
            if (b == 0xEF) {
                throw UNSURE; // a byte-order mark: Jackson decides
            }
            while (true) {
                if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                    newlineDelimited = false; // white space before an object
                    b = skipWhiteSpace(b);
                }
                if (b == EOF) {
                    break;
                }
                if (b != '{') {
                    throw UNSURE; // a root array, scalar or stray text: Jackson decides
                }
                long start = offset() - 1;
                rootObject();
                if (offset() - start > JsonRecordSplitter.MAX_RECORD_BYTES) {
                    throw UNSURE;
                }
                records++;
                b = next();
                if (b == '\n') {
                    b = next();
                } else if (b != EOF) {
                    newlineDelimited = false;
                }
            }
            return new Result(records, keys.kinds(), newlineDelimited && records > 0);
        } catch (Unsure | IOException unsure) {
            return null;
        }
    }

    private long offset() {
        return base + pos;
    }

    /** The next byte, or EOF. Small enough for the JIT to inline it everywhere. */
    private int next() throws IOException {
        if (pos < limit) {
            return buffer[pos++] & 0xFF;
        }
        return fill() ? buffer[pos++] & 0xFF : EOF;
    }

    private boolean fill() throws IOException {
        if (in == null) {
            return false;
        }
        buffer[0] = buffer[limit - 1];
        base += limit - 1;
        pos = 1;
        limit = 1;
        int read = in.readNBytes(buffer, 1, buffer.length - 1);
        limit += read;
        return read > 0;
    }

    /** Skips white space starting at {@code b}; the first other byte, or EOF. */
    private int skipWhiteSpace(int b) throws IOException {
        while (true) {
            switch (b) {
                case ' ', '\t' -> {
                }
                case '\n', '\r' -> newlineDelimited = false; // inside or between records: not one per line
                default -> {
                    return b;
                }
            }
            b = next();
        }
    }

    /** The next byte that is not white space. */
    private int token() throws IOException {
        if (pos < limit) {
            int b = buffer[pos] & 0xFF;
            if (b > ' ') {
                pos++;
                return b;
            }
        }
        return skipWhiteSpace(next());
    }

    /** A root object whose '{' was read, to its '}', noting its keys' kinds of value. */
    private void rootObject() throws IOException, Unsure {
        int b = token();
        if (b == '}') {
            return;
        }
        int member = 0;
        while (true) {
            if (b != '"') {
                throw UNSURE;
            }
            int slot = keys.rootKey(this, member++);
            // Compact JSON puts each token right after the last: taken straight from the buffer, here and
            // below, as C1 does not inline token() (52 bytes of bytecode; its limit is 35).
            if (pos < limit && buffer[pos] == ':') {
                pos++;
            } else if (token() != ':') {
                throw UNSURE;
            }
            b = pos < limit ? buffer[pos] & 0xFF : 0;
            if (b > ' ') {
                pos++;
            } else {
                b = token();
            }
            keys.note(slot, value(b, 0));
            b = pos < limit ? buffer[pos] & 0xFF : 0;
            if (b > ' ') {
                pos++;
            } else {
                b = token();
            }
            if (b == '}') {
                return;
            }
            if (b != ',') {
                throw UNSURE;
            }
            b = pos < limit ? buffer[pos] & 0xFF : 0;
            if (b > ' ') {
                pos++;
            } else {
                b = token();
            }
        }
    }

    /** A nested object whose '{' was read, to its '}'. */
    private void object(int depth) throws IOException, Unsure {
        int b = firstInside(depth, '}');
        while (b != CLOSED) {
            if (b != '"') {
                throw UNSURE;
            }
            long start = offset();
            skipString();
            if (offset() - start > MAX_KEY + 1) {
                throw UNSURE; // Jackson limits names at any depth (50,000 characters)
            }
            if (token() != ':') {
                throw UNSURE;
            }
            value(token(), depth);
            b = another('}') ? token() : CLOSED;
        }
    }

    private void array(int depth) throws IOException, Unsure {
        int b = firstInside(depth, ']');
        while (b != CLOSED) {
            value(b, depth);
            b = another(']') ? token() : CLOSED;
        }
    }

    /** A container's first token, its opening bracket read at {@code depth}; CLOSED when it is empty. */
    private int firstInside(int depth, int close) throws IOException, Unsure {
        if (depth >= MAX_DEPTH) {
            throw UNSURE;
        }
        int b = token();
        return b == close ? CLOSED : b;
    }


    /** After a member or an element: true at a comma, false at {@code close}; unsure at anything else. */
    private boolean another(int close) throws IOException, Unsure {
        int b = token();
        if (b == close) {
            return false;
        }
        if (b != ',') {
            throw UNSURE;
        }
        return true;
    }

    /** Reads the value starting with {@code b}; its kind, as {@link StrictJsonCheck} counts kinds. */
    private int value(int b, int depth) throws IOException, Unsure {
        switch (b) {
            case '"' -> {
                if (depth == 0) {
                    return rootString();
                }
                skipString();
                return StrictJsonCheck.STRING;
            }
            case '{' -> {
                // The Java path's splitter takes a '{' in a line's first column for a new record.
                int before = buffer[pos - 2];
                if (before == '\n' || before == '\r') {
                    throw UNSURE;
                }
                object(depth + 1);
                return StrictJsonCheck.OTHER;
            }
            case '[' -> {
                array(depth + 1);
                return StrictJsonCheck.OTHER;
            }
            case 't' -> {
                literal('r', 'u', 'e');
                return StrictJsonCheck.OTHER;
            }
            case 'f' -> {
                literal('a', 'l', 's');
                if (next() != 'e') {
                    throw UNSURE;
                }
                return StrictJsonCheck.OTHER;
            }
            case 'n' -> {
                literal('u', 'l', 'l');
                return StrictJsonCheck.NULL;
            }
            default -> {
                return number(b);
            }
        }
    }

    /** The rest of true, false or null; what follows is checked by the caller, as for every value. */
    private void literal(int first, int second, int third) throws IOException, Unsure {
        if (next() != first || next() != second || next() != third) {
            throw UNSURE;
        }
    }

    /**
     * -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, its first byte read; its kind. The byte after it is
     * given back, for the caller to check as after any value.
     */
    private int number(int b) throws IOException, Unsure {
        numberLength = 1; // characters, the sign included, as Jackson counts an integer's text
        if (b == '-') {
            b = next();
            numberLength++;
            if (b == '0') {
                b = next();
                if (b != '.' && b != 'e' && b != 'E') {
                    throw UNSURE; // -0: DuckDB reads it as 0, Redshift keeps "-0" in text
                }
            } else {
                b = digits(b);
            }
        } else if (b == '0') {
            b = next();
        } else {
            b = digits(b);
        }
        boolean decimal = false;
        if (b == '.') {
            decimal = true;
            b = digits(next());
        }
        if (b == 'e' || b == 'E') {
            decimal = true;
            b = next();
            if (b == '+' || b == '-') {
                b = next();
            }
            b = digits(b);
        }
        if (b != EOF) {
            pos--;
        }
        return decimal ? StrictJsonCheck.DECIMAL
                : numberLength <= 18 ? StrictJsonCheck.SHORT_INTEGER : StrictJsonCheck.OTHER;
    }

    /** One or more digits, the first being {@code b}; the byte after them. */
    private int digits(int b) throws IOException, Unsure {
        if (b < '0' || b > '9') {
            throw UNSURE;
        }
        while (true) {
            // Straight from the buffer while it lasts.
            int end = Math.min(limit, pos + MAX_NUMBER + 1 - numberLength);
            byte[] bytes = buffer;
            int i = pos;
            while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
                i++;
            }
            numberLength += i - pos;
            pos = i;
            if (numberLength > MAX_NUMBER) {
                throw UNSURE;
            }
            if (i < limit) {
                return bytes[pos++] & 0xFF;
            }
            b = next(); // the buffer ran out: refill, or the end of the file
            if (b < '0' || b > '9') {
                return b;
            }
            if (++numberLength > MAX_NUMBER) {
                throw UNSURE;
            }
        }
    }

    /** Skips a string whose opening quote was read, to its closing quote. */
    private void skipString() throws IOException, Unsure {
        while (true) {
            // Eight bytes at a time to the first that is not plain text, straight from the buffer.
            byte[] bytes = buffer;
            int i = pos;
            int last = limit - Long.BYTES;
            while (i <= last) {
                long special = special((long) LONG.get(bytes, i));
                if (special != 0) {
                    // The lowest marked byte (numberOfTrailingZeros is a call, not an instruction, in C1).
                    while ((special & 0x80) == 0) {
                        special >>>= 8;
                        i++;
                    }
                    break;
                }
                i += Long.BYTES;
            }
            pos = i;
            int b = next();
            if (b == '"') {
                return;
            }
            if (b == '\\') {
                escape();
            } else if (b >= 0x80) {
                utf8(b);
            } else if (b < 0x20) {
                throw UNSURE; // a control character, or the end of the file inside the string
            } // else plain text near the end of the buffer, a byte at a time
        }
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * The high bit of each byte of {@code word} that is a quote, a backslash, a control character or not
     * ASCII; of the marks, the lowest is always right (a byte's borrow can only mark bytes above it).
     */
    private static long special(long word) {
        long quote = word ^ (ONES * '"');
        long backslash = word ^ (ONES * '\\');
        return ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (word - ONES * 0x20) & ~word | word)
                & HIGH_BITS;
    }

    /**
     * The string value of a root key, its opening quote read: its kind, {@link StrictJsonCheck#BLANK_STRING}
     * told by its first character.
     */
    private int rootString() throws IOException, Unsure {
        int first = next();
        if (first == '"') {
            return StrictJsonCheck.STRING | StrictJsonCheck.BLANK_STRING; // empty
        }
        if (first == '\\') {
            first = escape();
        } else if (first >= 0x80) {
            utf8(first);
        } else if (first < 0x20) {
            throw UNSURE;
        }
        skipString();
        return StrictJsonCheck.STRING | (StrictJsonCheck.startsBlank(first) ? StrictJsonCheck.BLANK_STRING : 0);
    }

    /** An escape whose backslash was read; the character it stands for. */
    private int escape() throws IOException, Unsure {
        int b = next();
        switch (b) {
            case '"', '\\', '/' -> {
                return b;
            }
            case 'b' -> {
                return '\b';
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'u' -> {
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int h = next();
                    int digit = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                            : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                    if (digit < 0) {
                        throw UNSURE;
                    }
                    code = code * 16 + digit;
                }
                if (code >= 0xD800 && code <= 0xDFFF) {
                    throw UNSURE; // a surrogate: Jackson decides what a pair or a lone half means
                }
                return code;
            }
            default -> throw UNSURE;
        }
    }

    /** One UTF-8 encoded character whose first byte was read, by RFC 3629 (no overlong form, no surrogate). */
    private void utf8(int first) throws IOException, Unsure {
        int second = next();
        if (first >= 0xC2 && first <= 0xDF) {
            continuation(second);
        } else if (first >= 0xE0 && first <= 0xEF) {
            if (first == 0xE0 && second < 0xA0 || first == 0xED && second > 0x9F) {
                throw UNSURE;
            }
            continuation(second);
            continuation(next());
        } else if (first >= 0xF0 && first <= 0xF4) {
            if (first == 0xF0 && second < 0x90 || first == 0xF4 && second > 0x8F) {
                throw UNSURE;
            }
            continuation(second);
            continuation(next());
            continuation(next());
        } else {
            throw UNSURE;
        }
    }

    private static void continuation(int b) throws Unsure {
        if (b < 0x80 || b > 0xBF) {
            throw UNSURE;
        }
    }

    /**
     * Root keys as bytes to their kinds of value. Records mostly repeat the same keys in the same order,
     * so the key expected at each place is tried first: one comparison, no hashing, nothing allocated.
     */
    private static final class KeyTable {
        private final byte[] scratch = new byte[MAX_KEY];
        private byte[][] names = new byte[64][];
        private int[] kinds = new int[64];
        /** Each name followed by its closing quote, and its first eight bytes as a word with their mask. */
        private byte[][] quotedNames = new byte[64][];
        private long[] firstWords = new long[64];
        private long[] firstMasks = new long[64];
        private int size;
        /** The slot of the key last seen at each place of a record. */
        private int[] expected = new int[32];

        /** The root key whose opening quote the scan read, past its closing quote; its slot. */
        int rootKey(StrictJsonScan scan, int member) throws IOException, Unsure {
            if (member < expected.length) {
                int slot = expected[member];
                byte[] quoted = quotedNames[slot];
                if (quoted != null && startsWith(scan.buffer, scan.pos, scan.limit, slot, quoted)) {
                    scan.pos += quoted.length;
                    return slot;
                }
            }
            int slot = lookUp(scan);
            if (member >= expected.length) {
                expected = Arrays.copyOf(expected, Math.max(member + 1, expected.length * 2));
            }
            expected[member] = slot;
            return slot;
        }

        /** Whether buffer[start..] holds the key and its closing quote, compared eight bytes at a time. */
        private boolean startsWith(byte[] buffer, int start, int limit, int slot, byte[] quoted) {
            int length = quoted.length;
            if (start + Math.max(length, Long.BYTES) > limit) {
                return false; // near the end of the buffer: the key is read a byte at a time
            }
            if (length <= Long.BYTES) {
                return (((long) LONG.get(buffer, start) ^ firstWords[slot]) & firstMasks[slot]) == 0;
            }
            for (int i = 0; i + Long.BYTES < length; i += Long.BYTES) {
                if ((long) LONG.get(buffer, start + i) != (long) LONG.get(quoted, i)) {
                    return false;
                }
            }
            // The last eight bytes, overlapping the words before when the length is not a multiple of eight.
            return (long) LONG.get(buffer, start + length - Long.BYTES) == (long) LONG.get(quoted, length - Long.BYTES);
        }

        /** A key read a byte at a time: plain ASCII, no escape, not too long. */
        private int lookUp(StrictJsonScan scan) throws IOException, Unsure {
            int hash = 0;
            int length = 0;
            while (true) {
                int b = scan.next();
                if (b == '"') {
                    return slot(scratch, length, hash);
                }
                if (b < 0x20 || b == '\\' || b >= 0x80 || length == MAX_KEY) {
                    throw UNSURE; // Jackson decides
                }
                scratch[length++] = (byte) b;
                hash = 31 * hash + b;
            }
        }

        private int slot(byte[] key, int length, int hash) {
            int mask = names.length - 1;
            int slot = (hash ^ (hash >>> 16)) & mask;
            while (true) {
                byte[] name = names[slot];
                if (name == null) {
                    if (size * 2 >= names.length) {
                        grow();
                        return slot(key, length, hash);
                    }
                    names[slot] = Arrays.copyOf(key, length);
                    byte[] quoted = Arrays.copyOf(key, length + 1);
                    quoted[length] = '"';
                    quotedNames[slot] = quoted;
                    byte[] first = Arrays.copyOf(quoted, Long.BYTES);
                    firstWords[slot] = (long) LONG.get(first, 0);
                    firstMasks[slot] = quoted.length >= Long.BYTES ? -1L : (1L << (8 * quoted.length)) - 1;
                    size++;
                    return slot;
                }
                if (name.length == length && Arrays.equals(name, 0, length, key, 0, length)) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
        }

        void note(int slot, int kind) {
            kinds[slot] |= kind;
        }

        private void grow() {
            byte[][] oldNames = names;
            int[] oldKinds = kinds;
            names = new byte[oldNames.length * 2][];
            kinds = new int[oldNames.length * 2];
            quotedNames = new byte[names.length][];
            firstWords = new long[names.length];
            firstMasks = new long[names.length];
            size = 0;
            int[] moved = new int[oldNames.length];
            for (int i = 0; i < oldNames.length; i++) {
                if (oldNames[i] != null) {
                    byte[] name = oldNames[i];
                    int hash = 0;
                    for (byte b : name) {
                        hash = 31 * hash + b;
                    }
                    moved[i] = slot(name, name.length, hash);
                    kinds[moved[i]] = oldKinds[i];
                }
            }
            // Expected slots move with their keys; a place never filled points at an empty slot's 0.
            for (int i = 0; i < expected.length; i++) {
                expected[i] = moved[expected[i]];
            }
        }

        Map<String, Integer> kinds() {
            Map<String, Integer> map = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (names[i] != null) {
                    // ASCII only, so each byte is its char.
                    map.put(new String(names[i], StandardCharsets.US_ASCII), kinds[i]);
                }
            }
            return map;
        }
    }
}
