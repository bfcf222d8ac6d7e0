package com.sparkify.dwh.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the pipeline relies on: shares, keys, matches, and nothing a Redshift COPY would reject. */
class DataContractTest {

    @TempDir
    static Path root;
    static GeneratedDataset data;

    @BeforeAll
    static void generate() throws Exception {
        new DataGenerator(GeneratorOptions.defaults()).generate(root);
        data = GeneratedDataset.read(root);
    }

    @Test
    void aboutEightyFivePercentOfEventsAreNextSong() {
        assertNextSongShare(data);
    }

    @Test
    void sessionIdAndItemInSessionIdentifyOneEvent() {
        assertUniqueEventKeys(data);
    }

    @Test
    void mostPlaysFindTheirSongAndSomeDoNot() {
        assertMostPlaysMatch(data);
    }

    @Test
    void durationsSurviveTheRoundTripAsTheSameText() {
        // The same characters on both sides, e.g. "length":246.30812 and "duration": 246.30812.
        Set<String> durations = new HashSet<>();
        for (GeneratedDataset.SongFile file : data.songFiles) {
            Matcher m = Pattern.compile("\"duration\": ([0-9.]+)").matcher(file.text());
            while (m.find()) {
                durations.add(m.group(1));
            }
        }
        long matchedByText = 0;
        for (GeneratedDataset.LogFile file : data.logFiles) {
            Matcher m = Pattern.compile("\"length\" ?: ?([0-9.]+)").matcher(file.text());
            while (m.find()) {
                if (durations.contains(m.group(1))) {
                    matchedByText++;
                }
            }
        }
        assertThat(matchedByText).isGreaterThan(data.nextSongEvents().size() * 7L / 10);
    }

    @Test
    void aUsersLatestLevelIsNeverATie() {
        // users.level is the level of the user's latest event by ts: two events of one user at one
        // ts must not disagree, or the expected level would depend on load order.
        Map<String, Set<String>> levelsAt = new HashMap<>();
        for (ObjectNode event : data.events()) {
            String user = event.get("userId").asText();
            if (!user.isEmpty()) {
                levelsAt.computeIfAbsent(user + "@" + event.get("ts").asLong(), k -> new HashSet<>())
                        .add(event.get("level").asText());
            }
        }
        assertThat(levelsAt.values()).allMatch(levels -> levels.size() == 1);
    }

    @Test
    void nothingACopyWouldReject() {
        for (ObjectNode event : data.events()) {
            for (String field : List.of("ts", "sessionId", "itemInSession", "status")) {
                assertThat(event.get(field).isIntegralNumber()).as("%s of %s", field, event).isTrue();
            }
            assertThat(event.get("ts").asLong()).isBetween(1_541_030_400_000L, 1_543_622_399_999L);
            assertShortNonBlankText(event);
        }
        for (ObjectNode song : data.songs()) {
            assertThat(song.get("song_id").asText()).isNotBlank();
            assertThat(song.get("artist_id").asText()).isNotBlank();
            assertThat(song.get("duration").isNumber()).isTrue();
            assertShortNonBlankText(song);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 7, 1234, -5})
    void otherSeedsKeepEveryQuirkAndTheShares(long seed, @TempDir Path dir) throws Exception {
        GenerationSummary summary = new DataGenerator(GeneratorOptions.defaults().withSeed(seed)).generate(dir);
        GeneratedDataset other = GeneratedDataset.read(dir);
        Map<Quirk, Long> recounted = QuirkRecount.count(other);
        assertThat(recounted).allSatisfy((quirk, count) -> assertThat(count).as("%s", quirk).isPositive());
        assertThat(summary.quirks()).isEqualTo(recounted);
        assertNextSongShare(other);
        assertUniqueEventKeys(other);
        assertMostPlaysMatch(other);
    }

    @Test
    void tinyDatasetsStillHaveThirtyLogFiles(@TempDir Path dir) throws Exception {
        GenerationSummary summary = new DataGenerator(new GeneratorOptions(1, 1, 5, 3)).generate(dir);
        GeneratedDataset tiny = GeneratedDataset.read(dir);
        assertThat(tiny.logFiles).hasSize(30);
        assertThat(tiny.events()).hasSize(5);
        assertThat(tiny.songFiles).hasSize(1);
        assertThat(summary.events()).isEqualTo(5);
    }

    static void assertNextSongShare(GeneratedDataset data) {
        double share = (double) data.nextSongEvents().size() / data.events().size();
        assertThat(share).isBetween(0.80, 0.90);
    }

    static void assertUniqueEventKeys(GeneratedDataset data) {
        Set<String> keys = new HashSet<>();
        for (ObjectNode event : data.events()) {
            String key = event.get("sessionId").asLong() + "/" + event.get("itemInSession").asLong();
            assertThat(keys.add(key)).as("unique %s", key).isTrue();
        }
    }

    static void assertMostPlaysMatch(GeneratedDataset data) {
        Set<GeneratedDataset.SongKey> songs = data.songKeys();
        List<ObjectNode> plays = data.nextSongEvents();
        long matched = plays.stream().filter(e -> songs.contains(GeneratedDataset.playKey(e))).count();
        assertThat((double) matched / plays.size()).isBetween(0.70, 0.95);
    }

    private static void assertShortNonBlankText(JsonNode object) {
        object.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                String text = value.asText();
                assertThat(text.getBytes(StandardCharsets.UTF_8).length).as(field.getKey()).isLessThan(256);
                if (text.isEmpty()) {
                    assertThat(field.getKey()).as("only these may be empty").isIn("userId", "artist_location");
                } else {
                    assertThat(text).as("%s is blank but not empty", field.getKey()).isNotBlank();
                    assertThat(text).as("%s has no surrounding spaces", field.getKey()).isEqualTo(text.strip());
                }
            }
        });
    }
}
