package com.sparkify.dwh.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every quirk of DATA.md, found in the default output by reading the files, and counted right. */
class QuirksTest {

    @TempDir
    static Path root;
    static GenerationSummary summary;
    static GeneratedDataset data;

    @BeforeAll
    static void generate() throws Exception {
        summary = new DataGenerator(GeneratorOptions.defaults()).generate(root);
        data = GeneratedDataset.read(root);
    }

    @Test
    void everyQuirkIsPresentAndTheSummaryCountsWhatTheFilesHold() {
        Map<Quirk, Long> recounted = QuirkRecount.count(data);
        assertThat(recounted).allSatisfy((quirk, count) -> assertThat(count).as("%s", quirk).isPositive());
        assertThat(summary.quirks()).isEqualTo(recounted);
    }

    @Test
    void summaryCountsFilesAndRows() {
        assertThat(summary.songFiles()).isEqualTo(data.songFiles.size()).isEqualTo(300);
        assertThat(summary.songObjects()).isEqualTo(data.songs().size());
        assertThat(summary.logFiles()).isEqualTo(data.logFiles.size()).isEqualTo(30);
        assertThat(summary.events()).isEqualTo(data.events().size()).isEqualTo(4000);
        assertThat(summary.nextSongEvents()).isEqualTo(data.nextSongEvents().size());
        assertThat(summary.files()).isEqualTo(data.files.size());
    }

    @Test
    void prettySongObjectsSpanManyLinesWithSortedKeys() {
        List<GeneratedDataset.SongFile> pretty = data.songFiles.stream()
                .filter(GeneratedDataset.SongFile::pretty).toList();
        assertThat(pretty).isNotEmpty();
        for (GeneratedDataset.SongFile file : pretty) {
            assertThat(file.text().lines().count()).isGreaterThanOrEqualTo(12);
            assertThat(file.text()).contains("\n    \"artist_id\": \"AR");
        }
    }

    @Test
    void aTwoObjectSongFileRepeatsTheSongIdOfAnotherFile() {
        Map<String, String> fileOfSongId = new HashMap<>();
        data.songFiles.forEach(f -> fileOfSongId.put(f.objects().get(0).get("song_id").asText(), f.key()));
        List<GeneratedDataset.SongFile> doubles = data.songFiles.stream()
                .filter(f -> f.objects().size() == 2).toList();
        assertThat(doubles).isNotEmpty();
        for (GeneratedDataset.SongFile file : doubles) {
            String repeated = file.objects().get(1).get("song_id").asText();
            assertThat(fileOfSongId.get(repeated)).isNotNull().isNotEqualTo(file.key());
        }
        assertThat(data.songs()).hasSize(data.songFiles.size() + doubles.size());
    }

    @Test
    void numbersWhereTextIsExpectedAndUnknownValues() {
        List<ObjectNode> songs = data.songs();
        assertThat(songs).anyMatch(s -> s.get("artist_name").isIntegralNumber());
        assertThat(songs).anyMatch(s -> s.get("artist_location").isIntegralNumber());
        assertThat(songs).anyMatch(s -> s.get("artist_latitude").isNull() && s.get("artist_longitude").isNull());
        assertThat(songs).anyMatch(s -> s.get("artist_location").isTextual()
                && s.get("artist_location").asText().isEmpty());
        assertThat(songs).anyMatch(s -> s.get("year").isIntegralNumber() && s.get("year").asInt() == 0);
        // The raw text holds the bare numbers, e.g. "artist_name": 112.
        assertThat(data.songFiles).anyMatch(f -> f.text().matches("(?s).*\"artist_name\": \\d+[,\n].*"));
    }

    @Test
    void oneArtistIdIsSpelledInSeveralWays() {
        Map<String, Set<String>> names = new HashMap<>();
        data.songs().forEach(s -> names.computeIfAbsent(s.get("artist_id").asText(), id -> new HashSet<>())
                .add(s.get("artist_name").asText()));
        assertThat(names.values()).anyMatch(spellings -> spellings.size() > 1);
    }

