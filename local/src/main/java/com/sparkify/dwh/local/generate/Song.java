package com.sparkify.dwh.local.generate;

/**
 * One song object as written to song_data.
 *
 * @param artistIndex     which artist of the roster (not written)
 * @param spellingVariant the artist's name/location are spelled differently from the artist's
 *                        first song (not written)
 * @param duration        decimal text, written verbatim here and in the events that play it
 */
record Song(String trackId, String songId, String artistId, int artistIndex,
            String artistName, boolean artistNameNumeric, String artistLocation,
            boolean artistLocationNumeric, String latitude, String longitude, String title,
            String duration, int year, boolean spellingVariant) {

    /** What a log event that plays this song says: song, artist, length. */
    Track track() {
        return new Track(title, artistName, duration);
    }

    /** A double quote, an ampersand or non-ASCII text in the title or the artist name. */
    boolean hasSpecialCharacters() {
        return isSpecial(title) || isSpecial(artistName);
    }

    private static boolean isSpecial(String text) {
        return text.indexOf('"') >= 0 || text.indexOf('&') >= 0 || !Mojibake.isAscii(text);
    }
}
