package com.sparkify.dwh.local.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one event with the 18 keys in the real files' order; numbers keep the real formats. */
final class LogEventJson {

    private LogEventJson() {
    }

    static void write(JsonGenerator g, LogEvent e) throws IOException {
        g.writeStartObject();
        text(g, "artist", e.artist());
        text(g, "auth", e.auth());
        text(g, "firstName", e.firstName());
        text(g, "gender", e.gender());
        g.writeNumberField("itemInSession", e.itemInSession());
        text(g, "lastName", e.lastName());
        g.writeFieldName("length");
        if (e.length() == null) {
            g.writeNull();
        } else {
            g.writeNumber(e.length());   // the song file's own text: parses to the same double
        }
        text(g, "level", e.level());
        text(g, "location", e.location());
        text(g, "method", e.method());
        text(g, "page", e.page());
        g.writeFieldName("registration");
        if (e.registration() == null) {
            g.writeNull();
        } else {
            g.writeNumber(Decimals.epochMillisAsFloat(e.registration()));
        }
        g.writeNumberField("sessionId", e.sessionId());
        text(g, "song", e.song());
        g.writeNumberField("status", e.status());
        g.writeNumberField("ts", e.ts());
        text(g, "userAgent", e.userAgent());
        text(g, "userId", e.userId());   // always a JSON string, "" when logged out
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }
}
