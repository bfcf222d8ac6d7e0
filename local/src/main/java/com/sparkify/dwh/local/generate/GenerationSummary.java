package com.sparkify.dwh.local.generate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one generation wrote.
 *
 * @param songFiles      files under song_data/
 * @param songObjects    JSON objects in those files (rows a COPY loads; more than files, see
 *                       {@link Quirk#TWO_OBJECT_SONG_FILE})
 * @param logFiles       files under log_data/ (always 30, one per day, some possibly empty)
 * @param events         log events (rows a COPY loads)
 * @param nextSongEvents events with page NextSong (the songplays)
 * @param quirks         instances written of each quirk, every quirk present (possibly 0)
 */
public record GenerationSummary(long songFiles, long songObjects, long logFiles, long events,
                                long nextSongEvents, Map<Quirk, Long> quirks) {

    public GenerationSummary {
        // EnumMap keeps the enum order, so printing the summary is deterministic too.
        Map<Quirk, Long> copy = new EnumMap<>(Quirk.class);
        copy.putAll(quirks);
        quirks = Collections.unmodifiableMap(copy);
    }

    public long count(Quirk quirk) {
        return quirks.getOrDefault(quirk, 0L);
    }

    /** Song files, log files and the jsonpaths file. */
    public long files() {
        return songFiles + logFiles + 1;
    }
}
