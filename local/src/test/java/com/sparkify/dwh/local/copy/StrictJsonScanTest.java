package com.sparkify.dwh.local.copy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The byte-level scan against Jackson, which decides whenever the scan is unsure. The property, checked
 * for every input here by {@link #agreeing}: a file the scan passes, Jackson passes too, with the same
 * records and the same kinds of value per root key; and the scan of a stream, whatever its buffer size,
 * is the scan of the bytes. On top of it: real files pass (else the scan saves nothing), each leniency
 * and each thing the scan leaves to Jackson is left to it, and the kinds of plain JSON are written out
 * by hand.
 */
class StrictJsonScanTest {

    /** The Java path's factory: default features, as CopyEmulator's mapper has. */
    private static final JsonFactory JACKSON = JsonMapper.builder().build().getFactory();

    /** Buffer sizes that put the buffer's end inside every token of a small input. */
    private static final int[] BUFFER_SIZES = {2, 3, 5, 8, 9, 13, 17, 64, 4096};

    @TempDir
    Path folder;

    private static StrictJsonScan.Result agreeing(byte[] content) {
        StrictJsonScan.Result scanned = StrictJsonScan.of(content);
        for (int size : BUFFER_SIZES) {
            assertThat(StrictJsonScan.of(new ByteArrayInputStream(content), size))
                    .as("a stream with a buffer of %d bytes: %s", size, show(content)).isEqualTo(scanned);
        }
        if (scanned != null) {
            StrictJsonScan.Result tokenized;
            try {
                tokenized = StrictJsonCheck.tokenized(JACKSON, content);
            } catch (IOException e) {
                tokenized = null;
            }
            assertThat(tokenized).as("Jackson fails what the scan passed: %s", show(content)).isNotNull();
            assertThat(scanned.records()).as("records of %s", show(content)).isEqualTo(tokenized.records());
            assertThat(scanned.kinds()).as("kinds of %s", show(content)).isEqualTo(tokenized.kinds());
        }
        return scanned;
    }

    private static String show(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ================================================================ real files

    @Test
    void everyFileOfTheCommittedSamplePassesTheScanAgreeingWithJackson() throws IOException {
        List<Path> files = jsonFiles(Path.of("..", "data", "sample"));
        assertThat(files).hasSizeGreaterThan(300);
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            StrictJsonScan.Result scanned = agreeing(content);
            assertThat(scanned).as("the scan of %s", file).isNotNull();
            assertThat(scanned.newlineDelimited()).as("newline-delimited: %s", file)
                    .isEqualTo(oneObjectPerLine(content, scanned.records()));
        }
    }

    @Test
    void theFixturesOfTheCopyTestsAgreeWithJackson() throws IOException, URISyntaxException {
        int passed = 0;
        List<Path> files = new ArrayList<>(jsonFiles(resource("/copy/fastpath")));
        files.addAll(jsonFiles(resource("/fixtures/quirks")));
        for (Path file : files) {
            if (agreeing(Files.readAllBytes(file)) != null) {
                passed++;
            }
        }
        // Most are realistic; some hold a quirk that only Jackson (or the Java path) may judge.
        assertThat(passed).isGreaterThan(files.size() / 2);
    }

    /**
     * Each line an object, ending in a line feed (the last may not), nothing else: worked out by lines,
     * apart from the scan.
     */
    private static boolean oneObjectPerLine(byte[] content, long records) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.isEmpty() || text.contains("\r")) {
            return false;
        }
        String[] lines = (text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1);
        for (String line : lines) {
            if (!line.startsWith("{") || !line.endsWith("}")) {
                return false;
            }
        }
        return lines.length == records;
    }

    private static List<Path> jsonFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(StrictJsonScanTest.class.getResource(name).toURI());
    }

    // ================================================================ what the scan passes

    static Stream<Arguments> plainJson() {
        int s = StrictJsonCheck.STRING;
        int i = StrictJsonCheck.SHORT_INTEGER;
        int d = StrictJsonCheck.DECIMAL;
        int n = StrictJsonCheck.NULL;
        int o = StrictJsonCheck.OTHER;
        int b = StrictJsonCheck.BLANK_STRING;
        return Stream.of(
                Arguments.of("every kind of value", "{\"a\":1,\"b\":\"x\",\"c\":1.5,\"d\":null,\"e\":true,\"f\":false,"
                        + "\"g\":[1,{\"h\":2}],\"i\":{\"j\":[]},\"k\":-0.0,\"l\":1e5,\"m\":-2E-3,\"p\":0}",
                        1L, Map.ofEntries(Map.entry("a", i), Map.entry("b", s), Map.entry("c", d), Map.entry("d", n),
                                Map.entry("e", o), Map.entry("f", o), Map.entry("g", o), Map.entry("i", o),
                                Map.entry("k", d), Map.entry("l", d), Map.entry("m", d), Map.entry("p", i)), true),
                Arguments.of("18 characters fit a BIGINT, 19 may not", "{\"a\":123456789012345678,"
                        + "\"b\":1234567890123456789,\"c\":-12345678901234567,\"d\":-123456789012345678}",
                        1L, Map.of("a", i, "b", o, "c", i, "d", o), true),
                Arguments.of("kinds add up over records", "{\"a\":1}\n{\"a\":\"1\"}\n{\"a\":null,\"b\":2.5}\n",
                        3L, Map.of("a", i | s | n, "b", d), true),
                Arguments.of("escapes and UTF-8 of two, three and four bytes",
                        "{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u20AC\",\"b\":\"\u00e9\u20ac\ud83d\ude00\u00c3\u0083\"}",
                        1L, Map.of("a", s, "b", s), true),
                Arguments.of("an empty object", "{}", 1L, Map.of(), true),
                Arguments.of("an empty file", "", 0L, Map.of(), false),
                Arguments.of("white space only", " \n\t\r\n", 0L, Map.of(), false),
                Arguments.of("spaces around every token stay on one line", "{ \"a\" : [ 1 , 2 ] , \"b\" : { } }\n"
                        + "{\"a\":3}", 2L, Map.of("a", o | i, "b", o), true),
                Arguments.of("pretty-printed, nested braces indented", "{\n  \"a\": {\n    \"b\": 1\n  },\n  \"c\": 2\n}\n",
                        1L, Map.of("a", o, "c", i), false),
                Arguments.of("CRLF line ends", "{\"a\":1}\r\n{\"a\":2}\r\n", 2L, Map.of("a", i), false),
                Arguments.of("objects back to back and on one line", "{\"a\":1}{\"a\":2} {\"a\":3}", 3L,
                        Map.of("a", i), false),
                Arguments.of("a blank line between objects", "{\"a\":1}\n\n{\"a\":2}", 2L, Map.of("a", i), false),
                Arguments.of("white space before the first object", " {\"a\":1}", 1L, Map.of("a", i), false),
                Arguments.of("a key seen in new places", "{\"a\":1,\"b\":2}\n{\"b\":3,\"a\":4,\"c\":5}\n{\"c\":null}",
                        3L, Map.of("a", i, "b", i, "c", i | n), true),
                Arguments.of("a duplicate key: both values counted", "{\"a\":1,\"a\":\"x\"}", 1L, Map.of("a", i | s),
                        true),
                Arguments.of("strings empty or starting with ASCII white space, raw or escaped, are blank",
                        "{\"a\":\"\",\"b\":\" x\",\"c\":\"\\tx\",\"d\":\"\\u000bx\",\"e\":\"\\u0020\",\"f\":\"\\fx\","
                        + "\"g\":\"\\r\",\"h\":\"\\n\"}", 1L, Map.ofEntries(Map.entry("a", s | b), Map.entry("b", s | b),
                                Map.entry("c", s | b), Map.entry("d", s | b), Map.entry("e", s | b), Map.entry("f", s | b),
                                Map.entry("g", s | b), Map.entry("h", s | b)), true),
                Arguments.of("other first characters are not blank, nor nested strings",
                        "{\"a\":\"x \",\"b\":\"\\bx\",\"c\":\"\u00a0x\",\"d\":\"\\u00a0\",\"e\":\"\\/\",\"f\":[\"\"],"
                        + "\"g\":{\"h\":\" \"}}\n{\"a\":\" \"}", 2L, Map.of("a", s | b, "b", s, "c", s, "d", s, "e", s,
                                "f", o, "g", o), true),
                Arguments.of("DEL and the last code points are text", "{\"a\":\"\u007f\udbff\udfff\"}", 1L,
                        Map.of("a", s), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainJson")
    void plainJsonPassesWithItsRecordsAndTheKindsOfEachKey(String name, String json, long records,
                                                            Map<String, Integer> kinds, boolean newlineDelimited) {
        StrictJsonScan.Result scanned = agreeing(utf8(json));

        assertThat(scanned).isEqualTo(new StrictJsonScan.Result(records, kinds, newlineDelimited));
    }

    @Test
    void manyKeysGrowTheKeyTableAndKeepTheirKinds() {
        StringBuilder json = new StringBuilder();
        Map<String, Integer> kinds = new HashMap<>();
        for (int record = 0; record < 3; record++) {
            json.append('{');
            for (int key = 0; key < 100; key++) {
                int k = (key * 7 + record * 13) % 100; // each record its own order
                json.append(key == 0 ? "" : ",").append("\"key").append(k).append("\":").append(record == 2 ? "null" : "1");
                kinds.merge("key" + k, record == 2 ? StrictJsonCheck.NULL : StrictJsonCheck.SHORT_INTEGER, (a, b) -> a | b);
            }
            json.append("}\n");
        }

        assertThat(agreeing(utf8(json.toString()))).isEqualTo(new StrictJsonScan.Result(3, kinds, true));
    }

    @Test
    void anObjectOfExactly4MbPassesAndOneByteMoreIsLeftToJackson() {
        String prefix = "{\"a\":\"";
        String suffix = "\"}";
        int fill = JsonRecordSplitter.MAX_RECORD_BYTES - prefix.length() - suffix.length();
        byte[] exact = utf8(prefix + "x".repeat(fill) + suffix);
        byte[] over = utf8(prefix + "x".repeat(fill + 1) + suffix);

        assertThat(exact).hasSize(JsonRecordSplitter.MAX_RECORD_BYTES);
        assertThat(StrictJsonScan.of(exact)).isEqualTo(new StrictJsonScan.Result(1, Map.of("a", StrictJsonCheck.STRING), true));
        assertThat(StrictJsonScan.of(over)).isNull();
    }

    // ================================================================ what the scan leaves to Jackson

    static Stream<Arguments> leftToJackson() {
        return Stream.of(
                // Leniencies of DuckDB's reader (and not of Redshift's), and malformed JSON.
                Arguments.of("a trailing comma in an object", utf8("{\"a\":1,}")),
                Arguments.of("a trailing comma in an array", utf8("{\"a\":[1,]}")),
                Arguments.of("NaN", utf8("{\"a\":NaN}")),
                Arguments.of("Infinity", utf8("{\"a\":-Infinity}")),
                Arguments.of("a leading zero", utf8("{\"a\":01}")),
                Arguments.of("a plus sign", utf8("{\"a\":+1}")),
                Arguments.of("a bare fraction", utf8("{\"a\":.5}")),
                Arguments.of("a point without digits", utf8("{\"a\":1.}")),
                Arguments.of("an exponent without digits", utf8("{\"a\":1e+}")),
                Arguments.of("minus zero, which DuckDB reads as 0", utf8("{\"a\":-0}")),
                Arguments.of("a letter after a number", utf8("{\"a\":12x}")),
                Arguments.of("a bare null as a record", utf8("{\"a\":1}\nnull")),
                Arguments.of("a root array", utf8("[{\"a\":1}]")),
                Arguments.of("a root string", utf8("\"a\"")),
                Arguments.of("a root number", utf8("1")),
                Arguments.of("a form feed between objects", utf8("{\"a\":1}\f{\"a\":2}")),
                Arguments.of("a vertical tab inside an object", utf8("{\"a\":\u000b1}")),
                Arguments.of("a missing closing brace", utf8("{\"a\":1")),
                Arguments.of("a brace too many", utf8("{\"a\":1}}")),
                Arguments.of("stray text", utf8("{\"a\":1} x")),
                Arguments.of("a missing colon", utf8("{\"a\" 1}")),
                Arguments.of("a missing comma", utf8("{\"a\":1 \"b\":2}")),
                Arguments.of("a comma for a member", utf8("{,}")),
                Arguments.of("an unquoted key", utf8("{a:1}")),
                Arguments.of("single quotes", utf8("{'a':1}")),
                Arguments.of("a comment", utf8("{\"a\":1 /* why */}")),
                Arguments.of("a cut literal", utf8("{\"a\":tru}")),
                Arguments.of("a longer literal", utf8("{\"a\":nulls}")),
                Arguments.of("a literal with a letter after", utf8("{\"a\":falsex}")),
                Arguments.of("an unclosed string", utf8("{\"a\":\"x}")),
                Arguments.of("a raw line feed in a string", utf8("{\"a\":\"x\ny\"}")),
                Arguments.of("a raw tab in a string", utf8("{\"a\":\"x\ty\"}")),
                Arguments.of("a NUL byte in a string", utf8("{\"a\":\"x\u0000\"}")),
                Arguments.of("an unknown escape", utf8("{\"a\":\"\\x\"}")),
                Arguments.of("a short unicode escape", utf8("{\"a\":\"\\u12\"}")),
                Arguments.of("a unicode escape that is not hex", utf8("{\"a\":\"\\u12g4\"}")),
                Arguments.of("the Java path's splitter sees a new record at a brace in column 1",
                        utf8("{\"a\":\n{\"b\":1}}")),
                Arguments.of("also after CR", utf8("{\"a\":\r{\"b\":1}}")),
                Arguments.of("also in an array", utf8("{\"a\":[\n{\"b\":1}]}")),
                // Valid JSON whose reading the scan leaves to Jackson.
                Arguments.of("a byte-order mark", bytes(0xEF, 0xBB, 0xBF, '{', '}')),
                Arguments.of("an escaped surrogate pair", utf8("{\"a\":\"\\ud83d\\ude00\"}")),
                Arguments.of("an escape in a root key", utf8("{\"a\\u0062\":1}")),
                Arguments.of("a non-ASCII root key", utf8("{\"\u00e9\":1}")),
                Arguments.of("a root key over 256 bytes", utf8("{\"" + "k".repeat(257) + "\":1}")),
                Arguments.of("a nested key over 256 bytes", utf8("{\"a\":{\"" + "k".repeat(257) + "\":1}}")),
                Arguments.of("a nested key over Jackson's 50,000 characters", utf8("{\"a\":{\"" + "k".repeat(60_000) + "\":1}}")),
                Arguments.of("nesting deeper than 64", utf8("{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}")),
                Arguments.of("a number over 64 characters", utf8("{\"a\":1" + "0".repeat(64) + "}")),
                // UTF-8 that RFC 3629 does not allow, some of which Jackson reads.
                Arguments.of("an overlong two-byte form", bytes('{', '"', 'a', '"', ':', '"', 0xC0, 0xAF, '"', '}')),
                Arguments.of("an encoded surrogate", bytes('{', '"', 'a', '"', ':', '"', 0xED, 0xA0, 0x80, '"', '}')),
                Arguments.of("beyond U+10FFFF", bytes('{', '"', 'a', '"', ':', '"', 0xF4, 0x90, 0x80, 0x80, '"', '}')),
                Arguments.of("a lone continuation byte", bytes('{', '"', 'a', '"', ':', '"', 0x80, '"', '}')),
                Arguments.of("a cut sequence", bytes('{', '"', 'a', '"', ':', '"', 0xE2, 0x82, '"', '}')),
                Arguments.of("Latin-1, not UTF-8", bytes('{', '"', 'a', '"', ':', '"', 0xE9, '"', '}')),
                Arguments.of("UTF-16", utf16("{\"a\":1}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leftToJackson")
    void leftToJackson(String name, byte[] content) {
        assertThat(agreeing(content)).isNull();
    }

    @Test
    void theSurveyGoesToJacksonForWhatTheScanLeavesAndStillPasses() throws IOException {
        // A byte-order mark and a surrogate pair: valid, left to Jackson, which passes them.
        Path marked = folder.resolve("marked.json");
        Files.write(marked, concat(bytes(0xEF, 0xBB, 0xBF), utf8("{\"a\":1}\n{\"a\":2}\n")));
        Path emoji = folder.resolve("emoji.json");
        Files.writeString(emoji, "{\"b\":\"\\ud83d\\ude00\"}\n");
        Path plain = folder.resolve("plain.json");
        Files.writeString(plain, "{\"a\":null}\n");

        try (SmallFileBundle bundle = new SmallFileBundle(null)) {
            StrictJsonCheck.Survey survey = StrictJsonCheck.survey(JACKSON, List.of(marked, emoji, plain), bundle);

            assertThat(survey).isNotNull();
            assertThat(survey.records()).containsExactly(2, 1, 1);
            assertThat(survey.kinds()).isEqualTo(Map.of("a", StrictJsonCheck.SHORT_INTEGER | StrictJsonCheck.NULL,
                    "b", StrictJsonCheck.STRING));
            // Only the file the scan read is known to be newline-delimited.
            assertThat(survey.newlineDelimited()).containsExactly(false, false, true);
        }
    }

    @Test
    void aFileThatJacksonFailsTooFailsTheSurvey() throws IOException {
        Path good = folder.resolve("good.json");
        Files.writeString(good, "{\"a\":1}\n");
        Path trailing = folder.resolve("trailing.json");
        Files.writeString(trailing, "{\"a\":1,}\n");

        try (SmallFileBundle bundle = new SmallFileBundle(null)) {
            assertThat(StrictJsonCheck.survey(JACKSON, List.of(good, trailing), bundle)).isNull();
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    // ================================================================ random edits of real records

    /** Bytes that matter to JSON, to its white space, to numbers, literals and UTF-8, and some that never do. */
    private static final byte[] EDITS = bytes('"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', '\r', '\t', '\f',
            '0', '1', '-', '+', '.', 'e', 'E', 'u', 'n', 't', 'f', 'l', 'a', 'x', '/', 0x00, 0x1F, 0x7F, 0x80, 0xBF,
            0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xFF);

    @Test
    void randomEditsOfRealRecordsNeverMakeTheScanPassWhatJacksonFailsOrCountsOtherwise() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : jsonFiles(Path.of("..", "data", "sample"))) {
            for (String line : Files.readString(file).split("\n")) {
                if (line.startsWith("{") && lines.size() < 400) {
                    lines.add(line);
                }
            }
        }
        Random random = new Random(20261125);
        int passed = 0;
        int cases = 20_000;
        for (int c = 0; c < cases; c++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                text.append(lines.get(random.nextInt(lines.size()))).append(random.nextInt(4) == 0 ? "" : "\n");
            }
            byte[] content = utf8(text.toString());
            for (int edits = random.nextInt(4); edits > 0 && content.length > 0; edits--) {
                content = edit(content, random);
            }
            if (agreeing(content) != null) {
                passed++;
            }
        }
        // Both outcomes are exercised: many edits break the JSON, many land in a string and keep it.
        assertThat(passed).isBetween(cases / 10, cases * 9 / 10);
    }

    private static byte[] edit(byte[] content, Random random) {
        int at = random.nextInt(content.length);
        byte b = EDITS[random.nextInt(EDITS.length)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(3)) {
            case 0 -> { // insert
                out.write(content, 0, at);
                out.write(b);
                out.write(content, at, content.length - at);
            }
            case 1 -> { // replace
                out.write(content, 0, at);
                out.write(b);
                out.write(content, at + 1, content.length - at - 1);
            }
            default -> { // delete
                out.write(content, 0, at);
                out.write(content, at + 1, content.length - at - 1);
            }
        }
        return out.toByteArray();
    }
}
