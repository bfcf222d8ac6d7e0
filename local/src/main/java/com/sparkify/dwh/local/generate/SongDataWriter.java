package com.sparkify.dwh.local.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * Writes song_data/A/B/C/TRABC....json, one file per song of the catalogue, in index order.
 * A few files are pretty-printed, and a few hold a second object that repeats another song.
 */
final class SongDataWriter {

    private static final double PRETTY_RATE = 0.03;
    private static final double TWO_OBJECT_RATE = 0.01;

    private final Path root;
    private final SongCatalogue catalogue;
    private final long seed;
    private final QuirkCounter quirks;
    private final ForcedSlots forced;
    /** Artists written in more than one spelling; bounded by the number of artists. */
    private final BitSet variantArtists = new BitSet();
    private long files;
    private long objects;

    SongDataWriter(Path root, SongCatalogue catalogue, long seed, QuirkCounter quirks) {
        this.root = root;
        this.catalogue = catalogue;
        this.seed = seed;
        this.quirks = quirks;
        this.forced = new ForcedSlots(seed, Salts.FORCED_SONG, catalogue.size());
    }

    void writeAll() throws IOException {
        int size = catalogue.size();
        for (int i = 0; i < size; i++) {
            Rng rng = Rng.of(seed, Salts.SONG_FILE, i);
            boolean pretty = forced.is(ForcedSlots.SONG_PRETTY, i) || rng.chance(PRETTY_RATE);
            boolean twoObjects = size > 1
                    && (forced.is(ForcedSlots.SONG_TWO_OBJECTS, i) || rng.chance(TWO_OBJECT_RATE));
            Song song = catalogue.song(i);
            Song repeated = twoObjects ? catalogue.song((i + 1 + rng.nextInt(size - 1)) % size) : null;
            writeFile(song, repeated, pretty);
        }
        quirks.add(Quirk.ARTIST_SPELLING_VARIANTS, variantArtists.cardinality());
    }

    long files() {
        return files;
    }

    long objects() {
        return objects;
    }

    /** The key of a song's file: the folders are the 3rd to 5th characters of its track id. */
    static String key(String trackId) {
        return "song_data/" + trackId.charAt(2) + "/" + trackId.charAt(3) + "/" + trackId.charAt(4)
                + "/" + trackId + ".json";
    }

    private void writeFile(Song song, Song repeated, boolean pretty) throws IOException {
        Path file = root.resolve(key(song.trackId()));
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 4096);
             JsonGenerator generator = JsonStyles.songGenerator(out, pretty)) {
            writeObject(generator, song, pretty);
            if (repeated != null) {
                generator.writeRaw('\n');
                writeObject(generator, repeated, pretty);
                quirks.add(Quirk.TWO_OBJECT_SONG_FILE);
            }
        }
        files++;
    }

    private void writeObject(JsonGenerator generator, Song song, boolean pretty) throws IOException {
        if (pretty) {
            writeSortedKeys(generator, song);
            quirks.add(Quirk.PRETTY_SONG_OBJECT);
        } else {
            writeDatasetOrder(generator, song);
        }
        objects++;
        count(song);
    }

    /** The key order of the public dataset. */
    private static void writeDatasetOrder(JsonGenerator g, Song song) throws IOException {
        g.writeStartObject();
        g.writeNumberField("num_songs", 1);
        g.writeStringField("artist_id", song.artistId());
        writeDecimal(g, "artist_latitude", song.latitude());
        writeDecimal(g, "artist_longitude", song.longitude());
        writeText(g, "artist_location", song.artistLocation(), song.artistLocationNumeric());
        writeText(g, "artist_name", song.artistName(), song.artistNameNumeric());
        g.writeStringField("song_id", song.songId());
        g.writeStringField("title", song.title());
        writeDecimal(g, "duration", song.duration());
        g.writeNumberField("year", song.year());
        g.writeEndObject();
    }

    /** Alphabetical key order, as {@code sort_keys=True} writes it. */
    private static void writeSortedKeys(JsonGenerator g, Song song) throws IOException {
        g.writeStartObject();
        g.writeStringField("artist_id", song.artistId());
        writeDecimal(g, "artist_latitude", song.latitude());
        writeText(g, "artist_location", song.artistLocation(), song.artistLocationNumeric());
        writeDecimal(g, "artist_longitude", song.longitude());
        writeText(g, "artist_name", song.artistName(), song.artistNameNumeric());
        writeDecimal(g, "duration", song.duration());
        g.writeNumberField("num_songs", 1);
        g.writeStringField("song_id", song.songId());
        g.writeStringField("title", song.title());
        g.writeNumberField("year", song.year());
        g.writeEndObject();
    }

    /** Decimal text goes out verbatim (or null), never through double formatting. */
    private static void writeDecimal(JsonGenerator g, String name, String decimal) throws IOException {
        g.writeFieldName(name);
        if (decimal == null) {
            g.writeNull();
        } else {
            g.writeNumber(decimal);
        }
    }

    /** A text field, or the same digits as a bare JSON number where the real data has one. */
    private static void writeText(JsonGenerator g, String name, String text, boolean asNumber)
            throws IOException {
        g.writeFieldName(name);
        if (asNumber) {
            g.writeNumber(text);
        } else {
            g.writeString(text);
        }
    }

    private void count(Song song) {
        if (song.artistNameNumeric()) {
            quirks.add(Quirk.NUMERIC_ARTIST_NAME);
        }
        if (song.artistLocationNumeric()) {
            quirks.add(Quirk.NUMERIC_ARTIST_LOCATION);
        } else if (song.artistLocation().isEmpty()) {
            quirks.add(Quirk.EMPTY_ARTIST_LOCATION);
        }
        if (song.latitude() == null) {
            quirks.add(Quirk.NULL_COORDINATES);
        }
        if (song.year() == 0) {
            quirks.add(Quirk.UNKNOWN_YEAR);
        }
        if (song.hasSpecialCharacters()) {
            quirks.add(Quirk.SPECIAL_CHARACTERS);
        }
        if (song.spellingVariant()) {
            variantArtists.set(song.artistIndex());
        }
    }
}
