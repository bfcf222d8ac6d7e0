package com.sparkify.dwh.local.generate;

/** One salt per independent random stream, so the parts of the dataset never share a stream. */
final class Salts {

    static final long ARTIST = 1;
    static final long SONG = 2;
    static final long SONG_FILE = 3;
    static final long UNLISTED_TRACK = 4;
    static final long USER = 5;
    static final long SESSION_PLAN = 6;
    static final long SESSION = 7;
    static final long LOG_FILE = 8;
    static final long FORCED_ARTIST = 9;
    static final long FORCED_SONG = 10;
    static final long FORCED_VARIANT = 11;
    static final long FORCED_LOG_FILE = 12;
    static final long IDS = 13;

    private Salts() {
    }
}
