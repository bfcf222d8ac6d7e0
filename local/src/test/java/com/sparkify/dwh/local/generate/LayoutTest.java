package com.sparkify.dwh.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutTest {

    private static final Pattern SONG_KEY =
            Pattern.compile("song_data/([A-Z])/([A-Z])/([A-Z])/(TR[A-Z0-9]{16})\\.json");
    private static final Pattern LOG_KEY =
            Pattern.compile("log_data/2018/11/2018-11-(0[1-9]|[12][0-9]|30)-events\\.json");
    private static final List<String> LOG_KEYS = List.of(
            "artist", "auth", "firstName", "gender", "itemInSession", "lastName", "length", "level",
            "location", "method", "page", "registration", "sessionId", "song", "status", "ts",
            "userAgent", "userId");
    private static final List<String> SONG_KEYS = List.of(
            "num_songs", "artist_id", "artist_latitude", "artist_longitude", "artist_location",
            "artist_name", "song_id", "title", "duration", "year");

    @TempDir
    static Path root;
    static GeneratedDataset data;

    @BeforeAll
    static void generate() throws Exception {
        new DataGenerator(GeneratorOptions.defaults()).generate(root);
        data = GeneratedDataset.read(root);
    }

    @Test
    void everyKeyFollowsTheBucketLayout() {
        int songFiles = 0;
        int logFiles = 0;
        for (String key : data.files.keySet()) {
            Matcher song = SONG_KEY.matcher(key);
            if (song.matches()) {
                String trackId = song.group(4);
                assertThat(song.group(1) + song.group(2) + song.group(3))
                        .as("folders of %s", key).isEqualTo(trackId.substring(2, 5));
                songFiles++;
            } else if (LOG_KEY.matcher(key).matches()) {
                logFiles++;
            } else {
                assertThat(key).isEqualTo("log_json_path.json");
            }
        }
        assertThat(songFiles).isEqualTo(300);
        assertThat(logFiles).isEqualTo(30);
        assertThat(data.files).containsKey("log_json_path.json");
    }

    @Test
    void jsonPathsListTheEighteenLogKeysInOrder() throws Exception {
        JsonNode jsonPaths = GeneratedDataset.MAPPER.readTree(data.files.get("log_json_path.json"));
        List<String> paths = new ArrayList<>();
        jsonPaths.get("jsonpaths").forEach(p -> paths.add(p.asText()));
        assertThat(paths).containsExactlyElementsOf(LOG_KEYS.stream().map(k -> "$['" + k + "']").toList());
        assertThat(JsonPathsFile.LOG_KEYS).containsExactlyElementsOf(LOG_KEYS);
    }

    @Test
    void logEventsHaveTheEighteenKeysInOrderAndFallOnTheirFilesDay() {
        for (GeneratedDataset.LogFile file : data.logFiles) {
            assertThat(file.events()).as("events of %s", file.key()).isNotEmpty();
            for (ObjectNode event : file.events()) {
                List<String> keys = new ArrayList<>();
                event.fieldNames().forEachRemaining(keys::add);
                assertThat(keys).containsExactlyElementsOf(LOG_KEYS);
                ZonedDateTime ts = Instant.ofEpochMilli(event.get("ts").asLong()).atZone(ZoneOffset.UTC);
                assertThat(ts.getYear()).isEqualTo(2018);
                assertThat(ts.getMonthValue()).isEqualTo(11);
                assertThat(ts.getDayOfMonth()).as("day of an event in %s", file.key()).isEqualTo(file.day());
            }
        }
    }

    @Test
    void songObjectsHaveTheTenKeysAndWellFormedIds() {
        Set<String> fileSongIds = new HashSet<>();
        for (GeneratedDataset.SongFile file : data.songFiles) {
            ObjectNode first = file.objects().get(0);
            String trackId = file.key().substring(file.key().lastIndexOf('/') + 1, file.key().length() - 5);
            assertThat(trackId).hasSize(18);
            assertThat(fileSongIds.add(first.get("song_id").asText())).as("unique song_id").isTrue();
            for (ObjectNode song : file.objects()) {
                List<String> keys = new ArrayList<>();
                song.fieldNames().forEachRemaining(keys::add);
                if (file.pretty()) {
                    assertThat(keys).containsExactlyElementsOf(SONG_KEYS.stream().sorted().toList());
                } else {
                    assertThat(keys).containsExactlyElementsOf(SONG_KEYS);
                }
                assertThat(song.get("song_id").asText()).matches("SO[A-Z0-9]{16}");
                assertThat(song.get("artist_id").asText()).matches("AR[A-Z0-9]{16}");
                assertThat(song.get("num_songs").asInt()).isEqualTo(1);
            }
        }
    }
}
