package com.sparkify.dwh.local.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.dwh.local.copy.JsonRecordSplitter.Garbage;
import com.sparkify.dwh.local.copy.JsonRecordSplitter.Piece;
import com.sparkify.dwh.local.copy.JsonRecordSplitter.Record;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Record framing as Redshift's COPY documents it for JSON (DG copy-usage_notes-copy-from-json): a file
 * is a stream of root-level objects or arrays separated only by white space, each possibly spread over
 * many lines or concatenated ("}{"); any other character between them is one error each; the line
 * recorded for an error is the last line of the object.
 */
class JsonRecordSplitterTest {

    private static final String SOURCE = "s3://bucket/log_data/file.json";

    /** A readable summary of one piece: kind, first and last line, text. */
    private record P(String kind, long firstLine, long lastLine, String text) {
        static P record(long first, long last, String text) {
            return new P("record", first, last, text);
        }

        static P garbage(long first, long last, String text) {
            return new P("garbage", first, last, text);
        }
    }

    private static List<Piece> pieces(byte[] content, boolean oneByteAtATime) throws IOException {
        InputStream in = new ByteArrayInputStream(content);
        if (oneByteAtATime) {
            in = new TrickleInputStream(in);
        }
        JsonRecordSplitter splitter = new JsonRecordSplitter(in, SOURCE);
        List<Piece> pieces = new ArrayList<>();
        Piece piece;
        while ((piece = splitter.next()) != null) {
            pieces.add(piece);
            assertThat(pieces).as("runaway splitter").hasSizeLessThan(1000);
        }
        assertThat(splitter.next()).as("stays at end of file").isNull();
        return pieces;
    }

    /** The pieces, checked to be the same whether the stream hands out everything or one byte per read. */
    private static List<P> split(byte[] content) throws IOException {
        List<P> whole = summarise(pieces(content, false));
        assertThat(summarise(pieces(content, true))).as("same pieces with one-byte reads").isEqualTo(whole);
        return whole;
    }

    private static List<P> split(String content) throws IOException {
        return split(content.getBytes(StandardCharsets.UTF_8));
    }

