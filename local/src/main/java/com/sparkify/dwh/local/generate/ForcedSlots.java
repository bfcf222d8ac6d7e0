package com.sparkify.dwh.local.generate;

/**
 * Where a quirk is planted for certain, on top of its random rate, so every quirk appears at least
 * once whatever the seed. Slot k of a population of n items is item (base + k * n / 8) mod n, with a
 * seed-dependent base: distinct slots land on distinct items as long as n is at least 8.
 */
final class ForcedSlots {

    // Song slots.
    static final int SONG_SPECIAL_TITLE = 0;
    static final int SONG_UNKNOWN_YEAR = 1;
    static final int SONG_PRETTY = 2;
    static final int SONG_TWO_OBJECTS = 3;
    // Artist slots.
    static final int ARTIST_NUMERIC_NAME = 0;
    static final int ARTIST_NUMERIC_LOCATION = 1;
    static final int ARTIST_NULL_COORDINATES = 2;
    static final int ARTIST_EMPTY_LOCATION = 3;
    static final int ARTIST_SPECIAL_NAME = 4;
    // Log file (day) slots.
    static final int LOG_PRETTY = 0;
    static final int LOG_NO_FINAL_NEWLINE = 4;

    private static final int SLOTS = 8;

    private final long base;
    private final long step;
    private final long size;

    ForcedSlots(long seed, long salt, long size) {
        this.size = size;
        this.base = size == 0 ? 0 : Math.floorMod(Rng.hash(seed, salt), size);
        this.step = Math.max(1, size / SLOTS);
    }

    long index(int slot) {
        return size == 0 ? -1 : (base + slot * step) % size;
    }

    boolean is(int slot, long index) {
        return index(slot) == index;
    }
}
