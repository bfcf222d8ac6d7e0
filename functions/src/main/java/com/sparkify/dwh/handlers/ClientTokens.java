package com.sparkify.dwh.handlers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Data API client token of a step attempt: the same run, step and attempt (the time the state
 * machine entered the submitting state) give the same token, so a Lambda retried after a lost response
 * gets the statement it already submitted. A new attempt of the step (after a transient failure) enters
 * the state again, so it gets a new token and a new statement.
 */
final class ClientTokens {

    private ClientTokens() {
    }

    /** 64 hex characters, the Data API's limit; null when the caller gave no run id (a manual invoke). */
    static String of(String runId, String step, String attempt) {
        if (runId == null) {
            return null;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((runId + "\n" + step + "\n" + (attempt == null ? "" : attempt))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
