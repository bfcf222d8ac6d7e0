package com.sparkify.dwh.local.generate;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Generates a Sparkify dataset in the public bucket's key layout, with every quirk of the real
 * files (DATA.md) planted at a small rate and at least once:
 * <pre>
 *   song_data/A/B/C/TRABC....json          one song object per file (a few hold two)
 *   log_data/2018/11/2018-11-DD-events.json one file per day of November 2018, JSON lines
 *   log_json_path.json                      the jsonpaths of the 18 log keys
 * </pre>
 * The logs play the generated songs (song, artist and length equal to a song's title, artist_name
 * and duration), except about 10% of plays of songs song_data lacks and a few with mis-encoded names.
 *
 * <p>Deterministic: the same options give byte-identical files. Memory grows with users and songs,
 * not events: songs are re-derived by index, and events are simulated and streamed day by day.
 */
public final class DataGenerator {

    private static final String SONG_DATA = "song_data";
    private static final String LOG_DATA = "log_data";

    private final GeneratorOptions options;

    public DataGenerator(GeneratorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public GeneratorOptions options() {
        return options;
    }

    /**
     * Writes the dataset under {@code outDir}, created if missing.
     *
     * @throws IllegalStateException if {@code outDir} already holds song_data/ or log_data/ with
     *                               files in them: stale files would silently join the dataset
     *                               (see {@link #deleteGeneratedData})
     */
    public GenerationSummary generate(Path outDir) throws IOException {
        requireNoGeneratedData(outDir);
        Files.createDirectories(outDir);
        long seed = options.seed();
        QuirkCounter quirks = new QuirkCounter();

        SongCatalogue catalogue = new SongCatalogue(seed, options.songs());
        SongDataWriter songData = new SongDataWriter(outDir, catalogue, seed, quirks);
        songData.writeAll();

        UserPopulation users = new UserPopulation(seed, options.users());
        SessionSimulator simulator = new SessionSimulator(seed, catalogue, users, options.events(), quirks);
        DailyLogFiles logFiles = new DailyLogFiles(outDir, seed, quirks);
        try (logFiles) {
            simulator.run(logFiles);
        }

        JsonPathsFile.write(outDir);
        return new GenerationSummary(songData.files(), songData.objects(), logFiles.files(),
                simulator.events(), simulator.nextSongEvents(), quirks.snapshot());
    }

    /** Removes what {@link #generate} writes under {@code outDir}, and nothing else. */
    public static void deleteGeneratedData(Path outDir) throws IOException {
        deleteTree(outDir.resolve(SONG_DATA));
        deleteTree(outDir.resolve(LOG_DATA));
        Files.deleteIfExists(outDir.resolve(JsonPathsFile.KEY));
    }

    private static void requireNoGeneratedData(Path outDir) throws IOException {
        for (String folder : new String[] {SONG_DATA, LOG_DATA}) {
            Path path = outDir.resolve(folder);
            if (Files.isDirectory(path)) {
                try (Stream<Path> entries = Files.list(path)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalStateException(path + " already holds data; generate into an"
                                + " empty directory or delete the previous dataset first");
                    }
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
