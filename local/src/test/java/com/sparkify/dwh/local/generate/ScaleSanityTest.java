package com.sparkify.dwh.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bigger run, read back with a streaming parser: exact counts, unique keys, every day used. No timing. */
class ScaleSanityTest {

    @Test
    void aHundredThousandEvents(@TempDir Path root) throws Exception {
        GeneratorOptions options = new GeneratorOptions(1_000, 1_000, 100_000, 99);
        GenerationSummary summary = new DataGenerator(options).generate(root);

        assertThat(summary.events()).isEqualTo(100_000);
        assertThat(summary.songFiles()).isEqualTo(1_000);
        assertThat(summary.logFiles()).isEqualTo(30);
        assertThat(summary.quirks()).allSatisfy((quirk, count) -> assertThat(count).as("%s", quirk).isPositive());

        long events = 0;
        long nextSong = 0;
        long duplicates = 0;
        Set<Long> keys = new HashSet<>();
        try (Stream<Path> files = Files.list(root.resolve("log_data/2018/11"))) {
            for (Path file : files.sorted().toList()) {
                long inFile = 0;
                try (JsonParser parser = GeneratedDataset.MAPPER.getFactory().createParser(file.toFile())) {
                    long sessionId = -1;
                    long item = -1;
                    JsonToken token;
                    while ((token = parser.nextToken()) != null) {
                        if (token == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            parser.nextToken();
                            if (name.equals("sessionId")) {
                                sessionId = parser.getLongValue();
                            } else if (name.equals("itemInSession")) {
                                item = parser.getLongValue();
                            } else if (name.equals("page") && parser.getText().equals("NextSong")) {
                                nextSong++;
                            }
                        } else if (token == JsonToken.END_OBJECT) {
                            inFile++;
                            if (!keys.add(sessionId * 1_000 + item)) {
                                duplicates++;
                            }
                        }
                    }
                }
                assertThat(inFile).as("events in %s", file.getFileName()).isGreaterThan(1_500);
                events += inFile;
            }
        }
        assertThat(events).isEqualTo(100_000);
        assertThat(duplicates).as("repeated (sessionId, itemInSession)").isZero();
        assertThat(nextSong).isEqualTo(summary.nextSongEvents());
        assertThat((double) nextSong / events).isBetween(0.80, 0.90);
    }
}
