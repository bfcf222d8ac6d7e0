package com.sparkify.dwh.local.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A generated dataset read back from disk with plain Jackson, independently of the generator's
 * code, for the tests to recount and inspect.
 */
final class GeneratedDataset {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectReader OBJECTS = MAPPER.readerFor(ObjectNode.class);

    record SongFile(String key, String text, List<ObjectNode> objects) {
        boolean pretty() {
            return text.startsWith("{\n");
        }
    }

    record LogFile(String key, int day, String text, List<ObjectNode> events) {
        boolean pretty() {
            return text.startsWith("{\n");
        }
    }

    /** (title, artist name, duration) as a songplay is matched to a song. */
    record SongKey(String title, String artist, double duration) {
    }

    final Path root;
    /** Every file, by key (path relative to the root, with '/'). */
    final SortedMap<String, byte[]> files;
    final List<SongFile> songFiles = new ArrayList<>();
    final List<LogFile> logFiles = new ArrayList<>();

    private GeneratedDataset(Path root, SortedMap<String, byte[]> files) {
        this.root = root;
        this.files = files;
    }

    static GeneratedDataset read(Path root) {
        try {
            GeneratedDataset dataset = new GeneratedDataset(root, readTree(root));
            for (Map.Entry<String, byte[]> file : dataset.files.entrySet()) {
                String key = file.getKey();
                String text = new String(file.getValue(), StandardCharsets.UTF_8);
                if (key.startsWith("song_data/")) {
                    dataset.songFiles.add(new SongFile(key, text, parse(text)));
                } else if (key.startsWith("log_data/")) {
                    int day = Integer.parseInt(key.substring("log_data/2018/11/2018-11-".length(),
                            "log_data/2018/11/2018-11-".length() + 2));
                    dataset.logFiles.add(new LogFile(key, day, text, parse(text)));
                }
            }
            return dataset;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SortedMap<String, byte[]> readTree(Path root) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String key = root.relativize(path).toString().replace('\\', '/');
                files.put(key, Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static List<ObjectNode> parse(String text) throws IOException {
        if (text.isEmpty()) {
            return List.of();
        }
        return OBJECTS.<ObjectNode>readValues(text).readAll();
    }

    List<ObjectNode> songs() {
        return songFiles.stream().flatMap(f -> f.objects().stream()).collect(Collectors.toList());
    }

    List<ObjectNode> events() {
        return logFiles.stream().flatMap(f -> f.events().stream()).collect(Collectors.toList());
    }

    List<ObjectNode> nextSongEvents() {
        return events().stream().filter(e -> e.get("page").asText().equals("NextSong"))
                .collect(Collectors.toList());
    }

    Set<SongKey> songKeys() {
        return songs().stream()
                .map(s -> new SongKey(s.get("title").asText(), s.get("artist_name").asText(),
                        s.get("duration").asDouble()))
                .collect(Collectors.toSet());
    }

    static SongKey playKey(JsonNode event) {
        return new SongKey(event.get("song").asText(), event.get("artist").asText(),
                event.get("length").asDouble());
    }

    /** Text damaged by UTF-8 → Latin-1 twice always shows 'Ã' followed by a U+0080–U+00BF char. */
    static boolean looksMisencoded(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            char next = text.charAt(i + 1);
            if (text.charAt(i) == 'Ã' && next >= 0x80 && next <= 0xBF) {
                return true;
            }
        }
        return false;
    }

    /** Undoes the double mis-encoding. */
    static String repaired(String text) {
        String once = new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return new String(once.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    static boolean isSpecial(String text) {
        return text.indexOf('"') >= 0 || text.indexOf('&') >= 0
                || text.chars().anyMatch(c -> c > 0x7F);
    }
}
