package com.sparkify.dwh.local.copy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a JSON data file into its root-level objects and arrays, as Redshift's COPY reads them: one
 * after the other, separated by nothing but white space, each possibly spread over many lines. It
 * tracks strings and nesting only; each piece is then parsed on its own, so one malformed object costs
 * one row, not the rest of the file.
 *
 * <p>Recovery from a broken object follows two rules. A string cannot hold a raw line break, so a
 * line break inside a string ends the object as malformed, and reading resumes at the next line that
 * starts with '{' in the first column. While a root object is open, a '{' in the first column of a line
 * starts a new object and the open one is reported unterminated (pretty printers indent nested
 * objects, so this only happens when a closing brace is missing).
 */
public final class JsonRecordSplitter {

    /** Redshift's limit on one JSON object or array, braces included. */
    public static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;

    /** One root-level piece of a file. */
    public sealed interface Piece permits Record, Garbage {
        /** The last line the piece touches, which is what Redshift records for a JSON error. */
        long lastLine();
    }

    /** A balanced object or array (maybe still malformed inside), as UTF-8 bytes. */
    public record Record(byte[] bytes, int length, long firstLine, long lastLine) implements Piece {
        public String text() {
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
    }

    /** Text that is not a JSON object or array: stray characters, or an object that never closed. */
    public record Garbage(String text, String reason, long firstLine, long lastLine) implements Piece {
    }

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final String source;
    private final byte[] buffer = new byte[BUFFER];
    private int bufferLength;
    private int bufferPos;
    private boolean eof;

    private long line = 1;
    private boolean atLineStart = true;
    private boolean atFileStart = true;

    private byte[] record = new byte[1024];
    private int recordLength;

    public JsonRecordSplitter(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The next piece, or null at the end of the file. */
    public Piece next() throws IOException {
        skipByteOrderMark();
        while (true) {
            int b = peek();
            if (b < 0) {
                return null;
            }
            if (b == '{' || b == '[') {
                return readRecord();
            }
            if (isWhitespace(b)) {
                take();
                continue;
            }
            return readGarbage();
        }
    }

    private Piece readRecord() throws IOException {
        long firstLine = line;
        recordLength = 0;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        while (true) {
            int b = peek();
            if (b < 0) {
                return new Garbage(truncated(), "unexpected end of file inside a JSON "
                        + (record[0] == '[' ? "array" : "object") + " (a closing bracket is missing)", firstLine, line);
            }
            // Only inside a root object: the elements of a root array may well start in column 0.
            if (!inString && depth > 0 && atLineStart && b == '{' && record[0] == '{') {
                return new Garbage(truncated(), "JSON object not terminated before the next object starts"
                        + " (a closing brace is missing)", firstLine, line - 1);
            }
            take();
            append(b, firstLine);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                } else if (b == '\n') {
                    long brokenLine = line - 1;
                    skipToObjectLine();
                    return new Garbage(truncated(), "line break inside a JSON string (a quote is missing)",
                            firstLine, brokenLine);
                }
                continue;
            }
            if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
                if (depth == 0) {
                    return new Record(Arrays.copyOf(record, recordLength), recordLength, firstLine, line);
                }
            }
        }
    }

    /** Stray text up to the end of its line or the next '{' or '['. */
    private Piece readGarbage() throws IOException {
        long at = line;
        recordLength = 0;
        while (true) {
            int b = peek();
            if (b < 0 || b == '\n' || b == '{' || b == '[') {
                break;
            }
            take();
            append(b, at);
        }
        String text = truncated().strip();
        return new Garbage(text, "characters outside a JSON object or array", at, at);
    }

    /** After a broken string: drop everything up to a line that starts with '{'. */
    private void skipToObjectLine() throws IOException {
        while (true) {
            int b = peek();
            if (b < 0 || (atLineStart && b == '{')) {
                return;
            }
            take();
        }
    }

    private void append(int b, long firstLine) {
        if (recordLength == MAX_RECORD_BYTES) {
            throw new CopyException(source + ": the JSON object starting at line " + firstLine
                    + " is larger than 4 MB, Redshift's limit for one object");
        }
        if (recordLength == record.length) {
            record = Arrays.copyOf(record, Math.min(MAX_RECORD_BYTES, record.length * 2));
        }
        record[recordLength++] = (byte) b;
    }

    private String truncated() {
        return new String(record, 0, Math.min(recordLength, 1024), StandardCharsets.UTF_8);
    }

    private void skipByteOrderMark() throws IOException {
        if (!atFileStart) {
            return;
        }
        atFileStart = false;
        if (peek() == 0xEF) {
            fill();
            if (bufferLength - bufferPos >= 3 && (buffer[bufferPos + 1] & 0xFF) == 0xBB
                    && (buffer[bufferPos + 2] & 0xFF) == 0xBF) {
                bufferPos += 3;
            }
        }
    }

    private int peek() throws IOException {
        if (bufferPos == bufferLength) {
            fill();
            if (bufferPos == bufferLength) {
                return -1;
            }
        }
        return buffer[bufferPos] & 0xFF;
    }

    private void take() {
        byte b = buffer[bufferPos++];
        if (b == '\n') {
            line++;
            atLineStart = true;
        } else {
            atLineStart = false;
        }
    }

    /** Refills the buffer, keeping unread bytes (at most a BOM's worth) at the front. */
    private void fill() throws IOException {
        if (eof) {
            return;
        }
        int unread = bufferLength - bufferPos;
        System.arraycopy(buffer, bufferPos, buffer, 0, unread);
        bufferPos = 0;
        bufferLength = unread;
        while (bufferLength < 3) {
            int n = in.read(buffer, bufferLength, buffer.length - bufferLength);
            if (n < 0) {
                eof = true;
                return;
            }
            bufferLength += n;
        }
    }

    private static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
