package com.sparkify.dwh.local.store;

import com.sparkify.dwh.store.ObjectNotFoundException;
import com.sparkify.dwh.store.ObjectStore;
import com.sparkify.dwh.store.ObjectSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder standing in for one S3 bucket: the key {@code log_data/2018/11/x.json} is the file
 * {@code <root>/log_data/2018/11/x.json}. Listing follows S3: a string prefix, keys in UTF-8 byte order.
 */
public final class FolderObjectStore implements ObjectStore {

    private final Path root;

    public FolderObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public List<ObjectSummary> list(String prefix) {
        Path start = deepestFolderOf(prefix);
        if (!Files.isDirectory(start) || linkedBelowRoot(start)) {
            return List.of();
        }
        // The folder's entries are walked in parallel: at 200,000 song files in 17,000 folders, listing is
        // a second of system calls on one core.
        List<Path> entries;
        try (Stream<Path> children = Files.list(start)) {
            entries = children.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + start, e);
        }
        List<ObjectSummary> objects = new ArrayList<>(entries.parallelStream()
                .flatMap(entry -> walk(entry, prefix).stream()).toList());
        objects.sort(Comparator.comparing(ObjectSummary::key, FolderObjectStore::compareUtf8));
        return objects;
    }

    /**
     * Whether a folder between the root and {@code folder} is a link: the walk skips links to folders, so
     * a listing of a narrower prefix must not find them either (the bucket folder itself may be a link).
     */
    private boolean linkedBelowRoot(Path folder) {
        for (Path path = folder; path != null && !path.equals(root); path = path.getParent()) {
            if (Files.isSymbolicLink(path)) {
                return true;
            }
        }
        return false;
    }

    /** The objects in a file or folder whose keys start with {@code prefix}. */
    private List<ObjectSummary> walk(Path start, String prefix) {
        List<ObjectSummary> objects = new ArrayList<>();
        try {
            // walkFileTree hands each file's attributes to the visitor: one stat per file, not two.
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes found) {
                    // A link to a file is that file, as S3 would hold its content; a link to a folder is skipped.
                    BasicFileAttributes attributes = found.isSymbolicLink() ? attributes(file) : found;
                    if (attributes.isRegularFile()) {
                        String key = keyOf(file);
                        if (key.startsWith(prefix)) {
                            objects.add(new ObjectSummary(key, attributes.size(), eTag(attributes)));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + start, e);
        }
        return objects;
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(fileOf(key));
    }

    @Override
    public InputStream read(String key) {
        Path file = fileOf(key);
        if (Files.isDirectory(file)) {
            // A folder is a common prefix of keys, never an object (opening it would succeed on Linux).
            throw new ObjectNotFoundException("no object " + key + " (" + file + " is a folder)");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException("no object " + key + " (no file " + file + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void write(String key, byte[] content) {
        Path file = fileOf(key);
        try {
            Files.createDirectories(file.getParent());
            // Write then rename, so a reader never sees half an object, as with S3.
            Path partial = Files.createTempFile(file.getParent(), ".partial-", ".tmp");
            Files.write(partial, content);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The file for a key; keys that would leave the folder are refused. */
    /**
     * The file that holds (or would hold) an object: DuckDB reads it directly on the fast path of the
     * local COPY, whose strict check opens it first and leaves a missing file to the Java path.
     */
    public Path fileOf(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.endsWith("/")) {
            throw new IllegalArgumentException("not an object key: '" + key + "'");
        }
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("key " + key + " points outside the bucket folder");
        }
        return file;
    }

    /** The folder to walk for a prefix: everything before its last '/'. */
    private Path deepestFolderOf(String prefix) {
        int slash = prefix.lastIndexOf('/');
        if (slash <= 0) {
            return root;
        }
        Path folder = root.resolve(prefix.substring(0, slash)).normalize();
        return folder.startsWith(root) ? folder : root;
    }

    private String keyOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attributes of " + file, e);
        }
    }

    /** Size and modification time stand in for S3's content hash: either changes when the file does. */
    private static String eTag(BasicFileAttributes attributes) {
        return Long.toHexString(attributes.size()) + "-" + Long.toHexString(attributes.lastModifiedTime().toMillis());
    }

    /** S3 lists keys in UTF-8 binary order, which is code point order, not Java's UTF-16 order. */
    static int compareUtf8(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                // UTF-16 order is code point order except where a surrogate (a code point above U+FFFF)
                // meets U+E000..U+FFFF: move the surrogates above them.
                if (ca >= 0xD800 && cb >= 0xD800) {
                    return Integer.compare(ca >= 0xE000 ? ca - 0x800 : ca + 0x2000, cb >= 0xE000 ? cb - 0x800 : cb + 0x2000);
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }
}
