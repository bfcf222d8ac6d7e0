package com.sparkify.dwh.local.generate;

import java.util.ArrayDeque;

/**
 * A session in progress: who, how many events are left, when the next one happens, and the pages
 * already decided (a Logout is followed by Home and Login; an Upgrade may be followed by Submit
 * Upgrade).
 */
final class Session {

    /** Guests have no user: their events are all "Logged Out" with userId "". */
    static final int GUEST = -1;

    final long sessionId;
    final int user;
    final Rng rng;
    int remaining;
    int nextItem;
    long nextTs;
    boolean loggedIn;
    /** The next event happens at the same ts as the last one (a Logout's Home). */
    boolean nextAtSameTs;
    private final ArrayDeque<Page> planned = new ArrayDeque<>(4);

    Session(long sessionId, int user, Rng rng, int size, long start) {
        this.sessionId = sessionId;
        this.user = user;
        this.rng = rng;
        this.remaining = size;
        this.nextTs = start;
        this.loggedIn = user != GUEST;
    }

    boolean isGuest() {
        return user == GUEST;
    }

    void plan(Page page) {
        planned.addLast(page);
    }

    boolean hasPlanned() {
        return !planned.isEmpty();
    }

    Page takePlanned() {
        return planned.pollFirst();
    }
}
