package com.sparkify.dwh.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.run.RunInput.Manual;
import com.sparkify.dwh.run.RunInput.Manual.Mode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunPlannerTest {

    static final String DATA = "sparkify-local";
    static final String WORK = "sparkify-dwh-work";
    static final PlannerSettings SETTINGS = new PlannerSettings(DATA, "song_data/", "log_data/", WORK, "manifests/");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String SONG_1 = "song_data/A/A/A/TRAAAAW128F429D538.json";
    private static final String SONG_2 = "song_data/A/B/C/TRABCEI128F424C983.json";
    private static final String LOG_11 = "log_data/2018/11/2018-11-11-events.json";
    private static final String LOG_12 = "log_data/2018/11/2018-11-12-events.json";

    private final InMemoryObjectStore data = new InMemoryObjectStore();
    private final InMemoryObjectStore work = new InMemoryObjectStore();
    private final RunPlanner planner = new RunPlanner(data, work, SETTINGS, MAPPER);

    private static final Manual FULL = new Manual(Mode.FULL, null, null);

    /** Two songs, two log days, and what a bucket also holds: folder markers, an empty file, other prefixes. */
    private void sampleBucket() {
        data.putSized("song_data/", 0)
                .putSized("song_data/A/", 0)
                .putSized(SONG_1, 261)
                .putSized(SONG_2, 240)
                .putSized("song_data/A/B/C/empty.json", 0)
                .putSized("log_data/", 0)
                .putSized("log_data/2018/11/", 0)
                .putSized(LOG_11, 1000)
                .putSized(LOG_12, 2345)
                .putSized("log_data_old/2018-11-01-events.json", 77)
                .putSized("song_datax/B/x.json", 55)
                .putSized("other/readme.txt", 12);
    }

    private static String manifestOf(String... keys) {
        StringBuilder json = new StringBuilder("{\"entries\":[");
        for (int i = 0; i < keys.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"url\":\"s3://" + DATA + "/" + keys[i] + "\",\"mandatory\":true}");
        }
        return json.append("]}").toString();
    }

    private static String manifestUri(String runId, String dataset) {
        return "s3://" + WORK + "/manifests/" + runId + "/" + dataset + ".manifest";
    }

    private static String ledgerKey(String runId) {
        return "manifests/" + runId + "/ledger.json";
    }

    /** One line of a run's ledger file, written out by hand. */
    private static String ledgerLine(String dataset, String key, String eTag, long size) {
        return "{\"dataset\":\"" + dataset + "\",\"object_uri\":\"s3://" + DATA + "/" + key + "\",\"etag\":\"" + eTag
                + "\",\"object_size\":" + size + "}\n";
    }

    private static String uri(String key) {
        return "s3://" + DATA + "/" + key;
    }

    /** The sample bucket's objects with ETags the tests know. */
    private void sampleBucketWithETags() {
        sampleBucket();
        data.putSized(SONG_1, 261, "e-song-1").putSized(SONG_2, 240, "e-song-2")
                .putSized(LOG_11, 1000, "e-log-11").putSized(LOG_12, 2345, "e-log-12");
    }

    /** The ledger rows a ledger file becomes once recorded: what the next run's Plan step reads back. */
    private static LoadedObjects recorded(String... ledgerFiles) throws IOException {
        LoadedObjects loaded = new LoadedObjects();
        for (String file : ledgerFiles) {
            for (String line : file.split("\n")) {
                if (!line.isEmpty()) {
                    JsonNode row = MAPPER.readTree(line);
                    loaded.add(row.get("object_uri").asText(), row.get("etag").isNull() ? null : row.get("etag").asText());
                }
            }
        }
        return loaded;
    }

    // ---- full, reset and scheduled runs ----

    @Test
    void fullRunListsBothPrefixesAndWritesTheirManifests() {
        sampleBucket();

        RunPlan plan = planner.plan(FULL, "run-1");

        assertThat(plan).isEqualTo(new RunPlan("run-1", "manual", false,
                new DatasetPlan(manifestUri("run-1", "songs"), 2, 261 + 240),
                new DatasetPlan(manifestUri("run-1", "events"), 2, 1000 + 2345)));
        assertThat(work.contents()).containsOnlyKeys("manifests/run-1/songs.manifest", "manifests/run-1/events.manifest",
                "manifests/run-1/ledger.json");
        assertThat(work.text("manifests/run-1/songs.manifest")).isEqualTo(manifestOf(SONG_1, SONG_2));
        assertThat(work.text("manifests/run-1/events.manifest")).isEqualTo(manifestOf(LOG_11, LOG_12));
    }

    @Test
    void manifestIsExactlyTheRedshiftManifestFormat() {
        data.putSized(SONG_1, 10);

        planner.plan(FULL, "r");

        assertThat(work.text("manifests/r/songs.manifest")).isEqualTo(
                "{\"entries\":[{\"url\":\"s3://sparkify-local/song_data/A/A/A/TRAAAAW128F429D538.json\",\"mandatory\":true}]}");
    }

    @Test
    void manifestEntriesFollowKeyOrder() {
        data.putSized("log_data/2018/11/2018-11-30-events.json", 3)
                .putSized("log_data/2018/11/2018-11-01-events.json", 1)
                .putSized("log_data/2018/11/2018-11-15-events.json", 2);

        planner.plan(FULL, "r");

        assertThat(work.text("manifests/r/events.manifest")).isEqualTo(manifestOf(
                "log_data/2018/11/2018-11-01-events.json", "log_data/2018/11/2018-11-15-events.json",
                "log_data/2018/11/2018-11-30-events.json"));
    }

    @Test
    void resetRunPlansEverythingAndAsksForTheReset() {
        sampleBucket();

        RunPlan plan = planner.plan(new Manual(Mode.RESET, null, null), "reset-1");

        assertThat(plan.reset()).isTrue();
        assertThat(plan.trigger()).isEqualTo("manual");
        assertThat(plan.songs()).isEqualTo(new DatasetPlan(manifestUri("reset-1", "songs"), 2, 501));
        assertThat(plan.events()).isEqualTo(new DatasetPlan(manifestUri("reset-1", "events"), 2, 3345));
    }

    @Test
    void scheduledRunListsBothPrefixes() throws IOException {
        sampleBucket();
        RunInput scheduled = new RunInputParser(MAPPER).parse(RunInputParserTest.event("schedule.json"));

        RunPlan plan = planner.plan(scheduled, "sched-2018-12-01");

        assertThat(plan).isEqualTo(new RunPlan("sched-2018-12-01", "schedule", false,
                new DatasetPlan(manifestUri("sched-2018-12-01", "songs"), 2, 501),
                new DatasetPlan(manifestUri("sched-2018-12-01", "events"), 2, 3345)));
        assertThat(work.text("manifests/sched-2018-12-01/songs.manifest")).isEqualTo(manifestOf(SONG_1, SONG_2));
        assertThat(work.text("manifests/sched-2018-12-01/events.manifest")).isEqualTo(manifestOf(LOG_11, LOG_12));
    }

    @Test
    void scheduledRunOfAnEmptyBucketPlansNothingAndWritesNoManifestButAnEmptyLedgerFile() {
        data.putSized("song_data/", 0).putSized("log_data/", 0);

        RunPlan plan = planner.plan(new RunInput.Scheduled(new ScheduledEvent()), "run-1");

        assertThat(plan).isEqualTo(new RunPlan("run-1", "schedule", false, DatasetPlan.NOTHING, DatasetPlan.NOTHING));
        assertThat(plan.songs().isEmpty()).isTrue();
        // the ledger step COPYs the file whatever the plan: it must exist, and record nothing
        assertThat(work.contents()).containsExactly(java.util.Map.entry("manifests/run-1/ledger.json", ""));
    }

    @Test
    void foldersAndEmptyObjectsAreSkipped() {
        data.putSized("song_data/", 0).putSized("song_data/A/", 0).putSized("song_data/A/empty.json", 0)
                .putSized("song_data/A/folder-with-bytes/", 4)
                .putSized(SONG_1, 5);

        RunPlan plan = planner.plan(FULL, "r");

        assertThat(plan.songs()).isEqualTo(new DatasetPlan(manifestUri("r", "songs"), 1, 5));
        assertThat(work.text("manifests/r/songs.manifest")).isEqualTo(manifestOf(SONG_1));
        assertThat(plan.events()).isEqualTo(DatasetPlan.NOTHING);
        assertThat(work.keys()).containsExactly("manifests/r/ledger.json", "manifests/r/songs.manifest");
        assertThat(work.text("manifests/r/ledger.json").lines()).hasSize(1);
    }

    @Test
    void workPrefixAndBucketNameTheManifestAndTheLedgerFile() {
        data.putSized(SONG_1, 5);
        RunPlanner other = new RunPlanner(data, work,
                new PlannerSettings(DATA, "song_data/", "log_data/", "my-work", "etl/manifests/"), MAPPER);

        RunPlan plan = other.plan(FULL, "r-9");

        assertThat(plan.songs().manifest()).isEqualTo("s3://my-work/etl/manifests/r-9/songs.manifest");
        assertThat(other.ledgerFile("r-9")).isEqualTo("s3://my-work/etl/manifests/r-9/ledger.json");
        assertThat(work.keys()).containsExactly("etl/manifests/r-9/ledger.json", "etl/manifests/r-9/songs.manifest");
    }

    @Test
    void ledgerFileIsNamedByTheRunAloneAndNeedsNoPlan() {
        // the ledger step knows only the run id: the name must not depend on what was planned
        assertThat(planner.ledgerFile("run-1")).isEqualTo("s3://sparkify-dwh-work/manifests/run-1/ledger.json");
        assertThat(planner.ledgerFile("sched-2018-12-01")).isEqualTo("s3://sparkify-dwh-work/manifests/sched-2018-12-01/ledger.json");
        assertThat(work.keys()).isEmpty();
    }

    @Test
    void planningTheSameRunAgainWritesTheSameManifests() {
        sampleBucket();
        RunPlan first = planner.plan(FULL, "run-1");
        var written = work.contents();

        RunPlan second = planner.plan(FULL, "run-1");

        assertThat(second).isEqualTo(first);
        assertThat(work.contents()).isEqualTo(written);
    }

    // ---- backfill ----

    @Test
    void backfillKeepsOnlyTheLogDaysInRangeInclusive() {
        data.putSized(SONG_1, 261);
        for (int day = 3; day <= 13; day++) {
            data.putSized(String.format("log_data/2018/11/2018-11-%02d-events.json", day), day);
        }
        data.putSized("log_data/2018/11/notes.json", 9)            // no day in the name
                .putSized("log_data/2018/12/2018-12-05-events.json", 100)
                .putSized("log_data/2018-11-07/part-0.json", 50);   // a day in a folder, not the file

        RunPlan plan = planner.plan(new Manual(Mode.BACKFILL, LocalDate.of(2018, 11, 5), LocalDate.of(2018, 11, 11)),
                "backfill-1");

        assertThat(plan.trigger()).isEqualTo("manual");
        assertThat(plan.reset()).isFalse();
        assertThat(plan.events()).isEqualTo(new DatasetPlan(manifestUri("backfill-1", "events"), 7,
                5 + 6 + 7 + 8 + 9 + 10 + 11));
        assertThat(work.text("manifests/backfill-1/events.manifest")).isEqualTo(manifestOf(
                "log_data/2018/11/2018-11-05-events.json", "log_data/2018/11/2018-11-06-events.json",
                "log_data/2018/11/2018-11-07-events.json", "log_data/2018/11/2018-11-08-events.json",
                "log_data/2018/11/2018-11-09-events.json", "log_data/2018/11/2018-11-10-events.json",
                "log_data/2018/11/2018-11-11-events.json"));
        // the plays of those days need every song
        assertThat(plan.songs()).isEqualTo(new DatasetPlan(manifestUri("backfill-1", "songs"), 1, 261));
    }

    @Test
    void backfillOfOneDay() {
        sampleBucket();

        RunPlan plan = planner.plan(new Manual(Mode.BACKFILL, LocalDate.of(2018, 11, 12), LocalDate.of(2018, 11, 12)),
                "b");

        assertThat(plan.events()).isEqualTo(new DatasetPlan(manifestUri("b", "events"), 1, 2345));
        assertThat(work.text("manifests/b/events.manifest")).isEqualTo(manifestOf(LOG_12));
    }

    @Test
    void backfillWithNoDayInRangePlansNoEventsAndWritesNoEventsManifest() {
        sampleBucket();

        RunPlan plan = planner.plan(new Manual(Mode.BACKFILL, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31)), "b");

        assertThat(plan.events()).isEqualTo(DatasetPlan.NOTHING);
        assertThat(work.keys()).containsExactly("manifests/b/ledger.json", "manifests/b/songs.manifest");
    }

    // ---- S3 Object Created ----

    @Test
    void newLogFilePlansThatFileAndNoSongs() {
        sampleBucketWithETags();

        RunPlan plan = planner.plan(new RunInput.ObjectCreated(DATA, LOG_12, 2345, "e-log-12"), "s3-run");

        // the plays are matched against the song history, so no song is staged again
        assertThat(plan).isEqualTo(new RunPlan("s3-run", "s3", false, DatasetPlan.NOTHING,
                new DatasetPlan(manifestUri("s3-run", "events"), 1, 2345)));
        assertThat(work.text("manifests/s3-run/events.manifest")).isEqualTo(manifestOf(LOG_12));
        assertThat(work.keys()).containsExactly("manifests/s3-run/events.manifest", "manifests/s3-run/ledger.json");
        assertThat(work.text("manifests/s3-run/ledger.json")).isEqualTo(ledgerLine("events", LOG_12, "e-log-12", 2345));
    }

    @Test
    void newLogFileIsFoundByItsExactKeyNotByPrefix() {
        // LOG_12 is a prefix of another key: only the event's own object is planned.
        data.putSized(LOG_12, 10).putSized(LOG_12 + ".bak", 20);

        RunPlan plan = planner.plan(new RunInput.ObjectCreated(DATA, LOG_12, 10, null), "r");

        assertThat(work.text("manifests/r/events.manifest")).isEqualTo(manifestOf(LOG_12));
        assertThat(plan.events().bytes()).isEqualTo(10);
    }

    @Test
    void newSongFilePlansThatSongAndNoEvents() {
        sampleBucket();

        RunPlan plan = planner.plan(new RunInput.ObjectCreated(DATA, SONG_2, 240, "etag"), "s3-song");

        assertThat(plan).isEqualTo(new RunPlan("s3-song", "s3", false,
                new DatasetPlan(manifestUri("s3-song", "songs"), 1, 240), DatasetPlan.NOTHING));
        assertThat(plan.events().manifest()).isNull();
        assertThat(work.keys()).containsExactly("manifests/s3-song/ledger.json", "manifests/s3-song/songs.manifest");
        assertThat(work.text("manifests/s3-song/songs.manifest")).isEqualTo(manifestOf(SONG_2));
    }

    @Test
    void theFixtureEventsPlanAgainstTheirBucket() throws IOException {
        sampleBucket();
        RunInputParser parser = new RunInputParser(MAPPER);

        RunPlan log = planner.plan(parser.parse(RunInputParserTest.event("s3-object-created-log.json")), "log");
        RunPlan song = planner.plan(parser.parse(RunInputParserTest.event("s3-object-created-song.json")), "song");

        assertThat(log.events().objects()).isEqualTo(1);
        assertThat(log.songs()).isEqualTo(DatasetPlan.NOTHING);
        assertThat(song.songs().objects()).isEqualTo(1);
        assertThat(song.events()).isEqualTo(DatasetPlan.NOTHING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"log_data/2018/11/2018-11-12+events+v2.json", "log_data/2018/11/2018-11-12%20events%20v2.json"})
    void urlEncodedKeyIsFoundUnderItsDecodedName(String eventKey) {
        String realKey = "log_data/2018/11/2018-11-12 events v2.json";
        data.putSized(realKey, 42).putSized(SONG_1, 1);

        RunPlan plan = planner.plan(new RunInput.ObjectCreated(DATA, eventKey, 42, null), "r");

        assertThat(plan.events()).isEqualTo(new DatasetPlan(manifestUri("r", "events"), 1, 42));
        assertThat(work.text("manifests/r/events.manifest")).isEqualTo(manifestOf(realKey));
    }

    @Test
    void keyWithAPlusThatExistsAsSentIsNotDecoded() {
        data.putSized("song_data/A/rock+roll.json", 7).putSized("song_data/A/rock roll.json", 8);

        RunPlan plan = planner.plan(new RunInput.ObjectCreated(DATA, "song_data/A/rock+roll.json", 7, null), "r");

        assertThat(work.text("manifests/r/songs.manifest")).isEqualTo(manifestOf("song_data/A/rock+roll.json"));
        assertThat(plan.songs().bytes()).isEqualTo(7);
    }

    @Test
    void eventForAFolderMarkerOrAnEmptyFilePlansNothing() {
        sampleBucket();

        RunPlan folder = planner.plan(new RunInput.ObjectCreated(DATA, "log_data/2018/11/", 0, null), "r1");
        RunPlan empty = planner.plan(new RunInput.ObjectCreated(DATA, "song_data/A/B/C/empty.json", 0, null), "r2");

        assertThat(folder).isEqualTo(new RunPlan("r1", "s3", false, DatasetPlan.NOTHING, DatasetPlan.NOTHING));
        assertThat(empty).isEqualTo(new RunPlan("r2", "s3", false, DatasetPlan.NOTHING, DatasetPlan.NOTHING));
        assertThat(work.contents()).containsExactly(java.util.Map.entry("manifests/r1/ledger.json", ""),
                java.util.Map.entry("manifests/r2/ledger.json", ""));
    }

    @Test
    void eventForAnotherBucketIsAnError() {
        sampleBucket();

        assertThatThrownBy(() -> planner.plan(new RunInput.ObjectCreated("someone-elses-bucket", LOG_12, 1, null), "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("someone-elses-bucket")
                .hasMessageContaining("s3://sparkify-local/");
        assertThat(work.keys()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"other/readme.txt", "log_data_old/2018-11-01-events.json", "song_datax/B/x.json"})
    void eventForAnObjectUnderAnotherPrefixIsAnError(String key) {
        sampleBucket();

        assertThatThrownBy(() -> planner.plan(new RunInput.ObjectCreated(DATA, key, 1, null), "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3://sparkify-local/" + key)
                .hasMessageContaining("is under neither song_data/ nor log_data/");
        assertThat(work.keys()).isEmpty();
    }

    @Test
    void eventForAMissingObjectIsAnError() {
        sampleBucket();

        assertThatThrownBy(() -> planner.plan(
                new RunInput.ObjectCreated(DATA, "log_data/2018/11/2018-11-20-events.json", 1, null), "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3://sparkify-local/log_data/2018/11/2018-11-20-events.json does not exist");
        assertThat(work.keys()).isEmpty();
    }

    @Test
    void eventForAMissingEncodedKeyNamesBothSpellings() {
        assertThatThrownBy(() -> planner.plan(new RunInput.ObjectCreated(DATA, "log_data/a+b.json", 1, null), "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3://sparkify-local/log_data/a+b.json does not exist")
                .hasMessageContaining("nor does s3://sparkify-local/log_data/a b.json");
    }

    @Test
    void keyWithALiteralPercentIsFoundAsSent() {
        data.putSized("song_data/A/100%.json", 3).putSized("song_data/A/50%zz.json", 4);

        planner.plan(new RunInput.ObjectCreated(DATA, "song_data/A/100%.json", 3, null), "r1");
        planner.plan(new RunInput.ObjectCreated(DATA, "song_data/A/50%zz.json", 4, null), "r2");

        assertThat(work.text("manifests/r1/songs.manifest")).isEqualTo(manifestOf("song_data/A/100%.json"));
        assertThat(work.text("manifests/r2/songs.manifest")).isEqualTo(manifestOf("song_data/A/50%zz.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"log_data/100%.json", "log_data/50%zz.json", "log_data/%E2%82.json"})
    void eventForAMissingKeyThatIsNoValidEncodingSaysTheObjectIsMissing(String key) {
        assertThatThrownBy(() -> planner.plan(new RunInput.ObjectCreated(DATA, key, 1, null), "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3://sparkify-local/" + key + " does not exist");
    }

    @Test
    void eventForAKeyPrefixOfAnObjectIsNotThatObject() {
        data.putSized(LOG_12, 10);

        assertThatThrownBy(() -> planner.plan(new RunInput.ObjectCreated(DATA, "log_data/2018/11/", 0, null), "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    // ---- run ids ----

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "...", "../escape", "a/b", "..\\x", "run id", "x'; DROP TABLE users; --", "run\n1",
        "r\u00e9sum\u00e9", "%2e%2e",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void hostileRunIdIsRefusedBeforeAnythingIsWritten(String runId) {
        sampleBucket();

        assertThatThrownBy(() -> planner.plan(FULL, runId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run id must be 1-80 letters, digits, '.', '_' or '-'");
        assertThat(work.keys()).isEmpty();
    }

    @Test
    void missingRunIdIsRefused() {
        assertThatThrownBy(() -> planner.plan(FULL, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "sam-local-plan", "2018-12-01T03.00.00Z", "..a", "v1.2", "b2c1d3e4-0000-4f76-80c9-8b7d4a4d2eaa",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void executionNamesAreAccepted(String runId) {
        data.putSized(SONG_1, 1);

        assertThat(planner.plan(FULL, runId).runId()).isEqualTo(runId);
        assertThat(work.keys()).containsExactly("manifests/" + runId + "/ledger.json", "manifests/" + runId + "/songs.manifest");
    }

    // ---- the ledger: what the run plans is recorded; what the ledger holds is left out ----

    @Test
    void ledgerFileHasOneJsonLinePerPlannedObjectSongsThenEvents() {
        sampleBucketWithETags();

        planner.plan(FULL, "run-1");

        assertThat(work.text(ledgerKey("run-1"))).isEqualTo(
                "{\"dataset\":\"songs\",\"object_uri\":\"s3://sparkify-local/song_data/A/A/A/TRAAAAW128F429D538.json\","
                        + "\"etag\":\"e-song-1\",\"object_size\":261}\n"
                + "{\"dataset\":\"songs\",\"object_uri\":\"s3://sparkify-local/song_data/A/B/C/TRABCEI128F424C983.json\","
                        + "\"etag\":\"e-song-2\",\"object_size\":240}\n"
                + "{\"dataset\":\"events\",\"object_uri\":\"s3://sparkify-local/log_data/2018/11/2018-11-11-events.json\","
                        + "\"etag\":\"e-log-11\",\"object_size\":1000}\n"
                + "{\"dataset\":\"events\",\"object_uri\":\"s3://sparkify-local/log_data/2018/11/2018-11-12-events.json\","
                        + "\"etag\":\"e-log-12\",\"object_size\":2345}\n");
    }

    @Test
    void objectsTheLedgerHoldsAreLeftOutOfManifestsCountsAndTheLedgerFile() {
        sampleBucketWithETags();
        LoadedObjects loaded = new LoadedObjects().add(uri(SONG_1), "e-song-1").add(uri(LOG_11), "e-log-11");

        RunPlan plan = planner.plan(FULL, "run-2", loaded);

        assertThat(plan).isEqualTo(new RunPlan("run-2", "manual", false,
                new DatasetPlan(manifestUri("run-2", "songs"), 1, 240),
                new DatasetPlan(manifestUri("run-2", "events"), 1, 2345)));
        assertThat(work.text("manifests/run-2/songs.manifest")).isEqualTo(manifestOf(SONG_2));
        assertThat(work.text("manifests/run-2/events.manifest")).isEqualTo(manifestOf(LOG_12));
        assertThat(work.text(ledgerKey("run-2"))).isEqualTo(
                ledgerLine("songs", SONG_2, "e-song-2", 240) + ledgerLine("events", LOG_12, "e-log-12", 2345));
    }

    @Test
    void anObjectIsLoadedOnlyWithTheSameUriAndETag() {
        sampleBucketWithETags();
        LoadedObjects loaded = new LoadedObjects()
                .add(uri(SONG_1), "e-song-1-before-it-changed")            // rewritten since: new
                .add(uri(SONG_2), "e-song-2")                              // loaded
                .add(uri(LOG_11), "e-log-11")                              // loaded
                .add("s3://someone-elses-bucket/" + LOG_12, "e-log-12");   // same key and ETag, other bucket: new

        RunPlan plan = planner.plan(FULL, "run-3", loaded);

        assertThat(plan.songs()).isEqualTo(new DatasetPlan(manifestUri("run-3", "songs"), 1, 261));
        assertThat(plan.events()).isEqualTo(new DatasetPlan(manifestUri("run-3", "events"), 1, 2345));
        assertThat(work.text("manifests/run-3/songs.manifest")).isEqualTo(manifestOf(SONG_1));
        assertThat(work.text("manifests/run-3/events.manifest")).isEqualTo(manifestOf(LOG_12));
        assertThat(work.text(ledgerKey("run-3"))).isEqualTo(
                ledgerLine("songs", SONG_1, "e-song-1", 261) + ledgerLine("events", LOG_12, "e-log-12", 2345));
    }

    @Test
    void whenTheLedgerHoldsEverythingAScheduledRunPlansNothingAndWritesAnEmptyLedgerFile() {
        sampleBucketWithETags();
        LoadedObjects loaded = new LoadedObjects().add(uri(SONG_1), "e-song-1").add(uri(SONG_2), "e-song-2")
                .add(uri(LOG_11), "e-log-11").add(uri(LOG_12), "e-log-12");

        RunPlan plan = planner.plan(new RunInput.Scheduled(new ScheduledEvent()), "sched-2", loaded);

        assertThat(plan).isEqualTo(new RunPlan("sched-2", "schedule", false, DatasetPlan.NOTHING, DatasetPlan.NOTHING));
        assertThat(work.contents()).containsExactly(java.util.Map.entry("manifests/sched-2/ledger.json", ""));
    }

    @Test
    void replayedLogEventPlansNothingAndARewrittenLogIsPlannedAgain() throws IOException {
        sampleBucketWithETags();
        RunInput event = new RunInput.ObjectCreated(DATA, LOG_12, 2345, "e-log-12");
        RunPlan first = planner.plan(event, "s3-first");
        LoadedObjects loaded = recorded(work.text(ledgerKey("s3-first")));

        RunPlan replay = planner.plan(event, "s3-replay", loaded);

        assertThat(first.events()).isEqualTo(new DatasetPlan(manifestUri("s3-first", "events"), 1, 2345));
        assertThat(replay).isEqualTo(new RunPlan("s3-replay", "s3", false, DatasetPlan.NOTHING, DatasetPlan.NOTHING));
        assertThat(work.keys()).containsExactly("manifests/s3-first/events.manifest", "manifests/s3-first/ledger.json",
                "manifests/s3-replay/ledger.json");
        assertThat(work.text(ledgerKey("s3-replay"))).isEmpty();

        // the file is uploaded again with other content: a new ETag, so a new object to load
        data.putSized(LOG_12, 2400, "e-log-12-v2");
        RunPlan rewritten = planner.plan(new RunInput.ObjectCreated(DATA, LOG_12, 2400, "e-log-12-v2"), "s3-v2", loaded);

        assertThat(rewritten).isEqualTo(new RunPlan("s3-v2", "s3", false, DatasetPlan.NOTHING,
                new DatasetPlan(manifestUri("s3-v2", "events"), 1, 2400)));
        assertThat(work.text(ledgerKey("s3-v2"))).isEqualTo(ledgerLine("events", LOG_12, "e-log-12-v2", 2400));
    }

    @Test
    void replayedSongEventPlansNothing() {
        sampleBucketWithETags();

        RunPlan replay = planner.plan(new RunInput.ObjectCreated(DATA, SONG_2, 240, "e-song-2"), "s3-song-again",
                new LoadedObjects().add(uri(SONG_2), "e-song-2"));

        assertThat(replay).isEqualTo(new RunPlan("s3-song-again", "s3", false, DatasetPlan.NOTHING, DatasetPlan.NOTHING));
        assertThat(work.contents()).containsExactly(java.util.Map.entry("manifests/s3-song-again/ledger.json", ""));
    }

    @Test
    void runsThatFollowEachOtherLoadEveryObjectExactlyOnce() throws IOException {
        sampleBucketWithETags();

        // a log lands (event run), then the schedule fires, then it fires again
        RunPlan event = planner.plan(new RunInput.ObjectCreated(DATA, LOG_12, 2345, "e-log-12"), "a",
                recorded());
        RunPlan schedule = planner.plan(new RunInput.Scheduled(new ScheduledEvent()), "b",
                recorded(work.text(ledgerKey("a"))));
        RunPlan again = planner.plan(new RunInput.Scheduled(new ScheduledEvent()), "c",
                recorded(work.text(ledgerKey("a")), work.text(ledgerKey("b"))));

        assertThat(event.events().objects()).isEqualTo(1);
        assertThat(schedule).isEqualTo(new RunPlan("b", "schedule", false,
                new DatasetPlan(manifestUri("b", "songs"), 2, 501),
                new DatasetPlan(manifestUri("b", "events"), 1, 1000)));
        assertThat(work.text("manifests/b/events.manifest")).isEqualTo(manifestOf(LOG_11));
        assertThat(again).isEqualTo(new RunPlan("c", "schedule", false, DatasetPlan.NOTHING, DatasetPlan.NOTHING));
        List<String> everyLine = new ArrayList<>();
        for (String run : List.of("a", "b", "c")) {
            everyLine.addAll(work.text(ledgerKey(run)).lines().toList());
        }
        assertThat(everyLine).containsExactlyInAnyOrder(
                ledgerLine("events", LOG_12, "e-log-12", 2345).strip(),
                ledgerLine("songs", SONG_1, "e-song-1", 261).strip(),
                ledgerLine("songs", SONG_2, "e-song-2", 240).strip(),
                ledgerLine("events", LOG_11, "e-log-11", 1000).strip());
    }

    @Test
    void backfillLeavesOutTheDaysTheLedgerHolds() {
        data.putSized(SONG_1, 261, "e-song-1");
        for (int day = 5; day <= 7; day++) {
            data.putSized(String.format("log_data/2018/11/2018-11-%02d-events.json", day), day, "e-day-" + day);
        }
        LoadedObjects loaded = new LoadedObjects().add(uri(SONG_1), "e-song-1")
                .add(uri("log_data/2018/11/2018-11-06-events.json"), "e-day-6");

        RunPlan plan = planner.plan(new Manual(Mode.BACKFILL, LocalDate.of(2018, 11, 5), LocalDate.of(2018, 11, 7)),
                "backfill-2", loaded);

        assertThat(plan.songs()).isEqualTo(DatasetPlan.NOTHING);
        assertThat(plan.events()).isEqualTo(new DatasetPlan(manifestUri("backfill-2", "events"), 2, 5 + 7));
        assertThat(work.text("manifests/backfill-2/events.manifest")).isEqualTo(manifestOf(
                "log_data/2018/11/2018-11-05-events.json", "log_data/2018/11/2018-11-07-events.json"));
        assertThat(work.text(ledgerKey("backfill-2"))).isEqualTo(
                ledgerLine("events", "log_data/2018/11/2018-11-05-events.json", "e-day-5", 5)
                        + ledgerLine("events", "log_data/2018/11/2018-11-07-events.json", "e-day-7", 7));
    }

    @Test
    void planningARunAgainReplacesItsLedgerFile() {
        sampleBucketWithETags();
        planner.plan(FULL, "run-1");
        assertThat(work.text(ledgerKey("run-1")).lines()).hasSize(4);

        planner.plan(FULL, "run-1", new LoadedObjects().add(uri(SONG_1), "e-song-1").add(uri(SONG_2), "e-song-2")
                .add(uri(LOG_11), "e-log-11"));

        assertThat(work.text(ledgerKey("run-1"))).isEqualTo(ledgerLine("events", LOG_12, "e-log-12", 2345));
    }

    @Test
    void anObjectWithoutAnETagIsWrittenWithANullETag() {
        data.putSized(SONG_1, 5, null);

        planner.plan(FULL, "r");

        assertThat(work.text(ledgerKey("r"))).isEqualTo("{\"dataset\":\"songs\",\"object_uri\":\"" + uri(SONG_1)
                + "\",\"etag\":null,\"object_size\":5}\n");
    }

    @Test
    void theTwoArgumentPlanIsAPlanWithAnEmptyLedger() {
        sampleBucketWithETags();

        RunPlan plan = planner.plan(FULL, "r");

        assertThat(plan).isEqualTo(planner.plan(FULL, "r", new LoadedObjects()));
        assertThat(LoadedObjects.NONE.size()).isZero();
    }

    // ---- what a manifest says can be read back ----

    @Test
    void manifestParsesBackToTheListedKeys() throws IOException {
        sampleBucket();
        planner.plan(FULL, "r");

        JsonNode manifest = MAPPER.readTree(work.text("manifests/r/events.manifest"));

        assertThat(manifest.get("entries").findValuesAsText("url"))
                .isEqualTo(List.of("s3://sparkify-local/" + LOG_11, "s3://sparkify-local/" + LOG_12));
    }
}
