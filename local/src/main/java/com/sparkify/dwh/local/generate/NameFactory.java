package com.sparkify.dwh.local.generate;

import java.util.Arrays;
import java.util.Locale;

/** Makes song titles and artist names, a few of them with quotes, ampersands and non-ASCII text. */
final class NameFactory {

    private static final String[] ACCENTED_FIRST_NAMES = Arrays.stream(Vocabulary.FIRST_NAMES)
            .filter(name -> !Mojibake.isAscii(name))
            .toArray(String[]::new);

    private NameFactory() {
    }

    /**
     * A title of one to four words. {@code special} forces a non-ASCII word, a quoted word and an
     * ampersand into it; otherwise each appears at a small rate.
     */
    static String title(Rng rng, boolean special) {
        int words = rng.between(1, 4);
        int specialAt = special || rng.chance(0.07) ? rng.nextInt(words) : -1;
        StringBuilder title = new StringBuilder(48);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                title.append(' ');
            }
            title.append(rng.pick(i == specialAt ? Vocabulary.SPECIAL_WORDS : Vocabulary.TITLE_WORDS));
        }
        if (special || rng.chance(0.03)) {
            title.append(" \"").append(rng.pick(Vocabulary.TITLE_WORDS)).append('"');
        }
        if (special || rng.chance(0.03)) {
            title.append(" & ").append(rng.pick(Vocabulary.TITLE_WORDS));
        }
        if (rng.chance(0.01)) {
            title.append('/').append(rng.pick(Vocabulary.TITLE_WORDS));
        }
        if (rng.chance(0.05)) {
            title.append(rng.pick(Vocabulary.TITLE_SUFFIXES));
        }
        return title.toString();
    }

    /** An artist or band name; {@code special} forces an accented name and an ampersand. */
    static String artistName(Rng rng, boolean special) {
        if (special) {
            return rng.pick(ACCENTED_FIRST_NAMES) + " & the " + rng.pick(Vocabulary.BAND_NOUNS);
        }
        int pattern = rng.nextInt(100);
        if (pattern < 40) {
            return person(rng);
        } else if (pattern < 55) {
            return "The " + rng.pick(Vocabulary.BAND_NOUNS);
        } else if (pattern < 70) {
            return rng.pick(Vocabulary.BAND_ADJECTIVES) + " " + rng.pick(Vocabulary.BAND_NOUNS);
        } else if (pattern < 78) {
            return rng.pick(Vocabulary.FIRST_NAMES) + " & the " + rng.pick(Vocabulary.BAND_NOUNS);
        } else if (pattern < 83) {
            return (rng.chance(0.5) ? "DJ " : "MC ") + rng.pick(Vocabulary.LAST_NAMES);
        } else if (pattern < 93) {
            return rng.pick(Vocabulary.LAST_NAMES);
        } else if (pattern < 98) {
            return person(rng) + " & " + person(rng);
        } else {
            return rng.pick(Vocabulary.BAND_ADJECTIVES) + "/" + rng.pick(Vocabulary.BAND_NOUNS);
        }
    }

    /**
     * Another spelling of the same artist, as different song files of one artist_id show it.
     * Always differs from {@code name}.
     */
    static String variantOf(String name, Rng rng) {
        switch (rng.nextInt(4)) {
            case 0:
                if (name.contains(" & ")) {
                    return name.replace(" & ", " and ");
                }
                break;
            case 1:
                String upper = name.toUpperCase(Locale.ROOT);
                if (!upper.equals(name)) {
                    return upper;
                }
                break;
            case 2:
                return name + " feat. " + person(rng);
            default:
                break;
        }
        return name.startsWith("The ") ? name.substring(4) : "The " + name;
    }

    private static String person(Rng rng) {
        return rng.pick(Vocabulary.FIRST_NAMES) + " " + rng.pick(Vocabulary.LAST_NAMES);
    }
}
