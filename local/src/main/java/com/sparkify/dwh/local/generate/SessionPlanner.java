package com.sparkify.dwh.local.generate;

/**
 * Hands out the month's sessions in start-time order: whether a guest or a user, how many events,
 * when it starts. The sizes add up to exactly the requested number of events.
 *
 * <p>Start times are spread evenly over the month, so the planner must know the number of sessions
 * first: it draws the sizes once to count them, then replays the same stream, instead of keeping
 * them. The last hour of the month is left free so every session can end in November.
 */
final class SessionPlanner {

    /** A planned session. {@code index} is 0-based and doubles as the source of the sessionId. */
    record Plan(long index, boolean guest, int size, long start) {
    }

    /** One draw from the stream: kind, size, and where in its time slot the session starts. */
    private record Draw(boolean guest, int size, long slotBillionths) {
    }

    static final int MAX_SESSION_EVENTS = 100;
    private static final double GUEST_RATE = 0.04;
    /** Per-event chance a session ends: sizes are geometric with mean about 10. */
    private static final double END_RATE = 0.1;
    private static final long SPAN_MS = November2018.END_MS - 3_600_000L - November2018.START_MS;

    private final long seed;
    private final long sessions;
    private Rng rng;
    private long remainingEvents;
    private long nextIndex;

    SessionPlanner(long seed, long events) {
        this.seed = seed;
        this.rng = stream();
        long count = 0;
        for (long left = events; left > 0; count++) {
            left -= draw().size();
        }
        this.sessions = count;
        this.rng = stream();
        this.remainingEvents = events;
    }

    long sessions() {
        return sessions;
    }

    boolean hasNext() {
        return nextIndex < sessions;
    }

    Plan next() {
        Draw drawn = draw();
        int size = (int) Math.min(drawn.size(), remainingEvents);
        remainingEvents -= size;
        long index = nextIndex++;
        double slotMs = (double) SPAN_MS / sessions;
        long start = November2018.START_MS + (long) ((index + drawn.slotBillionths() / 1e9) * slotMs);
        return new Plan(index, drawn.guest(), size, start);
    }

    private Rng stream() {
        return Rng.of(seed, Salts.SESSION_PLAN, 0);
    }

    private Draw draw() {
        boolean guest = rng.chance(GUEST_RATE);
        int size;
        if (guest) {
            size = rng.between(1, 3);
        } else {
            double u = rng.nextDouble();
            // StrictMath: the same bits on every JVM, so the same sizes.
            double failures = StrictMath.floor(StrictMath.log1p(-u) / StrictMath.log1p(-END_RATE));
            size = 1 + (int) Math.min(MAX_SESSION_EVENTS - 1, failures);
        }
        return new Draw(guest, size, rng.nextLong(1_000_000_000L));
    }
}
