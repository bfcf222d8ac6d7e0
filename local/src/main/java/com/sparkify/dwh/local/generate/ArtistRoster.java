package com.sparkify.dwh.local.generate;

/** The artists behind the songs; artist j is derived from the seed and j alone, on demand. */
final class ArtistRoster {

    private final long seed;
    private final int size;
    private final long idKey;
    private final ForcedSlots forced;

    ArtistRoster(long seed, int size) {
        this.seed = seed;
        this.size = size;
        this.idKey = Rng.hash(seed, Salts.IDS);
        this.forced = new ForcedSlots(seed, Salts.FORCED_ARTIST, size);
    }

    int size() {
        return size;
    }

    Artist artist(int index) {
        Rng rng = Rng.of(seed, Salts.ARTIST, index);
        String artistId = Ids.artistId(rng, idKey, index);
        boolean numericName = forced.is(ForcedSlots.ARTIST_NUMERIC_NAME, index) || rng.chance(0.01);
        String name = numericName
                ? Integer.toString(rng.between(10, 999))
                : NameFactory.artistName(rng, forced.is(ForcedSlots.ARTIST_SPECIAL_NAME, index));
        Vocabulary.City city = rng.pick(Vocabulary.CITIES);
        boolean nullCoordinates = forced.is(ForcedSlots.ARTIST_NULL_COORDINATES, index) || rng.chance(0.35);
        boolean numericLocation = forced.is(ForcedSlots.ARTIST_NUMERIC_LOCATION, index) || rng.chance(0.01);
        boolean emptyLocation = forced.is(ForcedSlots.ARTIST_EMPTY_LOCATION, index) || rng.chance(0.15);
        String location;
        if (numericLocation) {
            location = Integer.toString(rng.between(1, 99));
            city = null;
        } else {
            location = emptyLocation ? "" : city.name();
        }
        String latitude = null;
        String longitude = null;
        if (!nullCoordinates) {
            Vocabulary.City place = city != null ? city : rng.pick(Vocabulary.CITIES);
            latitude = Decimals.fromHundredThousandths(place.latitude());
            longitude = Decimals.fromHundredThousandths(place.longitude());
        }
        return new Artist(artistId, name, numericName, location, numericLocation, city, latitude, longitude);
    }
}
