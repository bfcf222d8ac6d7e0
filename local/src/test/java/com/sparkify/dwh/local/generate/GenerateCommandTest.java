package com.sparkify.dwh.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.dwh.local.cli.GenerateCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new GenerateCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void writesTheDatasetAndPrintsWhatItWrote() throws Exception {
        Path dir = temp.resolve("bucket");
        int exit = run("--out", dir.toString(), "--users", "20", "--songs", "40", "--events", "900", "--seed", "5");

        assertThat(exit).isEqualTo(0);
        GeneratedDataset data = GeneratedDataset.read(dir);
        assertThat(data.songFiles).hasSize(40);
        assertThat(data.logFiles).hasSize(30);
        assertThat(data.events()).hasSize(900);
        assertThat(out.toString())
                .contains(dir.toAbsolutePath().toString())
                .contains("40 files, " + data.songs().size() + " song objects")
                .contains("30 files, 900 events (" + data.nextSongEvents().size() + " NextSong)");
    }

    @Test
    void sameArgumentsAsTheApiGiveTheSameBytes() throws Exception {
        run("--out", temp.resolve("cli").toString(), "--events", "700");
        new DataGenerator(GeneratorOptions.defaults().withEvents(700)).generate(temp.resolve("api"));

        SortedMap<String, byte[]> cli = GeneratedDataset.readTree(temp.resolve("cli"));
        SortedMap<String, byte[]> api = GeneratedDataset.readTree(temp.resolve("api"));
        assertThat(cli.keySet()).isEqualTo(api.keySet());
        cli.forEach((key, bytes) -> assertThat(bytes).as(key).isEqualTo(api.get(key)));
    }

    @Test
    void refusesToMixWithAPreviousDatasetUnlessAskedToOverwrite() throws Exception {
        Path dir = temp.resolve("bucket");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("keep.txt"), "not generated");
        assertThat(run("--out", dir.toString(), "--events", "300", "--songs", "50")).isEqualTo(0);

        assertThat(run("--out", dir.toString(), "--events", "300", "--songs", "20")).isEqualTo(2);
        assertThat(err.toString()).contains("already holds data").contains("--overwrite");

        assertThat(run("--out", dir.toString(), "--events", "300", "--songs", "20", "--overwrite")).isEqualTo(0);
        GeneratedDataset data = GeneratedDataset.read(dir);
        assertThat(data.songFiles).hasSize(20);
        assertThat(dir.resolve("keep.txt")).hasContent("not generated");
    }

    @Test
    void rejectsNonsenseSizes() {
        assertThat(run("--out", temp.toString(), "--users", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("users must be at least 1");
        assertThat(run("--songs", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
    }
}
