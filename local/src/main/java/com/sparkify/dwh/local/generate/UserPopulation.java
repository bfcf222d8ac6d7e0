package com.sparkify.dwh.local.generate;

/**
 * The listeners: fixed profile fields, plus each user's current level, which changes as the
 * simulation replays Submit Upgrade / Submit Downgrade events. Memory grows with users only.
 */
final class UserPopulation {

    /** The busiest user, whose level is made to change for certain (see SessionSimulator). */
    static final int LEVEL_CHANGER = 0;

    private static final long REGISTRATION_FROM_MS = 1_535_760_000_000L; // 2018-09-01T00:00:00Z
    private static final long REGISTRATION_SPAN_MS = 61 * November2018.DAY_MS;

    private final String[] firstNames;
    private final String[] lastNames;
    private final String[] genders;
    private final String[] locations;
    private final String[] userAgents;
    private final long[] registrations;
    private final boolean[] paid;
    private final int[] activeSessions;

    UserPopulation(long seed, int size) {
        firstNames = new String[size];
        lastNames = new String[size];
        genders = new String[size];
        locations = new String[size];
        userAgents = new String[size];
        registrations = new long[size];
        paid = new boolean[size];
        activeSessions = new int[size];
        for (int u = 0; u < size; u++) {
            Rng rng = Rng.of(seed, Salts.USER, u);
            boolean female = rng.chance(0.5);
            genders[u] = female ? "F" : "M";
            firstNames[u] = rng.pick(female ? Vocabulary.USER_FIRST_NAMES_F : Vocabulary.USER_FIRST_NAMES_M);
            lastNames[u] = rng.pick(Vocabulary.USER_LAST_NAMES);
            locations[u] = rng.pick(Vocabulary.USER_LOCATIONS);
            userAgents[u] = rng.pick(Vocabulary.USER_AGENTS);
            registrations[u] = REGISTRATION_FROM_MS + rng.nextLong(REGISTRATION_SPAN_MS);
            paid[u] = rng.chance(0.25);
        }
        // The level changer starts free, and its browser string is a quoted one.
        paid[LEVEL_CHANGER] = false;
        userAgents[LEVEL_CHANGER] = Vocabulary.USER_AGENTS[0];
    }

    int size() {
        return firstNames.length;
    }

    String userId(int u) {
        return Integer.toString(u + 1);
    }

    String firstName(int u) {
        return firstNames[u];
    }

    String lastName(int u) {
        return lastNames[u];
    }

    String gender(int u) {
        return genders[u];
    }

    String location(int u) {
        return locations[u];
    }

    String userAgent(int u) {
        return userAgents[u];
    }

    long registration(int u) {
        return registrations[u];
    }

    boolean isPaid(int u) {
        return paid[u];
    }

    void setPaid(int u, boolean isPaid) {
        paid[u] = isPaid;
    }

    boolean isActive(int u) {
        return activeSessions[u] > 0;
    }

    void sessionStarted(int u) {
        activeSessions[u]++;
    }

    void sessionEnded(int u) {
        activeSessions[u]--;
    }
}
