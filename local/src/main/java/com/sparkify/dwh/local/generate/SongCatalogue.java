package com.sparkify.dwh.local.generate;

/**
 * The songs of song_data, plus the songs the logs play that song_data lacks.
 *
 * <p>Song i is re-derived from the seed and i whenever it is needed, so the catalogue holds no list
 * of songs and its memory does not grow with their number. About 70% of the songs have an artist of
 * their own; the rest share one, and some of those spell the shared artist differently.
 */
final class SongCatalogue {

    /** Durations from 30 s to 10 min, in 1e-5 s. */
    private static final int MIN_DURATION_UNITS = 3_000_000;
    private static final int MAX_DURATION_UNITS = 59_999_999;

    private final long seed;
    private final int size;
    private final long idKey;
    private final ArtistRoster artists;
    private final ForcedSlots forced;
    private final long forcedVariantIndex;

    SongCatalogue(long seed, int size) {
        this.seed = seed;
        this.size = size;
        this.idKey = Rng.hash(seed, Salts.IDS);
        this.artists = new ArtistRoster(seed, Math.max(1, (int) Math.ceil(size * 0.7)));
        this.forced = new ForcedSlots(seed, Salts.FORCED_SONG, size);
        int shared = size - artists.size();
        // A spelling variant needs a song whose artist already has a song: one past the first ones.
        this.forcedVariantIndex = shared > 0
                ? artists.size() + Math.floorMod(Rng.hash(seed, Salts.FORCED_VARIANT), shared)
                : -1;
    }

    int size() {
        return size;
    }

    int artistCount() {
        return artists.size();
    }

    /** The song whose title is sure to hold non-ASCII text, a quote and an ampersand. */
    int specialSongIndex() {
        return (int) forced.index(ForcedSlots.SONG_SPECIAL_TITLE);
    }

    Song song(int index) {
        Rng rng = Rng.of(seed, Salts.SONG, index);
        String trackId = Ids.trackId(rng, idKey, index);
        String songId = Ids.songId(rng, idKey, index);
        // Songs 0..artists-1 each introduce their artist, spelled canonically.
        int artistIndex = index < artists.size() ? index : rng.nextInt(artists.size());
        Artist artist = artists.artist(artistIndex);
        boolean variant = index >= artists.size() && (index == forcedVariantIndex || rng.chance(0.15));
        String name = artist.name();
        boolean nameNumeric = artist.nameNumeric();
        String location = artist.location();
        if (variant) {
            name = NameFactory.variantOf(name, rng);
            nameNumeric = false;
            if (artist.city() != null && rng.chance(0.5)) {
                location = location.isEmpty() ? artist.city().name() : artist.city().alternative();
            }
        }
        String title = NameFactory.title(rng, forced.is(ForcedSlots.SONG_SPECIAL_TITLE, index));
        // Odd units: an unlisted track (even units) can never share a duration with a listed one.
        long units = rng.between(MIN_DURATION_UNITS, MAX_DURATION_UNITS) | 1;
        boolean unknownYear = forced.is(ForcedSlots.SONG_UNKNOWN_YEAR, index) || rng.chance(0.2);
        int year = unknownYear ? 0 : rng.between(1956, 2010);
        return new Song(trackId, songId, artist.artistId(), artistIndex, name, nameNumeric,
                location, artist.locationNumeric(), artist.latitude(), artist.longitude(), title,
                Decimals.fromHundredThousandths(units), year, variant);
    }

    /** How many distinct songs outside song_data the logs play. */
    int unlistedCount() {
        return Math.max(8, size);
    }

    /** Track k of the songs outside song_data: same vocabulary, but an even duration. */
    Track unlistedTrack(int k) {
        Rng rng = Rng.of(seed, Salts.UNLISTED_TRACK, k);
        String title = NameFactory.title(rng, false);
        String artist = NameFactory.artistName(rng, false);
        long units = 2L * rng.between(MIN_DURATION_UNITS / 2, MAX_DURATION_UNITS / 2);
        return new Track(title, artist, Decimals.fromHundredThousandths(units));
    }
}
