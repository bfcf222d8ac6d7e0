package com.sparkify.dwh.local.generate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Counts the quirk instances written, in enum order so the summary prints the same every time. */
final class QuirkCounter {

    private final long[] counts = new long[Quirk.values().length];

    void add(Quirk quirk) {
        counts[quirk.ordinal()]++;
    }

    void add(Quirk quirk, long n) {
        counts[quirk.ordinal()] += n;
    }

    Map<Quirk, Long> snapshot() {
        Map<Quirk, Long> map = new EnumMap<>(Quirk.class);
        for (Quirk quirk : Quirk.values()) {
            map.put(quirk, counts[quirk.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }
}
