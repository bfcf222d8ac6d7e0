package com.sparkify.dwh.local.generate;

/** What a NextSong event names: {@code song}, {@code artist} and {@code length} (decimal text). */
record Track(String title, String artist, String length) {
}
