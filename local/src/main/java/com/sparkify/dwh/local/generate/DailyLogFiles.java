package com.sparkify.dwh.local.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Receives events in time order and writes them to log_data/2018/11/2018-11-DD-events.json, one
 * file open at a time. Every day of the month gets a file, empty if no event fell on it. A few
 * files are pretty-printed, and some lack the newline after their last event.
 */
final class DailyLogFiles implements SessionSimulator.EventSink, AutoCloseable {

    private static final double PRETTY_RATE = 0.04;
    private static final double NO_FINAL_NEWLINE_RATE = 0.25;

    private final Path root;
    private final long seed;
    private final QuirkCounter quirks;
    private final ForcedSlots forced;
    private int day;
    private OutputStream out;
    private JsonGenerator generator;
    private boolean pretty;
    private boolean finalNewline;
    private long eventsInFile;
    private int files;

    DailyLogFiles(Path root, long seed, QuirkCounter quirks) throws IOException {
        this.root = root;
        this.seed = seed;
        this.quirks = quirks;
        this.forced = new ForcedSlots(seed, Salts.FORCED_LOG_FILE, November2018.DAYS);
        Files.createDirectories(root.resolve(November2018.key(1)).getParent());
    }

    @Override
    public void accept(LogEvent event) throws IOException {
        int eventDay = November2018.dayOf(event.ts());
        if (eventDay < day || eventDay > November2018.DAYS) {
            throw new IllegalStateException("event out of order or outside November 2018: " + event);
        }
        while (day < eventDay) {
            finishDay();
            startDay(day + 1);
        }
        if (eventsInFile > 0) {
            generator.writeRaw('\n');   // newline between events: the last one's is optional
        }
        LogEventJson.write(generator, event);
        eventsInFile++;
    }

    int files() {
        return files;
    }

    /** Finishes the current day and writes the empty files of the days no event reached. */
    @Override
    public void close() throws IOException {
        while (day < November2018.DAYS) {
            finishDay();
            startDay(day + 1);
        }
        finishDay();
    }

    private void startDay(int newDay) throws IOException {
        day = newDay;
        Rng rng = Rng.of(seed, Salts.LOG_FILE, day);
        int slot = day - 1;
        pretty = forced.is(ForcedSlots.LOG_PRETTY, slot) || rng.chance(PRETTY_RATE);
        finalNewline = !(forced.is(ForcedSlots.LOG_NO_FINAL_NEWLINE, slot) || rng.chance(NO_FINAL_NEWLINE_RATE));
        out = new BufferedOutputStream(Files.newOutputStream(root.resolve(November2018.key(day))), 1 << 16);
        generator = JsonStyles.logGenerator(out, pretty);
        eventsInFile = 0;
    }

    private void finishDay() throws IOException {
        if (generator == null) {
            return;
        }
        if (eventsInFile > 0) {
            if (finalNewline) {
                generator.writeRaw('\n');
            } else {
                quirks.add(Quirk.LOG_FILE_WITHOUT_FINAL_NEWLINE);
            }
            if (pretty) {
                quirks.add(Quirk.PRETTY_LOG_FILE);
            }
        }
        generator.close();
        out.close();
        generator = null;
        files++;
    }
}
