package com.sparkify.dwh.local.generate;

import java.nio.charset.StandardCharsets;

/**
 * Text damaged the way some real log events are: UTF-8 bytes read back as Latin-1, twice, so
 * {@code ú} becomes {@code Ã}, U+0083, {@code Âº} (written {@code Ã\\u0083Âº} in a log file).
 * ASCII text is unchanged by this.
 */
final class Mojibake {

    private Mojibake() {
    }

    static String misencodeTwice(String text) {
        return misencode(misencode(text));
    }

    static String misencode(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
