package com.sparkify.dwh.local.copy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small JSON files that passed {@link StrictJsonCheck}, written one after the other into one temporary
 * file, for DuckDB to read as one. The song dataset is one tiny file per song: DuckDB's reader spends
 * most of its time opening them (9 s for 200,000 files, against well under one for their bytes in one
 * file), and the check has read their bytes already. Each file is a sequence of whole objects, so the
 * files joined by line breaks are the same records; the records per file come from the check. When every
 * file joined is newline-delimited, so is the bundle.
 */
final class SmallFileBundle implements AutoCloseable {

    /** Files up to this size are read whole by the check and joined here. */
    static final int SMALL = 64 * 1024;

    private final Path folder;
    private Path file;
    private OutputStream out;
    private boolean failed;
    private boolean newlineDelimited = true;

    /** A bundle whose file goes into {@code folder}; one that bundles nothing when the folder is null. */
    SmallFileBundle(Path folder) {
        this.folder = folder;
    }

    /**
     * Appends one file's bytes, {@code newlineDelimited} when each of its objects is on a line of its
     * own; false when they must be read on their own: a byte-order mark, a bundle that could not be
     * written.
     */
    synchronized boolean add(byte[] content, boolean newlineDelimited) {
        if (folder == null || failed) {
            return false;
        }
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            return false; // DuckDB skips a mark at the start of a file only
        }
        try {
            if (out == null) {
                file = Files.createTempFile(folder, "sparkify-copy-", ".json");
                out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
            }
            out.write(content);
            if (content.length == 0 || content[content.length - 1] != '\n') {
                out.write('\n'); // no blank line: it would end the bundle being newline-delimited
            }
            this.newlineDelimited &= newlineDelimited;
            return true;
        } catch (IOException e) {
            failed = true; // a full or unwritable temporary folder costs speed, never the load
            return false;
        }
    }

    /**
     * The bundle's file, complete; null when no file was added, or when writing it failed: then every
     * file must be read on its own, those that {@link #add} took included.
     */
    synchronized Path finish() {
        if (out == null || failed) {
            return null;
        }
        try {
            out.close();
            return file;
        } catch (IOException e) {
            failed = true;
            return null;
        }
    }

    /** Whether every file {@link #add} took is newline-delimited, and so the bundle. */
    synchronized boolean newlineDelimited() {
        return newlineDelimited;
    }

    /** Whether the files {@link #add} took must be read on their own after all. */
    synchronized boolean failed() {
        return failed;
    }

    @Override
    public synchronized void close() {
        // Best effort: the load is done or given up by now, and a temporary file left over harms nothing.
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // the file goes anyway
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
