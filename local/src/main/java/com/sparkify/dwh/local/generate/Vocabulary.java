package com.sparkify.dwh.local.generate;

/**
 * The word lists titles, names and places are drawn from.
 *
 * <p>Genuine text never contains {@code Ã} (U+00C3) at all, while mis-encoded text always does, so
 * mis-encoded text ({@link Mojibake}) can always be told apart from it.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    static final String[] TITLE_WORDS = {
        "Love", "Night", "Heart", "Fire", "Rain", "Summer", "Dream", "Blue", "Gold", "River", "Moon",
        "Sun", "Dance", "Baby", "Girl", "Boy", "Road", "Home", "Time", "World", "Light", "Shadow",
        "Angel", "Devil", "Train", "City", "Street", "Window", "Ocean", "Storm", "Thunder", "Sky",
        "Star", "Wild", "Sweet", "Lonely", "Broken", "Golden", "Silver", "Electric", "Midnight",
        "Morning", "Yesterday", "Tomorrow", "Forever", "Never", "Again", "Tonight", "Always", "Slow",
        "Fast", "Cold", "Hot", "Little", "Big", "Crazy", "Lucky", "Secret", "Hidden", "Lost", "Found",
        "Falling", "Running", "Dancing", "Waiting", "Walking", "Dreaming", "Burning", "Shine", "Kiss",
        "Tears", "Smile", "Eyes", "Hands", "Soul", "Mind", "Body", "Song", "Blues", "Groove", "Rhythm",
        "Echo", "Mirror", "Garden", "Paradise", "Highway", "Desert", "Island", "Winter", "Autumn",
        "Spring", "Memories", "Promises", "Don't", "Can't", "I'm", "You're", "Rock 'n' Roll", "O'Clock"
    };

    /** Accented and other non-ASCII words, short enough that a mis-encoded title stays short. */
    static final String[] SPECIAL_WORDS = {
        "Café", "Señorita", "Noël", "Déjà Vu", "Corazón", "Mañana", "Über", "Niño", "Ça Va", "Sólo",
        "Tú", "Mädchen", "Garçon", "Fiancée", "Naïve", "Rosé", "Ørestad", "Smörgåsbord", "Ñandú",
        "Adiós", "Canción", "Révolution", "東京", "Москва", "Ελπίδα", "Saudade Ação"
    };

    static final String[] TITLE_SUFFIXES = {
        " (Live)", " (Remix)", " (Album Version)", " (Acoustic)", " [Demo]", " - Radio Edit"
    };

    static final String[] FIRST_NAMES = {
        "John", "Mary", "Ray", "Nina", "Otis", "Etta", "Willie", "Patsy", "Elvis", "Aretha", "Marvin",
        "Diana", "Stevie", "Dolly", "Johnny", "June", "Bob", "Joni", "Neil", "Carole", "Sam", "Billie",
        "Frank", "Ella", "Louis", "Sade", "Prince", "Tina", "Al", "Gladys", "Lou", "Iggy", "Patti",
        "Bruce", "Emmylou", "Buddy", "Hank", "Loretta", "Merle", "Kris", "Linda", "Gram", "Townes",
        "Zoë", "José", "Björn", "Renée", "Søren", "Chloé", "Ñico", "Françoise", "Jürgen", "Agnès",
        "Łukasz", "Mário"
    };

    static final String[] LAST_NAMES = {
        "Smith", "Brown", "Charles", "Simone", "Redding", "James", "Nelson", "Cline", "Franklin",
        "Gaye", "Ross", "Wonder", "Parton", "Cash", "Carter", "Dylan", "Mitchell", "Young", "King",
        "Cooke", "Holiday", "Sinatra", "Fitzgerald", "Armstrong", "Turner", "Green", "Knight", "Reed",
        "Pop", "Smith", "Springsteen", "Harris", "Holly", "Williams", "Lynn", "Haggard", "Kristofferson",
        "Ronstadt", "Parsons", "Van Zandt", "O'Connor", "McCartney", "D'Angelo", "Gainsbourg",
        "Hardy", "Müller", "Nuñez", "Lindström", "Gonçalves", "Dvořák", "Renaud", "Kowalski"
    };

    static final String[] BAND_NOUNS = {
        "Wolves", "Strangers", "Rockets", "Drifters", "Ramblers", "Shadows", "Comets", "Pilots",
        "Tigers", "Kings", "Queens", "Saints", "Sinners", "Ghosts", "Lions", "Ravens", "Vandals",
        "Dreamers", "Hustlers", "Prophets", "Monks", "Sailors", "Cowboys", "Robots", "Orchids"
    };

    static final String[] BAND_ADJECTIVES = {
        "Velvet", "Electric", "Silent", "Crimson", "Golden", "Midnight", "Cosmic", "Rolling",
        "Flaming", "Wandering", "Howling", "Neon", "Atomic", "Savage", "Gentle", "Holy", "Lonesome"
    };

    /** An artist's home as the song files spell it, with the other spelling seen for the same artist. */
    record City(String name, String alternative, long latitude, long longitude) {
    }

    static final City[] CITIES = {
        new City("Chicago, IL", "Chicago, Illinois", 4188415, -8763241),
        new City("New York, NY", "NYC", 4071455, -7400712),
        new City("Los Angeles, CA", "LA", 3405349, -11824532),
        new City("London, England", "London, UK", 5150632, -12714),
        new City("Montréal, Québec", "Montreal, Quebec", 4551228, -7355439),
        new City("São Paulo, Brazil", "Sao Paulo", -2356288, -4665492),
        new City("Reykjavík, Iceland", "Reykjavik", 6413548, -2189541),
        new City("Köln, Germany", "Cologne, Germany", 5094165, 695505),
        new City("Tōkyō, Japan", "Tokyo", 3568509, 13975309),
        new City("Paris, France", "Paris", 4885717, 234141),
        new City("Nashville, TN", "Nashville, Tennessee", 3616778, -8677836),
        new City("Detroit, MI", "Detroit, Michigan", 4233168, -8304792),
        new City("Kingston, Jamaica", "Kingston, JM", 1800000, -7679000),
        new City("México, D.F.", "Mexico City", 1943240, -9913328),
        new City("Göteborg, Sweden", "Gothenburg", 5770160, 1196670),
        new City("Dublin, Ireland", "Dublin", 5334376, -624953),
        new City("Austin, TX", "Austin, Texas", 3026759, -9774299),
        new City("Seattle, WA", "Seattle, Washington", 4760356, -12232944),
        new City("Zürich, Switzerland", "Zurich", 4737174, 854226),
        new City("Lagos, Nigeria", "Lagos", 644262, 339581),
        new City("Melbourne, Australia", "Melbourne, Victoria", -3781753, 14496715),
        new City("Bogotá, Colombia", "Bogota", 460971, -7408175),
        new City("Atlanta, GA", "Atlanta, Georgia", 3374831, -8439111),
        new City("Minneapolis, MN", "Minneapolis, Minnesota", 4497903, -9326493),
        new City("Memphis, TN", "Memphis, Tennessee", 3514968, -9004892),
        new City("New Orleans, LA", "New Orleans", 2995434, -9007524),
    };

    static final String[] USER_FIRST_NAMES_F = {
        "Kaylee", "Lily", "Jacqueline", "Tegan", "Chloe", "Aleena", "Jayden", "Layla", "Kate",
        "Ava", "Sara", "Anabelle", "Emily", "Alivia", "Adelyn", "Jizelle", "Katherine", "Stefany",
        "Cienna", "Zoë"
    };

    static final String[] USER_FIRST_NAMES_M = {
        "Jacob", "Ryan", "Lucas", "Colm", "Mohammad", "Kevin", "Aiden", "Theodore", "Wyatt", "Connar",
        "Matthew", "Rylan", "Jordan", "Brayden", "José"
    };

    static final String[] USER_LAST_NAMES = {
        "Summers", "Koch", "Lynch", "Levine", "Cuevas", "Montgomery", "Rodriguez", "Harrell", "Smith",
        "Williams", "Jones", "Brown", "Davis", "Miller", "Wilson", "Moore", "Taylor", "Anderson",
        "Thomas", "Jackson", "White", "Harris", "Martin", "Thompson", "Garcia", "Martinez", "Robinson",
        "Clark", "Lewis", "Lee", "Walker", "Hall", "Allen", "Young", "Hernandez", "King", "Wright"
    };

    static final String[] USER_LOCATIONS = {
        "Phoenix-Mesa-Scottsdale, AZ", "San Jose-Sunnyvale-Santa Clara, CA",
        "New York-Newark-Jersey City, NY-NJ-PA", "Lansing-East Lansing, MI",
        "Chicago-Naperville-Elgin, IL-IN-WI", "Atlanta-Sandy Springs-Roswell, GA",
        "San Francisco-Oakland-Hayward, CA", "Portland-South Portland, ME",
        "Tampa-St. Petersburg-Clearwater, FL", "Houston-The Woodlands-Sugar Land, TX",
        "Waterloo-Cedar Falls, IA", "Birmingham-Hoover, AL", "Los Angeles-Long Beach-Anaheim, CA",
        "Salinas, CA", "Red Bluff, CA", "Janesville-Beloit, WI", "Detroit-Warren-Dearborn, MI",
        "Seattle-Tacoma-Bellevue, WA", "Marinette, WI-MI", "Winston-Salem, NC"
    };

    /**
     * Browser strings as the logs hold them; those with a comma were quoted by the tool that
     * exported them, so the value itself starts and ends with a double quote.
     */
    static final String[] USER_AGENTS = {
        "\"Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36\"",
        "\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.125 Safari/537.36\"",
        "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:31.0) Gecko/20100101 Firefox/31.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.9; rv:31.0) Gecko/20100101 Firefox/31.0",
        "\"Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53\"",
        "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; WOW64; Trident/6.0)",
        "\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Ubuntu Chromium/36.0.1985.125 Chrome/36.0.1985.125 Safari/537.36\"",
        "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:31.0) Gecko/20100101 Firefox/31.0",
        "\"Mozilla/5.0 (Windows NT 6.3; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36\"",
        "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko"
    };
}
