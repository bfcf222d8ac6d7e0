package com.sparkify.dwh.local.report;

/**
 * Text made safe for the page: for HTML text and attribute values, and for JSON inside a
 * {@code <script>} element. Song titles and artist names are data from outside (quotes, ampersands,
 * angle brackets, mis-encoded text), so nothing reaches the page without going through here.
 */
public final class Html {

    private Html() {
    }

    /**
     * Text for an HTML element or a quoted attribute value: the five markup characters as entities, and
     * characters HTML forbids (C0 and C1 controls but tab, newline and carriage return; noncharacters;
     * unpaired surrogates) as U+FFFD.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                        out.append(isNonCharacter(codePoint) ? '\uFFFD' : text.substring(i, i + 2));
                        i++;
                    } else if (Character.isSurrogate(c) || forbidden(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * JSON text for the body of a {@code <script type="application/json">} element: {@code <}, {@code >}
     * and {@code &} as \\u escapes, so no {@code </script>} or {@code <!--} can end or change the element,
     * and the line and paragraph separators too. These characters only occur inside JSON strings, where
     * the escapes mean the same.
     */
    public static String scriptJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (Character.isSurrogate(c) && !pairedAt(json, i)) {
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static boolean forbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || isNonCharacter(c);
    }

    private static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
