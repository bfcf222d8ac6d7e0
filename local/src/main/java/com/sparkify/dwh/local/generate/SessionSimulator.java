package com.sparkify.dwh.local.generate;

import java.io.IOException;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Plays the month's sessions against each other and emits their events in time order.
 *
 * <p>A discrete-event simulation: a queue holds the sessions in progress, ordered by the time of
 * their next event (then sessionId), and sessions join it at their planned start. Memory is the
 * sessions in progress plus the users, never the events; emitting in (ts, sessionId) order is what
 * lets each event carry its user's level as of that moment, and lets the day files be written one
 * after another.
 */
final class SessionSimulator {

    /** Where emitted events go. */
    interface EventSink {
        void accept(LogEvent event) throws IOException;
    }

    private static final double NEXT_SONG_RATE = 0.89;
    private static final double UNLISTED_RATE = 0.10;
    private static final double MISENCODED_RATE = 0.02;
    private static final int MAX_TEXT_BYTES = 255;
    private static final long FIRST_LEVEL_CHANGE_MS = November2018.START_MS + 10 * November2018.DAY_MS;
    private static final long SECOND_LEVEL_CHANGE_MS = November2018.START_MS + 20 * November2018.DAY_MS;

    private static final byte LEVEL_UNSEEN = 0;
    private static final byte LEVEL_FREE = 1;
    private static final byte LEVEL_PAID = 2;

    private final long seed;
    private final SongCatalogue catalogue;
    private final UserPopulation users;
    private final SessionPlanner planner;
    private final QuirkCounter quirks;
    /** The level of each user's last logged-in event, to count visible level changes. */
    private final byte[] lastLevel;
    private int levelChangesPlanned;
    private long events;
    private long nextSongEvents;

    SessionSimulator(long seed, SongCatalogue catalogue, UserPopulation users, long events,
                     QuirkCounter quirks) {
        this.seed = seed;
        this.catalogue = catalogue;
        this.users = users;
        this.planner = new SessionPlanner(seed, events);
        this.quirks = quirks;
        this.lastLevel = new byte[users.size()];
    }

    long events() {
        return events;
    }

    long nextSongEvents() {
        return nextSongEvents;
    }

    void run(EventSink sink) throws IOException {
        PriorityQueue<Session> inProgress = new PriorityQueue<>(
                Comparator.<Session>comparingLong(s -> s.nextTs).thenComparingLong(s -> s.sessionId));
        SessionPlanner.Plan plan = planner.hasNext() ? planner.next() : null;
        while (plan != null || !inProgress.isEmpty()) {
            Session head = inProgress.peek();
            if (plan != null && (head == null || plan.start() <= head.nextTs)) {
                inProgress.add(start(plan));
                plan = planner.hasNext() ? planner.next() : null;
                continue;
            }
            inProgress.poll();
            sink.accept(nextEvent(head));
            if (head.remaining > 0) {
                inProgress.add(head);
            } else if (!head.isGuest()) {
                users.sessionEnded(head.user);
            }
        }
    }

    private Session start(SessionPlanner.Plan plan) {
        Rng rng = Rng.of(seed, Salts.SESSION, plan.index());
        int user = plan.guest() ? Session.GUEST : chooseUser(rng);
        Session session = new Session(plan.index() + 1, user, rng, plan.size(), plan.start());
        if (user != Session.GUEST) {
            users.sessionStarted(user);
            planLevelChange(session, plan.start());
        }
        return session;
    }

