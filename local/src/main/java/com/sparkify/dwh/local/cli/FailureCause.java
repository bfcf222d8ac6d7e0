package com.sparkify.dwh.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A failed execution's cause in one line: Lambda's error document reduced to its message. */
final class FailureCause {

    private FailureCause() {
    }

    static String summary(String cause) {
        if (cause == null) {
            return "(no cause given)";
        }
        String text = cause.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode document = new ObjectMapper().readTree(text);
                if (document.hasNonNull("errorMessage")) {
                    text = document.get("errorMessage").asText();
                }
            } catch (Exception notJson) {
                // Not Lambda's error document: keep the cause as it is.
            }
        }
        return text.replace('\n', ' ');
    }
}
