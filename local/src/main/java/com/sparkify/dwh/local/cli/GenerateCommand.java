package com.sparkify.dwh.local.cli;

import com.sparkify.dwh.local.generate.DataGenerator;
import com.sparkify.dwh.local.generate.GenerationSummary;
import com.sparkify.dwh.local.generate.GeneratorOptions;
import com.sparkify.dwh.local.generate.Quirk;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./sparkify generate --out DIR}: a deterministic dataset in the public bucket's layout. */
@Command(name = "generate",
        description = "Generates song_data/, log_data/ and log_json_path.json in the public bucket's"
                + " key layout, with the quirks of the real files. The same options always write the"
                + " same bytes.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder standing in for the bucket; created if missing.")
    Path out;

    @Option(names = "--users", paramLabel = "N", defaultValue = "" + GeneratorOptions.DEFAULT_USERS,
            description = "Listeners in the logs. Default: ${DEFAULT-VALUE}.")
    int users;

    @Option(names = "--songs", paramLabel = "N", defaultValue = "" + GeneratorOptions.DEFAULT_SONGS,
            description = "Song files. Default: ${DEFAULT-VALUE}.")
    int songs;

    @Option(names = "--events", paramLabel = "N", defaultValue = "" + GeneratorOptions.DEFAULT_EVENTS,
            description = "Log events over November 2018. Default: ${DEFAULT-VALUE}.")
    long events;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + GeneratorOptions.DEFAULT_SEED,
            description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--overwrite",
            description = "Delete song_data/, log_data/ and log_json_path.json in DIR first"
                    + " (nothing else in DIR is touched).")
    boolean overwrite;

    public GenerateCommand() {
    }

    @Override
    public Integer call() throws Exception {
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(users, songs, events, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (overwrite) {
            DataGenerator.deleteGeneratedData(out);
        }
        GenerationSummary summary;
        try {
            summary = new DataGenerator(options).generate(out);
        } catch (IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + " (or pass --overwrite)", e);
        }
        print(summary, spec.commandLine().getOut());
        return 0;
    }

    private void print(GenerationSummary summary, PrintWriter printer) {
        printer.printf(Locale.ROOT, "Generated %d files in %s%n", summary.files(), out.toAbsolutePath());
        printer.printf(Locale.ROOT, "  song_data: %d files, %d song objects%n",
                summary.songFiles(), summary.songObjects());
        printer.printf(Locale.ROOT, "  log_data:  %d files, %d events (%d NextSong)%n",
                summary.logFiles(), summary.events(), summary.nextSongEvents());
        StringJoiner quirks = new StringJoiner(", ");
        for (Map.Entry<Quirk, Long> entry : summary.quirks().entrySet()) {
            quirks.add(entry.getKey().name().toLowerCase(Locale.ROOT) + "=" + entry.getValue());
        }
        printer.println("  quirks:    " + quirks);
        printer.flush();
    }
}