    @Test
    void titlesAndNamesHoldQuotesAmpersandsAccentsAndOtherScripts() {
        List<String> texts = data.songs().stream()
                .flatMap(s -> Stream.of(s.get("title").asText(), s.get("artist_name").asText()))
                .toList();
        assertThat(texts).anyMatch(t -> t.contains("\""));
        assertThat(texts).anyMatch(t -> t.contains("&"));
        assertThat(texts).anyMatch(t -> t.chars().anyMatch(c -> c >= 0xC0 && c <= 0x17F));   // Latin accents
        assertThat(texts).anyMatch(t -> t.chars().anyMatch(c -> c > 0x17F));                 // other scripts
        assertThat(data.songs()).anyMatch(s -> !s.get("artist_name").asText().chars().allMatch(c -> c < 0x80));
    }

    @Test
    void someLogFilesLackTheFinalNewlineAndSomeArePrettyPrinted() {
        assertThat(data.logFiles).anyMatch(f -> !f.events().isEmpty() && !f.text().endsWith("\n"));
        assertThat(data.logFiles).anyMatch(f -> f.text().endsWith("}\n"));
        List<GeneratedDataset.LogFile> pretty = data.logFiles.stream()
                .filter(GeneratedDataset.LogFile::pretty).toList();
        assertThat(pretty).isNotEmpty();
        for (GeneratedDataset.LogFile file : pretty) {
            assertThat(file.text().lines().count()).isGreaterThan(18L * file.events().size());
        }
        for (GeneratedDataset.LogFile file : data.logFiles) {
            if (!file.pretty()) {
                assertThat(file.text().lines().count()).as("one event per line in %s", file.key())
                        .isEqualTo(file.events().size());
            }
        }
    }

    @Test
    void loggedOutEventsHaveEmptyUserIdAndNullProfile() {
        List<ObjectNode> loggedOut = data.events().stream()
                .filter(e -> e.get("auth").asText().equals("Logged Out")).toList();
        assertThat(loggedOut).isNotEmpty();
        for (ObjectNode event : loggedOut) {
            assertThat(event.get("userId").isTextual()).isTrue();
            assertThat(event.get("userId").asText()).isEmpty();
            for (String field : List.of("firstName", "lastName", "gender", "registration")) {
                assertThat(event.get(field).isNull()).as(field).isTrue();
            }
            assertThat(event.get("page").asText()).isNotEqualTo("NextSong");
        }
        assertThat(data.events()).allSatisfy(e -> assertThat(e.get("userId").isTextual()).isTrue());
    }

    @Test
    void songFieldsAreNullExceptOnNextSong() {
        for (ObjectNode event : data.events()) {
            boolean nextSong = event.get("page").asText().equals("NextSong");
            for (String field : List.of("length", "song", "artist")) {
                assertThat(event.get(field).isNull()).as("%s of %s", field, event).isEqualTo(!nextSong);
            }
        }
    }

    @Test
    void thirteenPageKindsWithTheirMethodsAndStatuses() {
        Map<String, Set<String>> shapes = data.events().stream().collect(Collectors.groupingBy(
                e -> e.get("page").asText(),
                Collectors.mapping(e -> e.get("method").asText() + " " + e.get("status").asInt(), Collectors.toSet())));
        assertThat(shapes.keySet()).containsExactlyInAnyOrder("NextSong", "Home", "Login", "Logout",
                "Downgrade", "Upgrade", "Settings", "Help", "About", "Error", "Save Settings",
                "Submit Upgrade", "Submit Downgrade");
        assertThat(shapes.get("NextSong")).containsExactly("PUT 200");
        assertThat(shapes.get("Error")).containsExactly("GET 404");
        assertThat(shapes.get("Submit Upgrade")).containsExactly("PUT 307");
        assertThat(shapes.values().stream().flatMap(Set::stream).map(s -> s.substring(s.indexOf(' ') + 1)))
                .containsOnly("200", "307", "404");
    }

