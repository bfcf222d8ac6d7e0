package com.sparkify.dwh.local.copy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small JSON files that passed {@link StrictJsonCheck}, written one after the other into one temporary
 * file, for DuckDB to read as one. The song dataset is one tiny file per song: DuckDB's reader spends
 * most of its time opening them (9 s for 200,000 files, against well under one for their bytes in one
 * file), and the check has read their bytes already. Each file is a sequence of whole objects, so the
 * files joined by line breaks are the same records; the records per file come from the check.
 */
final class SmallFileBundle implements AutoCloseable {

    /** Files up to this size are read whole by the check and joined here. */
    static final int SMALL = 64 * 1024;

    private final boolean enabled;
    private Path file;
    private OutputStream out;
    private boolean closed;

    /** A bundle in the temporary-file folder; one that bundles nothing when {@code enabled} is false. */
    SmallFileBundle(boolean enabled) {
        this.enabled = enabled;
    }

    /** Appends one file's bytes; false when they must be read on their own (a byte-order mark). */
    synchronized boolean add(byte[] content) {
        if (!enabled) {
            return false;
        }
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            return false; // DuckDB skips a mark at the start of a file only
        }
        if (closed) {
            throw new IllegalStateException("the bundle is closed");
        }
        try {
            if (out == null) {
                file = Files.createTempFile("sparkify-copy-", ".json");
                out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
            }
            out.write(content);
            out.write('\n');
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bundle of small files " + file, e);
        }
    }

    /** The bundle's file, complete, or null when no file was added. */
    synchronized Path finish() {
        if (out == null) {
            return null;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bundle of small files " + file, e);
        }
        return file;
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (out != null) {
                out.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the bundle of small files " + file, e);
        }
    }
}
