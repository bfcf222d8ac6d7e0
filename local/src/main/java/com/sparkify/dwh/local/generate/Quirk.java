package com.sparkify.dwh.local.generate;

/**
 * The irregularities of the real Sparkify files (see DATA.md) that the generator plants on purpose.
 * Each constant says what one counted instance is, so a test can recount it from the files.
 */
public enum Quirk {

    // --- song_data ---

    /** A song object pretty-printed over many lines with its keys in alphabetical order. */
    PRETTY_SONG_OBJECT,
    /** A song file holding two objects, the second repeating a song_id that has its own file. */
    TWO_OBJECT_SONG_FILE,
    /** A song object whose {@code artist_name} is a JSON number, e.g. {@code 112}. */
    NUMERIC_ARTIST_NAME,
    /** A song object whose {@code artist_location} is a JSON number, e.g. {@code 27}. */
    NUMERIC_ARTIST_LOCATION,
    /** A song object with null {@code artist_latitude} and {@code artist_longitude}. */
    NULL_COORDINATES,
    /** A song object whose {@code artist_location} is the empty string. */
    EMPTY_ARTIST_LOCATION,
    /** A song object with {@code year} 0 (unknown). */
    UNKNOWN_YEAR,
    /** An artist_id written with more than one (artist_name, artist_location) spelling. */
    ARTIST_SPELLING_VARIANTS,
    /** A song object whose title or artist_name holds a double quote, an ampersand or non-ASCII text. */
    SPECIAL_CHARACTERS,

    // --- log_data ---

    /** A non-empty log file whose last line has no trailing newline. */
    LOG_FILE_WITHOUT_FINAL_NEWLINE,
    /** A non-empty log file whose events are pretty-printed over many lines. */
    PRETTY_LOG_FILE,
    /** An event with auth "Logged Out": userId "", null names, gender, registration. */
    LOGGED_OUT_EVENT,
    /** An event whose ts equals the ts of the previous event of its session. */
    SHARED_TS,
    /** A logged-in event whose level differs from its user's previous event (ordered by ts). */
    LEVEL_CHANGE,
    /** A NextSong event whose song and artist are UTF-8 mis-encoded twice through Latin-1. */
    MISENCODED_NAMES,
    /** A NextSong event of a song that is not in song_data. */
    UNLISTED_SONG_PLAY,
    /** An event whose userAgent is wrapped in double quotes (written as {@code "\"Mozilla\/5.0 ...\""}). */
    QUOTED_USER_AGENT
}
