package com.sparkify.dwh.local.generate;

/**
 * Million-Song-Dataset-shaped identifiers: 18 characters, a two-letter prefix, random-looking
 * letters, and six base-36 characters that encode the item's index through a seed-keyed bijection,
 * so ids are unique by construction (no set of issued ids to keep in memory).
 */
final class Ids {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String HEX = "0123456789ABCDEF";
    private static final long MASK31 = (1L << 31) - 1;

    private Ids() {
    }

    /** {@code TR} + 5 letters (the 3rd-5th name the folders) + 3 digits + F + hex + 6 unique. */
    static String trackId(Rng rng, long key, int index) {
        StringBuilder id = new StringBuilder(18).append("TR");
        letters(rng, id, 5);
        digits(rng, id, 3);
        id.append('F').append(HEX.charAt(rng.nextInt(16)));
        return unique(id, key ^ 0x7F4A7C15L, index);
    }

    /** {@code SO} + 5 letters + {@code 12A} + 2 digits + 6 unique. */
    static String songId(Rng rng, long key, int index) {
        StringBuilder id = new StringBuilder(18).append("SO");
        letters(rng, id, 5);
        id.append("12A");
        digits(rng, id, 2);
        return unique(id, key ^ 0x1CE4E5B9L, index);
    }

    /** {@code AR} + 5 letters + a digit + {@code 187B} + 6 unique. */
    static String artistId(Rng rng, long key, int index) {
        StringBuilder id = new StringBuilder(18).append("AR");
        letters(rng, id, 5);
        digits(rng, id, 1);
        id.append("187B");
        return unique(id, key ^ 0x133111EBL, index);
    }

    private static void letters(Rng rng, StringBuilder id, int n) {
        for (int i = 0; i < n; i++) {
            id.append(LETTERS.charAt(rng.nextInt(LETTERS.length())));
        }
    }

    private static void digits(Rng rng, StringBuilder id, int n) {
        for (int i = 0; i < n; i++) {
            id.append((char) ('0' + rng.nextInt(10)));
        }
    }

    /** Appends scramble(index) in base 36; 36^6 exceeds 2^31, so six characters always suffice. */
    private static String unique(StringBuilder id, long key, int index) {
        long x = index & MASK31;
        x = (x * 0x5851F42DL + key) & MASK31;   // odd multiplier: a bijection mod 2^31
        x ^= (key >>> 11) & MASK31;
        x = (x * 0x2545F491L) & MASK31;
        char[] tail = new char[6];
        for (int i = 5; i >= 0; i--) {
            tail[i] = BASE36.charAt((int) (x % 36));
            x /= 36;
        }
        return id.append(tail).toString();
    }
}
