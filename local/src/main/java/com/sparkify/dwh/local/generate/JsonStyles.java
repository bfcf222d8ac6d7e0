package com.sparkify.dwh.local.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonGenerator.Feature;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * The JSON text styles of the real files, as Jackson generators over UTF-8 streams.
 *
 * <ul>
 *   <li>song files: one line, Python's {@code json.dumps} separators ({@code ", "} and {@code ": "});
 *       the pretty ones as {@code json.dumps(indent=4, sort_keys=True)} writes them, non-ASCII
 *       escaped as {@code \\u00E9};</li>
 *   <li>log files: compact ({@code {"artist":"Des'ree",...}}) or pretty, with {@code /} written as
 *       {@code \/} and C1 control characters (left by mis-encoding) as {@code \\u0083}.</li>
 * </ul>
 * Every generator writes {@code \n} line ends whatever the platform, and never a root separator:
 * callers write the newline between top-level objects themselves.
 */
final class JsonStyles {

    private static final JsonFactory PLAIN = JsonFactory.builder().build();
    private static final JsonFactory ASCII_ONLY = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private JsonStyles() {
    }

    static JsonGenerator songGenerator(OutputStream out, boolean pretty) throws IOException {
        JsonGenerator generator = (pretty ? ASCII_ONLY : PLAIN).createGenerator(out, JsonEncoding.UTF8);
        generator.setPrettyPrinter(pretty ? indented("    ") : new PythonOneLinePrinter());
        return generator;
    }

    static JsonGenerator logGenerator(OutputStream out, boolean pretty) throws IOException {
        JsonGenerator generator = PLAIN.createGenerator(out, JsonEncoding.UTF8);
        generator.setCharacterEscapes(LogEscapes.INSTANCE);
        if (pretty) {
            generator.setPrettyPrinter(indented("  "));
        } else {
            generator.setRootValueSeparator(null);
        }
        generator.disable(Feature.AUTO_CLOSE_TARGET);
        return generator;
    }

    private static DefaultPrettyPrinter indented(String indent) {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withRootSeparator("");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(new DefaultIndenter(indent, "\n"));
    }

    /** {@code {"num_songs": 1, "artist_id": "AR...", ...}} on one line. */
    private static final class PythonOneLinePrinter extends MinimalPrettyPrinter {

        private static final long serialVersionUID = 1L;

        PythonOneLinePrinter() {
            super("");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }
    }

    /** Slashes as {@code \/} (as in the real userAgent values) and C1 controls (U+0080 to U+009F) as escapes. */
    private static final class LogEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        static final LogEscapes INSTANCE = new LogEscapes();

        private final int[] asciiEscapes;
        private final SerializableString[] c1Escapes = new SerializableString[0x20];

        private LogEscapes() {
            asciiEscapes = CharacterEscapes.standardAsciiEscapesForJSON();
            asciiEscapes['/'] = '/';   // a positive code means: a backslash, then this character
            for (int ch = 0x80; ch < 0xA0; ch++) {
                c1Escapes[ch - 0x80] = new SerializedString(
                        "\\u00" + Integer.toHexString(ch).toUpperCase(Locale.ROOT));
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch >= 0x80 && ch < 0xA0 ? c1Escapes[ch - 0x80] : null;
        }
    }
}
