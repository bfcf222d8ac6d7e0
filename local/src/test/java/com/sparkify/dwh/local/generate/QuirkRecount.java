package com.sparkify.dwh.local.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Recounts every quirk from the files alone, as Quirk's javadoc defines an instance. */
final class QuirkRecount {

    private QuirkRecount() {
    }

    static Map<Quirk, Long> count(GeneratedDataset data) {
        Map<Quirk, Long> counts = new EnumMap<>(Quirk.class);
        for (Quirk quirk : Quirk.values()) {
            counts.put(quirk, 0L);
        }
        countSongs(data, counts);
        countLogs(data, counts);
        return counts;
    }

    private static void countSongs(GeneratedDataset data, Map<Quirk, Long> counts) {
        Map<String, Set<String>> spellings = new HashMap<>();
        for (GeneratedDataset.SongFile file : data.songFiles) {
            if (file.pretty()) {
                add(counts, Quirk.PRETTY_SONG_OBJECT, file.objects().size());
            }
            if (file.objects().size() == 2) {
                add(counts, Quirk.TWO_OBJECT_SONG_FILE, 1);
            }
            for (ObjectNode song : file.objects()) {
                JsonNode name = song.get("artist_name");
                JsonNode location = song.get("artist_location");
                if (name.isNumber()) {
                    add(counts, Quirk.NUMERIC_ARTIST_NAME, 1);
                }
                if (location.isNumber()) {
                    add(counts, Quirk.NUMERIC_ARTIST_LOCATION, 1);
                } else if (location.isTextual() && location.asText().isEmpty()) {
                    add(counts, Quirk.EMPTY_ARTIST_LOCATION, 1);
                }
                if (song.get("artist_latitude").isNull() && song.get("artist_longitude").isNull()) {
                    add(counts, Quirk.NULL_COORDINATES, 1);
                }
                if (song.get("year").asInt() == 0) {
                    add(counts, Quirk.UNKNOWN_YEAR, 1);
                }
                if (GeneratedDataset.isSpecial(song.get("title").asText())
                        || GeneratedDataset.isSpecial(name.asText())) {
                    add(counts, Quirk.SPECIAL_CHARACTERS, 1);
                }
                spellings.computeIfAbsent(song.get("artist_id").asText(), id -> new HashSet<>())
                        .add(name.asText() + "\u0000" + location.asText());
            }
        }
        add(counts, Quirk.ARTIST_SPELLING_VARIANTS, spellings.values().stream().filter(s -> s.size() > 1).count());
    }

    private static void countLogs(GeneratedDataset data, Map<Quirk, Long> counts) {
        for (GeneratedDataset.LogFile file : data.logFiles) {
            if (file.events().isEmpty()) {
                continue;
            }
            if (!file.text().endsWith("\n")) {
                add(counts, Quirk.LOG_FILE_WITHOUT_FINAL_NEWLINE, 1);
            }
            if (file.pretty()) {
                add(counts, Quirk.PRETTY_LOG_FILE, 1);
            }
        }
        Set<GeneratedDataset.SongKey> songKeys = data.songKeys();
        List<ObjectNode> events = data.events();
        for (ObjectNode event : events) {
            if (event.get("auth").asText().equals("Logged Out")) {
                add(counts, Quirk.LOGGED_OUT_EVENT, 1);
            }
            if (event.get("userAgent").asText().startsWith("\"")) {
                add(counts, Quirk.QUOTED_USER_AGENT, 1);
            }
            if (event.get("page").asText().equals("NextSong")) {
                if (GeneratedDataset.looksMisencoded(event.get("song").asText())
                        || GeneratedDataset.looksMisencoded(event.get("artist").asText())) {
                    add(counts, Quirk.MISENCODED_NAMES, 1);
                } else if (!songKeys.contains(GeneratedDataset.playKey(event))) {
                    add(counts, Quirk.UNLISTED_SONG_PLAY, 1);
                }
            }
        }
        add(counts, Quirk.SHARED_TS, sharedTs(events));
        add(counts, Quirk.LEVEL_CHANGE, levelChanges(events));
    }

    /** Events with the same ts as the previous event of their session. */
    static long sharedTs(List<ObjectNode> events) {
        List<ObjectNode> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.<ObjectNode>comparingLong(e -> e.get("sessionId").asLong())
                .thenComparingLong(e -> e.get("itemInSession").asLong()));
        long shared = 0;
        for (int i = 1; i < sorted.size(); i++) {
            ObjectNode previous = sorted.get(i - 1);
            ObjectNode event = sorted.get(i);
            if (previous.get("sessionId").asLong() == event.get("sessionId").asLong()
                    && previous.get("ts").asLong() == event.get("ts").asLong()) {
                shared++;
            }
        }
        return shared;
    }

    /** Logged-in events whose level differs from their user's previous event, by (ts, session, item). */
    static long levelChanges(List<ObjectNode> events) {
        List<ObjectNode> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.<ObjectNode>comparingLong(e -> e.get("ts").asLong())
                .thenComparingLong(e -> e.get("sessionId").asLong())
                .thenComparingLong(e -> e.get("itemInSession").asLong()));
        Map<String, String> lastLevel = new HashMap<>();
        long changes = 0;
        for (ObjectNode event : sorted) {
            String user = event.get("userId").asText();
            if (user.isEmpty()) {
                continue;
            }
            String level = event.get("level").asText();
            String previous = lastLevel.put(user, level);
            if (previous != null && !previous.equals(level)) {
                changes++;
            }
        }
        return changes;
    }

    private static void add(Map<Quirk, Long> counts, Quirk quirk, long n) {
        counts.merge(quirk, n, Long::sum);
    }
}
