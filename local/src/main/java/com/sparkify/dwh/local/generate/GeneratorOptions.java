package com.sparkify.dwh.local.generate;

/**
 * What to generate: how many users, songs and log events, and the seed that fixes every byte.
 *
 * @param users  listeners in the logs (at least 1)
 * @param songs  song files in song_data (at least 1; a few files hold a second, duplicate object)
 * @param events log events over the 30 days of November 2018 (0 or more)
 * @param seed   the same options always produce byte-identical files; another seed, other data
 */
public record GeneratorOptions(int users, int songs, long events, long seed) {

    public static final int DEFAULT_USERS = 100;
    public static final int DEFAULT_SONGS = 300;
    public static final long DEFAULT_EVENTS = 4000;
    public static final long DEFAULT_SEED = 42;

    public GeneratorOptions {
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1, got " + users);
        }
        if (songs < 1) {
            throw new IllegalArgumentException("songs must be at least 1, got " + songs);
        }
        if (events < 0) {
            throw new IllegalArgumentException("events must not be negative, got " + events);
        }
    }

    /** 100 users, 300 songs, 8,000 events, seed 42: about the size of the public dataset's logs. */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(DEFAULT_USERS, DEFAULT_SONGS, DEFAULT_EVENTS, DEFAULT_SEED);
    }

    public GeneratorOptions withUsers(int newUsers) {
        return new GeneratorOptions(newUsers, songs, events, seed);
    }

    public GeneratorOptions withSongs(int newSongs) {
        return new GeneratorOptions(users, newSongs, events, seed);
    }

    public GeneratorOptions withEvents(long newEvents) {
        return new GeneratorOptions(users, songs, newEvents, seed);
    }

    public GeneratorOptions withSeed(long newSeed) {
        return new GeneratorOptions(users, songs, events, newSeed);
    }
}
