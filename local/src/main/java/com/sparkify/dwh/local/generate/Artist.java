package com.sparkify.dwh.local.generate;

/**
 * An artist as its first song file spells it.
 *
 * @param nameNumeric     the name is digits and is written as a JSON number ({@code 112})
 * @param locationNumeric the location is digits and is written as a JSON number ({@code 27})
 * @param city            where the location came from, for its alternative spelling; null when
 *                        the location is numeric
 * @param latitude        decimal text, or null when unknown (longitude likewise)
 */
record Artist(String artistId, String name, boolean nameNumeric, String location,
              boolean locationNumeric, Vocabulary.City city, String latitude, String longitude) {
}
