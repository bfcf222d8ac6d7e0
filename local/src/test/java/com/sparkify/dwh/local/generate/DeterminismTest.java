package com.sparkify.dwh.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

    @TempDir
    Path temp;

    @Test
    void sameOptionsWriteByteIdenticalTrees() throws Exception {
        GeneratorOptions options = GeneratorOptions.defaults();
        GenerationSummary first = new DataGenerator(options).generate(temp.resolve("a"));
        GenerationSummary second = new DataGenerator(options).generate(temp.resolve("b"));

        SortedMap<String, byte[]> a = GeneratedDataset.readTree(temp.resolve("a"));
        SortedMap<String, byte[]> b = GeneratedDataset.readTree(temp.resolve("b"));
        assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
        for (String key : a.keySet()) {
            assertThat(Arrays.equals(a.get(key), b.get(key))).as("bytes of %s", key).isTrue();
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedWritesOtherData() throws Exception {
        new DataGenerator(GeneratorOptions.defaults()).generate(temp.resolve("a"));
        new DataGenerator(GeneratorOptions.defaults().withSeed(43)).generate(temp.resolve("b"));

        SortedMap<String, byte[]> a = GeneratedDataset.readTree(temp.resolve("a"));
        SortedMap<String, byte[]> b = GeneratedDataset.readTree(temp.resolve("b"));
        // Other track ids, so other song keys; and other events in the same day files.
        assertThat(a.keySet().stream().filter(k -> k.startsWith("song_data/")))
                .doesNotContainAnyElementsOf(b.keySet());
        String day = "log_data/2018/11/2018-11-15-events.json";
        assertThat(Arrays.equals(a.get(day), b.get(day))).isFalse();
        assertThat(a.get("log_json_path.json")).isEqualTo(b.get("log_json_path.json"));
    }

    @Test
    void moreEventsLeaveTheSongsUnchanged() throws Exception {
        new DataGenerator(GeneratorOptions.defaults()).generate(temp.resolve("a"));
        new DataGenerator(GeneratorOptions.defaults().withEvents(500)).generate(temp.resolve("b"));

        SortedMap<String, byte[]> a = GeneratedDataset.readTree(temp.resolve("a"));
        SortedMap<String, byte[]> b = GeneratedDataset.readTree(temp.resolve("b"));
        a.keySet().stream().filter(k -> k.startsWith("song_data/")).forEach(key ->
                assertThat(Arrays.equals(a.get(key), b.get(key))).as("bytes of %s", key).isTrue());
    }
}
