package com.sparkify.dwh.local.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallFileBundleTest {

    @TempDir
    Path folder;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void joinsTheFilesByLineBreaksAndDeletesItsFileWhenClosed() throws IOException {
        Path file;
        try (SmallFileBundle bundle = new SmallFileBundle(folder)) {
            assertThat(bundle.add(utf8("{\"a\": 1}"), true)).isTrue();
            assertThat(bundle.add(utf8("{\"a\": 2}\n{\"a\": 3}"), true)).isTrue();
            file = bundle.finish();
            assertThat(Files.readString(file)).isEqualTo("{\"a\": 1}\n{\"a\": 2}\n{\"a\": 3}\n");
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void isNewlineDelimitedWhenEveryFileIsAndNeverWritesABlankLine() throws IOException {
        try (SmallFileBundle lines = new SmallFileBundle(folder); SmallFileBundle mixed = new SmallFileBundle(folder)) {
            lines.add(utf8("{\"a\": 1}\n"), true);
            lines.add(utf8("{\"a\": 2}"), true);
            mixed.add(utf8("{\"a\": 1}\n"), true);
            mixed.add(utf8("{\n\"a\": 2\n}\n"), false);

            assertThat(Files.readString(lines.finish())).isEqualTo("{\"a\": 1}\n{\"a\": 2}\n");
            assertThat(lines.newlineDelimited()).isTrue();
            assertThat(Files.readString(mixed.finish())).isEqualTo("{\"a\": 1}\n{\n\"a\": 2\n}\n");
            assertThat(mixed.newlineDelimited()).isFalse();
        }
    }

    @Test
    void nothingAddedMeansNoFile() {
        try (SmallFileBundle bundle = new SmallFileBundle(folder)) {
            assertThat(bundle.finish()).isNull();
        }
    }

    @Test
    void refusesAFileThatStartsWithAByteOrderMark() {
        try (SmallFileBundle bundle = new SmallFileBundle(folder)) {
            byte[] marked = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
            assertThat(bundle.add(marked, true)).isFalse();
            assertThat(bundle.finish()).isNull();
        }
    }

    @Test
    void aDisabledBundleTakesNothing() {
        try (SmallFileBundle bundle = new SmallFileBundle(null)) {
            assertThat(bundle.add(utf8("{}"), true)).isFalse();
            assertThat(bundle.finish()).isNull();
        }
    }

    @Test
    void aBundleThatCannotBeWrittenTakesNothingMoreAndSaysSo() {
        // The folder does not exist: the file cannot be made. The files go to DuckDB one by one instead.
        try (SmallFileBundle bundle = new SmallFileBundle(folder.resolve("gone"))) {
            assertThat(bundle.add(utf8("{}"), true)).isFalse();
            assertThat(bundle.failed()).isTrue();
            assertThat(bundle.add(utf8("{}"), true)).isFalse();
            assertThat(bundle.finish()).isNull();
        }
    }
}