    /** Popular users more often, and preferably one not already listening. */
    private int chooseUser(Rng rng) {
        int user = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            user = rng.skewed(users.size());
            if (!users.isActive(user)) {
                break;
            }
        }
        return user;
    }

    /**
     * Random upgrades and downgrades may not happen in a small dataset, so the busiest user is made
     * to switch level once after day 10 and once more after day 20. Three events are needed for the
     * switch to show: the Upgrade page, the Submit Upgrade (still at the old level), one more.
     */
    private void planLevelChange(Session session, long start) {
        if (session.user != UserPopulation.LEVEL_CHANGER || session.remaining < 3 || levelChangesPlanned >= 2) {
            return;
        }
        long due = levelChangesPlanned == 0 ? FIRST_LEVEL_CHANGE_MS : SECOND_LEVEL_CHANGE_MS;
        if (start < due) {
            return;
        }
        if (users.isPaid(session.user)) {
            session.plan(Page.DOWNGRADE);
            session.plan(Page.SUBMIT_DOWNGRADE);
        } else {
            session.plan(Page.UPGRADE);
            session.plan(Page.SUBMIT_UPGRADE);
        }
        levelChangesPlanned++;
    }

    private LogEvent nextEvent(Session session) {
        Rng rng = session.rng;
        long ts = session.nextTs;
        boolean sharesTs = session.nextAtSameTs;
        session.nextAtSameTs = false;
        int user = session.user;
        boolean paid = user != Session.GUEST && users.isPaid(user);
        Page page;
        if (session.hasPlanned()) {
            page = session.takePlanned();
        } else if (session.loggedIn) {
            page = memberPage(rng, paid);
        } else {
            page = guestPage(rng);
        }
        Track track = page == Page.NEXT_SONG ? choosePlay(rng) : null;
        String level = paid ? "paid" : "free";
        LogEvent event = session.loggedIn
                ? loggedIn(session, page, track, level, ts)
                : loggedOut(session, page, level, ts);

        count(session, event, sharesTs, paid);
        applyEffects(session, page, paid);
        advance(session, track, ts);
        return event;
    }

    private LogEvent loggedIn(Session session, Page page, Track track, String level, long ts) {
        int u = session.user;
        return new LogEvent(track == null ? null : track.artist(), "Logged In", users.firstName(u),
                users.gender(u), session.nextItem, users.lastName(u),
                track == null ? null : track.length(), level, users.location(u), page.method,
                page.title, users.registration(u), session.sessionId,
                track == null ? null : track.title(), page.status, ts, users.userAgent(u),
                users.userId(u));
    }

    private static LogEvent loggedOut(Session session, Page page, String level, long ts) {
        return new LogEvent(null, "Logged Out", null, null, session.nextItem, null, null, level,
                null, page.method, page.title, null, session.sessionId, null, page.status, ts,
                null, "");
    }

    private void count(Session session, LogEvent event, boolean sharesTs, boolean paid) {
        events++;
        if (event.song() != null) {
            nextSongEvents++;
        }
        if (sharesTs) {
            quirks.add(Quirk.SHARED_TS);
        }
        if (!session.loggedIn) {
            quirks.add(Quirk.LOGGED_OUT_EVENT);
            return;
        }
        if (event.userAgent().startsWith("\"")) {
            quirks.add(Quirk.QUOTED_USER_AGENT);
        }
        byte level = paid ? LEVEL_PAID : LEVEL_FREE;
        byte previous = lastLevel[session.user];
        if (previous != LEVEL_UNSEEN && previous != level) {
            quirks.add(Quirk.LEVEL_CHANGE);
        }
        lastLevel[session.user] = level;
    }

    /** What a page does to the session and the user, and which page it leads to. */
    private void applyEffects(Session session, Page page, boolean paid) {
        Rng rng = session.rng;
        switch (page) {
            case LOGOUT:
                session.loggedIn = false;
                session.plan(Page.HOME);
                session.plan(Page.LOGIN);
                session.nextAtSameTs = true; // the logged-out Home lands on the Logout's ts
                break;
            case LOGIN:
                session.loggedIn = !session.isGuest();
                break;
            case SUBMIT_UPGRADE:
                users.setPaid(session.user, true);
                break;
            case SUBMIT_DOWNGRADE:
                users.setPaid(session.user, false);
                break;
            case UPGRADE:
                if (!session.hasPlanned() && !paid && rng.chance(0.4)) {
                    session.plan(Page.SUBMIT_UPGRADE);
                }
                break;
            case DOWNGRADE:
                if (!session.hasPlanned() && paid && rng.chance(0.3)) {
                    session.plan(Page.SUBMIT_DOWNGRADE);
                }
                break;
            case SETTINGS:
                if (!session.hasPlanned() && rng.chance(0.5)) {
                    session.plan(Page.SAVE_SETTINGS);
                }
                break;
            default:
                break;
        }
    }

    /**
     * The next event follows after the song (or a short page view), squeezed only when the session
     * would otherwise run past November: at least 1 ms per remaining event stays available.
     */
    private static void advance(Session session, Track track, long ts) {
        session.remaining--;
        session.nextItem++;
        if (session.remaining == 0) {
            return;
        }
        Rng rng = session.rng;
        long gap;
        if (session.nextAtSameTs) {
            gap = 0;
        } else if (track != null) {
            gap = (long) (Double.parseDouble(track.length()) * 1000) + rng.between(0, 2000);
        } else {
            gap = rng.between(1000, 60_000);
        }
        long room = (November2018.END_MS - 1 - ts) / session.remaining;
        session.nextTs = ts + Math.min(gap, room);
    }

    private static Page memberPage(Rng rng, boolean paid) {
        if (rng.chance(NEXT_SONG_RATE)) {
            return Page.NEXT_SONG;
        }
        int r = rng.nextInt(76);
        if (r < 40) {
            return Page.HOME;
        } else if (r < 50) {
            return Page.LOGOUT;
        } else if (r < 59) {
            return paid ? Page.DOWNGRADE : Page.UPGRADE;
        } else if (r < 65) {
            return Page.SETTINGS;
        } else if (r < 71) {
            return Page.HELP;
        } else if (r < 74) {
            return Page.ABOUT;
        }
        return Page.ERROR;
    }

    private static Page guestPage(Rng rng) {
        int r = rng.nextInt(100);
        if (r < 50) {
            return Page.HOME;
        } else if (r < 65) {
            return Page.LOGIN;
        } else if (r < 77) {
            return Page.ABOUT;
        } else if (r < 92) {
            return Page.HELP;
        }
        return Page.ERROR;
    }

    /** Mostly a song of song_data; some songs it lacks; a few with mis-encoded names. */
    private Track choosePlay(Rng rng) {
        if (rng.chance(UNLISTED_RATE)) {
            quirks.add(Quirk.UNLISTED_SONG_PLAY);
            return catalogue.unlistedTrack(rng.skewed(catalogue.unlistedCount()));
        }
        Track listed = catalogue.song(rng.skewed(catalogue.size())).track();
        if (rng.chance(MISENCODED_RATE)) {
            Track misencoded = misencodedPlay(rng);
            if (misencoded != null) {
                quirks.add(Quirk.MISENCODED_NAMES);
                return misencoded;
            }
        }
        return listed;
    }

    /** A play of a song with non-ASCII text, its names mis-encoded (so it matches no song). */
    private Track misencodedPlay(Rng rng) {
        Song song = null;
        for (int attempt = 0; attempt < 16 && song == null; attempt++) {
            Song candidate = catalogue.song(rng.nextInt(catalogue.size()));
            if (!Mojibake.isAscii(candidate.title()) || !Mojibake.isAscii(candidate.artistName())) {
                song = candidate;
            }
        }
        if (song == null) {
            song = catalogue.song(catalogue.specialSongIndex());
        }
        String title = Mojibake.misencodeTwice(song.title());
        String artist = Mojibake.misencodeTwice(song.artistName());
        if (Mojibake.utf8Length(title) > MAX_TEXT_BYTES || Mojibake.utf8Length(artist) > MAX_TEXT_BYTES) {
            return null;
        }
        return new Track(title, artist, song.duration());
    }
}
