package com.sparkify.dwh.local.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** log_json_path.json: the jsonpaths file a COPY of the logs uses, one path per log key. */
public final class JsonPathsFile {

    public static final String KEY = "log_json_path.json";

    /** The 18 keys of a log event, in the order of the public dataset's jsonpaths file. */
    public static final List<String> LOG_KEYS = List.of(
            "artist", "auth", "firstName", "gender", "itemInSession", "lastName", "length", "level",
            "location", "method", "page", "registration", "sessionId", "song", "status", "ts",
            "userAgent", "userId");

    private JsonPathsFile() {
    }

    static void write(Path root) throws IOException {
        StringBuilder json = new StringBuilder("{\n    \"jsonpaths\": [\n");
        for (int i = 0; i < LOG_KEYS.size(); i++) {
            json.append("        \"$['").append(LOG_KEYS.get(i)).append("']\"")
                    .append(i + 1 < LOG_KEYS.size() ? ",\n" : "\n");
        }
        json.append("    ]\n}\n");
        Files.writeString(root.resolve(KEY), json, StandardCharsets.UTF_8);
    }
}