    private static List<P> summarise(List<Piece> pieces) {
        List<P> out = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece instanceof Record record) {
                assertThat(record.lastLine()).isGreaterThanOrEqualTo(record.firstLine());
                assertThat(record.bytes().length).isGreaterThanOrEqualTo(record.length());
                out.add(P.record(record.firstLine(), record.lastLine(), record.text()));
            } else {
                Garbage garbage = (Garbage) piece;
                assertThat(garbage.reason()).isNotBlank();
                out.add(P.garbage(garbage.firstLine(), garbage.lastLine(), garbage.text()));
            }
        }
        return out;
    }

    private static List<Garbage> garbage(String content) throws IOException {
        List<Garbage> out = new ArrayList<>();
        for (Piece piece : pieces(content.getBytes(StandardCharsets.UTF_8), false)) {
            if (piece instanceof Garbage g) {
                out.add(g);
            }
        }
        return out;
    }

    @Nested
    class WellFormed {

        @Test
        void newlineDelimitedWithFinalNewline() throws IOException {
            assertThat(split("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n")).containsExactly(
                    P.record(1, 1, "{\"a\":1}"),
                    P.record(2, 2, "{\"a\":2}"),
                    P.record(3, 3, "{\"a\":3}"));
        }

        @Test
        void newlineDelimitedWithoutFinalNewline() throws IOException {
            assertThat(split("{\"a\":1}\n{\"a\":2}")).containsExactly(
                    P.record(1, 1, "{\"a\":1}"),
                    P.record(2, 2, "{\"a\":2}"));
        }

        @Test
        void blankLinesAndIndentationBetweenObjectsAreWhiteSpace() throws IOException {
            assertThat(split("\n\n  {\"a\":1}\t\n\n\t{\"a\":2}  \n\n")).containsExactly(
                    P.record(3, 3, "{\"a\":1}"),
                    P.record(5, 5, "{\"a\":2}"));
        }

        @Test
        void windowsLineEndings() throws IOException {
            assertThat(split("{\"a\":1}\r\n{\"a\":2}\r\n")).containsExactly(
                    P.record(1, 1, "{\"a\":1}"),
                    P.record(2, 2, "{\"a\":2}"));
        }

        @Test
        void prettyPrintedObjectsAsInTheRedshiftExample() throws IOException {
            // The shape of the documentation's category_object_auto.json, "}{" included.
            String first = """
                    {
                        "catdesc": "Major League Baseball",
                        "catid": 1
                    }""";
            String second = """
                    {
                        "catid": 2,
                        "catdesc": "National Hockey League"
                    }""";
            String third = """
                    {
                        "catid": 3,
                        "nested": {
                            "list": [1, {"y": 2}],
                            "empty": {}
                        }
                    }""";
            String file = first + "\n" + second + third + "\n";

            assertThat(split(file)).containsExactly(
                    P.record(1, 4, first),
                    P.record(5, 8, second),
                    P.record(8, 14, third));
        }

        @Test
        void twoObjectsOnOneLine() throws IOException {
            assertThat(split("{\"a\":1}{\"a\":2}\n{\"a\":3} {\"a\":4}")).containsExactly(
                    P.record(1, 1, "{\"a\":1}"),
                    P.record(1, 1, "{\"a\":2}"),
                    P.record(2, 2, "{\"a\":3}"),
                    P.record(2, 2, "{\"a\":4}"));
        }

        @Test
        void bracesQuotesAndBackslashesInsideStrings() throws IOException {
            String tricky = "{\"a\":\"}{\\\"\",\"b\":\"[x\",\"c\":\"c:\\\\\",\"d\":\"{\"}";
            assertThat(split(tricky + "\n{\"e\":1}")).containsExactly(
                    P.record(1, 1, tricky),
                    P.record(2, 2, "{\"e\":1}"));
        }

        @Test
        void aRootArrayIsOneRecordNotUnwrapped() throws IOException {
            assertThat(split("[{\"a\":1},{\"a\":2}]\n[1, \"x\"]\n")).containsExactly(
                    P.record(1, 1, "[{\"a\":1},{\"a\":2}]"),
                    P.record(2, 2, "[1, \"x\"]"));
        }

        @Test
        void aPrettyPrintedRootArrayWithObjectsInColumnZeroIsOneRecord() throws IOException {
            // Valid JSON: one root-level array, so one record. The column-0 recovery rule is for objects only.
            String array = "[\n{\"a\":1},\n{\"a\":2}\n]";

            assertThat(split(array + "\n{\"a\":3}\n")).containsExactly(
                    P.record(1, 4, array),
                    P.record(5, 5, "{\"a\":3}"));
        }

        @Test
        void multibyteTextIsKept() throws IOException {
            assertThat(split("{\"artist\":\"Beyoncé\",\"title\":\"日本語 😀\"}\n")).containsExactly(
                    P.record(1, 1, "{\"artist\":\"Beyoncé\",\"title\":\"日本語 😀\"}"));
        }

        @Test
        void utf8ByteOrderMarkIsSkipped() throws IOException {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            file.write("{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8));

            assertThat(split(file.toByteArray())).containsExactly(
                    P.record(1, 1, "{\"a\":1}"),
                    P.record(2, 2, "{\"a\":2}"));
        }

        @Test
        void emptyAndBlankFilesHoldNothing() throws IOException {
            assertThat(split("")).isEmpty();
            assertThat(split(" \n\t\r\n")).isEmpty();
            assertThat(split(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isEmpty();
        }
    }

    @Nested
    class Malformed {

        @Test
        void commasBetweenObjectsAreOneErrorEach() throws IOException {
            // "the objects or arrays can't be separated by commas or any other characters except white space"
            assertThat(split("{\"a\":1},{\"a\":2},\n{\"a\":3}\n")).containsExactly(
                    P.record(1, 1, "{\"a\":1}"),
                    P.garbage(1, 1, ","),
                    P.record(1, 1, "{\"a\":2}"),
                    P.garbage(1, 1, ","),
                    P.record(2, 2, "{\"a\":3}"));
        }

        @Test
        void commaOnItsOwnLineAndSpacedComma() throws IOException {
            assertThat(split("{\"a\":1}\n,\n{\"a\":2} , {\"a\":3}")).containsExactly(
                    P.record(1, 1, "{\"a\":1}"),
                    P.garbage(2, 2, ","),
                    P.record(3, 3, "{\"a\":2}"),
                    P.garbage(3, 3, ","),
                    P.record(3, 3, "{\"a\":3}"));
        }

        @Test
        void strayTextBeforeBetweenAndAfterObjects() throws IOException {
            assertThat(split("header line\n{\"a\":1}\nxyz {\"a\":2}\n{\"a\":3} trailing")).containsExactly(
                    P.garbage(1, 1, "header line"),
                    P.record(2, 2, "{\"a\":1}"),
                    P.garbage(3, 3, "xyz"),
                    P.record(3, 3, "{\"a\":2}"),
                    P.record(4, 4, "{\"a\":3}"),
                    P.garbage(4, 4, "trailing"));
        }

        @Test
        void aClosingBraceTooManyIsOneError() throws IOException {
            List<P> pieces = split("{\"a\":1}}\n{\"a\":2}\n");

            assertThat(pieces).containsExactly(
                    P.record(1, 1, "{\"a\":1}"),
                    P.garbage(1, 1, "}"),
                    P.record(2, 2, "{\"a\":2}"));
        }

        @Test
        void eachStrayPieceIsCounted() throws IOException {
            assertThat(garbage("{\"a\":1},{\"a\":2},{\"a\":3},{\"a\":4}")).hasSize(3);
            assertThat(garbage("{\"a\":1}\n{\"a\":2}")).isEmpty();
        }

        @Test
        void missingQuoteCostsItsLineAndTheNextLineStillLoads() throws IOException {
            List<P> pieces = split("{\"a\":1}\n{\"a\":\"unterminated}\n{\"a\":3}\n");

            assertThat(pieces).hasSize(3);
            assertThat(pieces.get(0)).isEqualTo(P.record(1, 1, "{\"a\":1}"));
            assertThat(pieces.get(1).kind()).isEqualTo("garbage");
            assertThat(pieces.get(1).firstLine()).isEqualTo(2);
            assertThat(pieces.get(1).lastLine()).isEqualTo(2);
            assertThat(pieces.get(1).text()).startsWith("{\"a\":\"unterminated}");
            assertThat(pieces.get(2)).isEqualTo(P.record(3, 3, "{\"a\":3}"));
        }

        @Test
        void missingQuoteInTheMiddleOfALine() throws IOException {
            // "x, is an unterminated string: "b" becomes text, and the quote after it opens a string that
            // runs into the line break.
            List<P> pieces = split("{\"a\":\"x, \"b\":2}\n{\"a\":3}");

            assertThat(pieces).extracting(P::kind).containsExactly("garbage", "record");
            assertThat(pieces.get(0).lastLine()).isEqualTo(1);
            assertThat(pieces.get(1)).isEqualTo(P.record(2, 2, "{\"a\":3}"));
        }

        @Test
        void missingQuoteInAPrettyPrintedObjectSkipsToTheNextObject() throws IOException {
            String file = """
                    {
                      "a": "broken,
                      "b": 2
                    }
                    {
                      "a": 3
                    }
                    """;

            List<P> pieces = split(file);

            assertThat(pieces).extracting(P::kind).containsExactly("garbage", "record");
            assertThat(pieces.get(0).firstLine()).isEqualTo(1);
            assertThat(pieces.get(0).lastLine()).isEqualTo(2);
            assertThat(pieces.get(1)).isEqualTo(P.record(5, 7, "{\n  \"a\": 3\n}"));
        }

        @Test
        void missingClosingBraceThenAnObjectAtColumnZero() throws IOException {
            List<P> pieces = split("{\"a\":1\n{\"a\":2}\n");

            assertThat(pieces).hasSize(2);
            assertThat(pieces.get(0)).isEqualTo(P.garbage(1, 1, "{\"a\":1\n"));
            assertThat(pieces.get(1)).isEqualTo(P.record(2, 2, "{\"a\":2}"));
        }

        @Test
        void missingClosingBraceInAPrettyPrintedFile() throws IOException {
            String file = """
                    {
                      "a": 1,
                      "b": {
                        "c": 2
                      }
                    {
                      "a": 3
                    }
                    """;

            List<P> pieces = split(file);

            assertThat(pieces).extracting(P::kind).containsExactly("garbage", "record");
            assertThat(pieces.get(0).firstLine()).isEqualTo(1);
            assertThat(pieces.get(0).lastLine()).isEqualTo(5);
            assertThat(pieces.get(1)).isEqualTo(P.record(6, 8, "{\n  \"a\": 3\n}"));
        }

        @Test
        void unexpectedEndOfFileInsideAnObject() throws IOException {
            List<Piece> pieces = pieces("{\"a\":1}\n{\"a\":2,\n\"b\":3".getBytes(StandardCharsets.UTF_8), false);

            assertThat(pieces).hasSize(2);
            assertThat(pieces.get(0)).isInstanceOf(Record.class);
            Garbage eof = (Garbage) pieces.get(1);
            assertThat(eof.firstLine()).isEqualTo(2);
            assertThat(eof.lastLine()).isEqualTo(3);
            assertThat(eof.text()).isEqualTo("{\"a\":2,\n\"b\":3");
            assertThat(eof.reason()).containsIgnoringCase("end of file");
        }

        @Test
        void unexpectedEndOfFileInsideAnArrayOrAString() throws IOException {
            assertThat(split("[1, 2")).containsExactly(P.garbage(1, 1, "[1, 2"));
            assertThat(split("{\"a\":\"no end")).containsExactly(P.garbage(1, 1, "{\"a\":\"no end"));
        }
    }

    @Nested
    class SizeLimit {

        /** A one-line object of exactly {@code size} bytes. */
        private static byte[] objectOf(int size) {
            byte[] object = new byte[size];
            byte[] head = "{\"a\":\"".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(head, 0, object, 0, head.length);
            for (int i = head.length; i < size - 2; i++) {
                object[i] = 'x';
            }
            object[size - 2] = '"';
            object[size - 1] = '}';
            return object;
        }

        @Test
        void anObjectJustUnderFourMegabytesLoads() throws IOException {
            byte[] object = objectOf(3_990_000);

            List<Piece> pieces = pieces(object, false);

            assertThat(pieces).hasSize(1);
            Record record = (Record) pieces.get(0);
            assertThat(record.length()).isEqualTo(3_990_000);
        }

        @Test
        void anObjectOverFourMegabytesFailsTheCopy() {
            // "If the maximum size of a single JSON object or array is exceeded ... the COPY command fails."
            byte[] object = objectOf(4 * 1024 * 1024 + 100);
            byte[] file = new byte[object.length + 9];
            System.arraycopy("{\"a\":1}\n".getBytes(StandardCharsets.US_ASCII), 0, file, 0, 8);
            System.arraycopy(object, 0, file, 8, object.length);
            file[file.length - 1] = '\n';

            assertThatThrownBy(() -> pieces(file, false))
                    .isInstanceOf(CopyException.class)
                    .hasMessageContaining("4 MB")
                    .hasMessageContaining(SOURCE)
                    .hasMessageContaining("line 2");
        }
    }

    /** Hands out one byte per read, to exercise every buffer boundary. */
    private static final class TrickleInputStream extends InputStream {
        private final InputStream in;

        TrickleInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }
}
