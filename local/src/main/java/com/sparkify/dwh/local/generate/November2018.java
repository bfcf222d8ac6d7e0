package com.sparkify.dwh.local.generate;

/** The month the logs cover, in epoch milliseconds (UTC). */
final class November2018 {

    static final long START_MS = 1_541_030_400_000L;   // 2018-11-01T00:00:00Z
    static final long DAY_MS = 86_400_000L;
    static final int DAYS = 30;
    static final long END_MS = START_MS + DAYS * DAY_MS; // 2018-12-01T00:00:00Z, exclusive

    private November2018() {
    }

    /** Day of the month, 1 to 30. */
    static int dayOf(long ts) {
        return (int) ((ts - START_MS) / DAY_MS) + 1;
    }

    /** The key of a day's log file. */
    static String key(int day) {
        return "log_data/2018/11/2018-11-" + (day < 10 ? "0" : "") + day + "-events.json";
    }
}
