package com.sparkify.dwh.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.dwh.store.ObjectNotFoundException;
import com.sparkify.dwh.store.ObjectSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FolderObjectStoreTest {

    @TempDir
    Path parent;

    private Path root;
    private FolderObjectStore store;

    @BeforeEach
    void open() throws IOException {
        root = Files.createDirectory(parent.resolve("bucket"));
        store = new FolderObjectStore(root);
    }

    private void put(String... keys) {
        for (String key : keys) {
            store.write(key, key.getBytes(StandardCharsets.UTF_8));
        }
    }

    private List<String> keys(String prefix) {
        return store.list(prefix).stream().map(ObjectSummary::key).toList();
    }

    private String read(String key) throws IOException {
        try (InputStream in = store.read(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- exists ----

    @Test
    void existsIsTrueOnlyForAnObjectsExactKey() {
        put("song_data/A/B/C/TRABC.json", "song_data/A/B/C/TRABC.json.bak");

        assertThat(store.exists("song_data/A/B/C/TRABC.json")).isTrue();
        assertThat(store.exists("song_data/A/B/C/TRABC.js")).as("a prefix of a key").isFalse();
        assertThat(store.exists("song_data/A/B/C")).as("a folder is not an object").isFalse();
        assertThat(store.exists("song_data/A/B/C/TRABD.json")).isFalse();
    }

    // ---- listing ----

    @Test
    void aPrefixIsAStringPrefixNotAFolder() {
        put("a/b/x.json", "a/bc.json", "a/b.json", "a/c.json", "ab.json", "a/bb/y.json");
        assertThat(keys("a/b")).containsExactly("a/b.json", "a/b/x.json", "a/bb/y.json", "a/bc.json");
        assertThat(keys("a/b/")).containsExactly("a/b/x.json");
        assertThat(keys("a/bc")).containsExactly("a/bc.json");
        assertThat(keys("a")).containsExactly("a/b.json", "a/b/x.json", "a/bb/y.json", "a/bc.json", "a/c.json", "ab.json");
        assertThat(keys("a/b/x.json")).containsExactly("a/b/x.json");
        assertThat(keys("a/b/x.json.gz")).isEmpty();
    }

    @Test
    void anEmptyPrefixListsEverything() {
        put("log_data/2018/11/2018-11-01-events.json", "song_data/A/A/A/TRAAAAW128F429D538.json", "manifest.json");
        assertThat(keys("")).containsExactly(
                "log_data/2018/11/2018-11-01-events.json", "manifest.json", "song_data/A/A/A/TRAAAAW128F429D538.json");
    }

    @Test
    void aPrefixMatchingNothingListsNothing() {
        put("log_data/2018/11/x.json");
        assertThat(keys("log_data/2019/")).isEmpty();
        assertThat(keys("nothing/here/")).isEmpty();
        assertThat(keys("log_data/2018/11/y")).isEmpty();
        assertThat(new FolderObjectStore(parent.resolve("missing")).list("")).isEmpty();
    }

    @Test
    void keysAreInUtf8ByteOrder() {
        // UTF-16 order would put 😀 (a surrogate pair, D83D...) before U+FFFD; UTF-8 (and S3) put it after.
        List<String> expected = List.of("k/A", "k/Z", "k/a!", "k/a-1", "k/a.json", "k/a/b", "k/z", "k/é", "k/日", "k/\uFFFD", "k/😀");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.reverse(shuffled);
        put(shuffled.toArray(String[]::new));
        assertThat(keys("k/")).containsExactlyElementsOf(expected);
        assertThat("k/😀".compareTo("k/\uFFFD")).as("Java's own order differs").isNegative();
    }

    @Test
    void aLinkToAFileIsListedAsTheFileAndALinkToAFolderIsNot() throws IOException {
        Path outside = Files.createTempDirectory("sparkify-outside-");
        try {
            Files.writeString(outside.resolve("real.json"), "{}");
            Files.createDirectories(root.resolve("d/sub"));
            Files.writeString(root.resolve("d/sub/plain.json"), "{\"a\":1}");
            Files.createSymbolicLink(root.resolve("d/linked.json"), outside.resolve("real.json"));
            Files.createSymbolicLink(root.resolve("d/folder"), outside);

            assertThat(store.list("d/")).extracting(ObjectSummary::key, ObjectSummary::size)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("d/linked.json", 2L),
                            org.assertj.core.groups.Tuple.tuple("d/sub/plain.json", 7L));
            // A narrower prefix finds nothing the wider one does not: not through the folder link either.
            assertThat(store.list("d/folder/")).isEmpty();
            assertThat(store.list("d/folder/real")).isEmpty();
        } finally {
            Files.deleteIfExists(outside.resolve("real.json"));
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void compareUtf8IsByteOrder() {
        List<String> values = new java.util.ArrayList<>(List.of("", "a", "ab", "b", "é", "\uFFFD", "😀", "😀a",
                "\uD7FF", "\uE000", "\uFFFF", "😀\uE000", "\uE000😀", "\uD83D\uDE01"));
        // And random strings from every range where UTF-16 and UTF-8 orders could part.
        java.util.Random random = new java.util.Random(7);
        int[][] ranges = {{0x20, 0x7F}, {0x80, 0x7FF}, {0xD000, 0xD7FF}, {0xE000, 0xFFFF}, {0x10000, 0x10FFFF}};
        for (int n = 0; n < 60; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(4); k >= 0; k--) {
                int[] range = ranges[random.nextInt(ranges.length)];
                text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
            values.add(text.toString());
        }
        for (String a : values) {
            for (String b : values) {
                byte[] x = a.getBytes(StandardCharsets.UTF_8);
                byte[] y = b.getBytes(StandardCharsets.UTF_8);
                assertThat(Integer.signum(FolderObjectStore.compareUtf8(a, b)))
                        .as("%s vs %s", a, b).isEqualTo(Integer.signum(java.util.Arrays.compareUnsigned(x, y)));
            }
        }
    }

    @Test
    void summariesHaveSizeAndAnETagThatChangesWithTheContent() throws IOException {
        store.write("a.json", "12345".getBytes(StandardCharsets.UTF_8));
        ObjectSummary first = store.list("a.json").get(0);
        assertThat(first.key()).isEqualTo("a.json");
        assertThat(first.size()).isEqualTo(5);
        assertThat(first.eTag()).isNotBlank();
        store.write("a.json", "123456789".getBytes(StandardCharsets.UTF_8));
        ObjectSummary second = store.list("a.json").get(0);
        assertThat(second.size()).isEqualTo(9);
        assertThat(second.eTag()).isNotEqualTo(first.eTag());
    }

    @Test
    void foldersAreNotObjects() throws IOException {
        put("a/b/c.json");
        Files.createDirectories(root.resolve("empty/folder"));
        assertThat(keys("")).containsExactly("a/b/c.json");
    }

    // ---- read and write ----

    @Test
    void writeThenRead() throws IOException {
        store.write("manifests/run-1.json", "{\"entries\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThat(read("manifests/run-1.json")).isEqualTo("{\"entries\":[]}");
        assertThat(root.resolve("manifests/run-1.json")).hasContent("{\"entries\":[]}");
    }

    @Test
    void writeReplaces() throws IOException {
        store.write("x.json", "old content".getBytes(StandardCharsets.UTF_8));
        store.write("x.json", "new".getBytes(StandardCharsets.UTF_8));
        assertThat(read("x.json")).isEqualTo("new");
        assertThat(keys("")).containsExactly("x.json");
    }

    @Test
    void writeLeavesNoPartialFilesBehind() throws IOException {
        store.write("a/b/c.json", new byte[1000]);
        store.write("a/b/c.json", new byte[0]);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(root.resolve("a/b/c.json"));
        }
        assertThat(store.list("").get(0).size()).isZero();
    }

    @Test
    void binaryContentRoundTrips() throws IOException {
        byte[] content = new byte[256];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        store.write("bin", content);
        try (InputStream in = store.read("bin")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void readingAMissingKeyIsObjectNotFound() {
        put("log_data/a.json");
        assertThatThrownBy(() -> store.read("log_data/b.json"))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining("log_data/b.json");
        assertThatThrownBy(() -> store.read("no/such/folder/b.json")).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void readingAFolderIsObjectNotFound() {
        put("log_data/a.json");
        assertThatThrownBy(() -> store.read("log_data")).isInstanceOf(ObjectNotFoundException.class);
    }

    // ---- keys that would leave the folder ----

    @ParameterizedTest
    @ValueSource(strings = {"../x", "../bucket-other/x", "a/../../x", "a/b/../../../x", "/etc/passwd", "/x", ".."})
    void keysOutsideTheFolderAreRefused(String key) throws IOException {
        Files.writeString(parent.resolve("x"), "outside");
        assertThatThrownBy(() -> store.write(key, new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.read(key)).isInstanceOf(IllegalArgumentException.class);
        assertThat(parent.resolve("x")).hasContent("outside");
        assertThat(parent.resolve("bucket-other")).doesNotExist();
    }

    @Test
    void aListingNeverLeavesTheFolder() throws IOException {
        Files.writeString(parent.resolve("secret.txt"), "outside");
        put("a.json");
        assertThat(keys("../")).isEmpty();
        assertThat(keys("../secret")).isEmpty();
        assertThat(keys("a/../../")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "folder/"})
    void emptyAndFolderKeysAreRefused(String key) {
        assertThatThrownBy(() -> store.write(key, new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an object key");
        assertThatThrownBy(() -> store.read(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRootIsAbsolute() {
        assertThat(new FolderObjectStore(Path.of("relative/bucket")).root()).isAbsolute();
    }
}
