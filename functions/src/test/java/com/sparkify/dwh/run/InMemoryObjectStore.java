package com.sparkify.dwh.run;

import com.sparkify.dwh.store.ObjectNotFoundException;
import com.sparkify.dwh.store.ObjectStore;
import com.sparkify.dwh.store.ObjectSummary;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One bucket in memory, as S3 behaves for what the pipeline asks: {@link #list} by string prefix (not
 * folder) in key order, {@link #read} or {@link ObjectNotFoundException}, {@link #write} creates or
 * replaces. Public so the handler tests can plan runs over it too.
 */
public final class InMemoryObjectStore implements ObjectStore {

    private final NavigableMap<String, byte[]> objects = new ConcurrentSkipListMap<>();
    /** ETags given explicitly (may be null), instead of the one derived from the content. */
    private final Map<String, String> eTags = Collections.synchronizedMap(new HashMap<>());

    /** Puts an object with this text. */
    public InMemoryObjectStore put(String key, String content) {
        eTags.remove(key);
        objects.put(key, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Puts an object of {@code size} bytes (a folder marker or an empty object with 0). */
    public InMemoryObjectStore putSized(String key, int size) {
        eTags.remove(key);
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) ' ');
        objects.put(key, content);
        return this;
    }

    /**
     * Puts an object of {@code size} bytes whose listing reports {@code eTag}, bare as S3ObjectStore gives
     * it: tests that compare ETags know them without recomputing a hash.
     */
    public InMemoryObjectStore putSized(String key, int size, String eTag) {
        putSized(key, size);
        eTags.put(key, eTag);
        return this;
    }

    /** Every key, in order. */
    public List<String> keys() {
        return new ArrayList<>(objects.keySet());
    }

    /** The text of an object, or {@link ObjectNotFoundException}. */
    public String text(String key) {
        byte[] content = objects.get(key);
        if (content == null) {
            throw new ObjectNotFoundException("no object " + key + "; have " + objects.keySet());
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    /** A copy of the contents, key to text, in key order. */
    public Map<String, String> contents() {
        Map<String, String> copy = new TreeMap<>();
        objects.forEach((key, value) -> copy.put(key, new String(value, StandardCharsets.UTF_8)));
        return copy;
    }

    @Override
    public List<ObjectSummary> list(String prefix) {
        List<ObjectSummary> listed = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : objects.tailMap(prefix, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            String key = entry.getKey();
            String eTag = eTags.containsKey(key) ? eTags.get(key) : eTag(entry.getValue());
            listed.add(new ObjectSummary(key, entry.getValue().length, eTag));
        }
        return listed;
    }

    @Override
    public InputStream read(String key) {
        byte[] content = objects.get(key);
        if (content == null) {
            throw new ObjectNotFoundException("no object " + key);
        }
        return new ByteArrayInputStream(content);
    }

    @Override
    public void write(String key, byte[] content) {
        eTags.remove(key);
        objects.put(key, content.clone());
    }

    private static String eTag(byte[] content) {
        return "\"" + HexFormat.of().toHexDigits(Arrays.hashCode(content)) + "\"";
    }
}