    @Test
    void severalEventsShareOneTs() {
        Map<Long, Long> perTs = data.events().stream()
                .collect(Collectors.groupingBy(e -> e.get("ts").asLong(), Collectors.counting()));
        assertThat(perTs.values()).anyMatch(n -> n > 1);
    }

    @Test
    void misencodedNamesAreDoubleLatin1AndMatchNoSong() {
        Set<GeneratedDataset.SongKey> songKeys = data.songKeys();
        Set<String> titles = data.songs().stream().map(s -> s.get("title").asText()).collect(Collectors.toSet());
        Set<String> names = data.songs().stream().map(s -> s.get("artist_name").asText()).collect(Collectors.toSet());
        List<ObjectNode> misencoded = data.nextSongEvents().stream()
                .filter(e -> GeneratedDataset.looksMisencoded(e.get("song").asText())
                        || GeneratedDataset.looksMisencoded(e.get("artist").asText()))
                .toList();
        assertThat(misencoded).isNotEmpty();
        for (ObjectNode event : misencoded) {
            assertThat(songKeys).doesNotContain(GeneratedDataset.playKey(event));
            assertThat(titles).contains(GeneratedDataset.repaired(event.get("song").asText()));
            assertThat(names).contains(GeneratedDataset.repaired(event.get("artist").asText()));
        }
        assertThat(GeneratedDataset.repaired("T\u00c3\u0083\u00c2\u00ba")).isEqualTo("Tú");
        // The C1 control left by the damage is written escaped, as in the real files.
        assertThat(data.logFiles).anyMatch(f -> f.text().contains("\u00c3\\u0083\u00c2"));
    }

    @Test
    void userAgentsKeepEscapedQuotesAndSlashes() {
        assertThat(data.logFiles).anyMatch(f -> f.text().contains(
                "\"userAgent\":\"\\\"Mozilla\\/5.0 (Windows NT 6.1; WOW64) AppleWebKit\\/537.36"));
        assertThat(data.logFiles).allMatch(f -> !f.text().contains("Mozilla/5.0"));
        assertThat(data.events()).anyMatch(e -> e.get("userAgent").asText().startsWith("\"Mozilla/5.0 ("));
    }

    @Test
    void registrationIsAFloatLiteralInEpochMillis() {
        Pattern registration = Pattern.compile("\"registration\" ?: ?(null|\\d{13}\\.0)[,\\n]");
        long found = 0;
        for (GeneratedDataset.LogFile file : data.logFiles) {
            Matcher matcher = registration.matcher(file.text());
            while (matcher.find()) {
                found++;
            }
        }
        assertThat(found).isEqualTo(data.events().size());
        assertThat(data.events()).anyMatch(e -> e.get("registration").isDouble());
    }

    @Test
    void levelChangesBothWaysAndEventsCarryTheCurrentLevel() {
        Map<String, List<String>> levels = new HashMap<>();
        data.events().stream()
                .filter(e -> !e.get("userId").asText().isEmpty())
                .sorted(Comparator.<ObjectNode>comparingLong(e -> e.get("ts").asLong())
                        .thenComparingLong(e -> e.get("sessionId").asLong())
                        .thenComparingLong(e -> e.get("itemInSession").asLong()))
                .forEach(e -> levels.computeIfAbsent(e.get("userId").asText(), u -> new ArrayList<>())
                        .add(e.get("page").asText() + "|" + e.get("level").asText()));
        boolean up = false;
        boolean down = false;
        for (List<String> history : levels.values()) {
            for (int i = 1; i < history.size(); i++) {
                String before = history.get(i - 1);
                String after = history.get(i);
                if (before.endsWith("|free") && after.endsWith("|paid")) {
                    up = true;
                    assertThat(before).startsWith("Submit Upgrade|");
                }
                if (before.endsWith("|paid") && after.endsWith("|free")) {
                    down = true;
                    assertThat(before).startsWith("Submit Downgrade|");
                }
            }
        }
        assertThat(up).as("a user goes free -> paid").isTrue();
        assertThat(down).as("a user goes paid -> free").isTrue();
    }
}
