package com.sparkify.dwh.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.dwh.store.ObjectStore;
import com.sparkify.dwh.store.ObjectSummary;
import com.sparkify.dwh.store.S3Uri;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a run's input into the objects it loads, leaves out those the ledger already holds, and writes
 * them as COPY manifests, with the run's ledger file. Object keys from events only ever reach a
 * manifest or the ledger file (JSON), never SQL: the SQL names files the pipeline itself named.
 */
public final class RunPlanner {

    /** Execution names become manifest keys: keep them to characters that need no escaping anywhere. */
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    private static final Pattern LOG_DAY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[^/]*$");

    private final ObjectStore data;
    private final ObjectStore work;
    private final PlannerSettings settings;
    private final ObjectMapper mapper;

    public RunPlanner(ObjectStore data, ObjectStore work, PlannerSettings settings, ObjectMapper mapper) {
        this.data = data;
        this.work = work;
        this.settings = settings;
        this.mapper = mapper;
    }

    /** Plans with an empty ledger: everything the input names is new. */
    public RunPlan plan(RunInput input, String runId) {
        return plan(input, runId, LoadedObjects.NONE);
    }

    /**
     * Plans the objects the input names that the ledger does not hold yet (same key and ETag): the
     * scheduled and full runs everything under the prefixes, a backfill the log days in its range, an
     * S3 event its one object. Writes their manifests and the run's ledger file, one JSON line per planned
     * object, which the ledger step records once the run has loaded them.
     */
    public RunPlan plan(RunInput input, String runId, LoadedObjects loaded) {
        // "." and ".." are path segments: a manifest key must never name the folder or its parent.
        if (runId == null || !RUN_ID.matcher(runId).matches() || runId.chars().allMatch(c -> c == '.')) {
            throw new IllegalArgumentException("run id must be 1-80 letters, digits, '.', '_' or '-', not only dots; got \""
                    + runId + "\"");
        }
        Planning planning = new Planning(runId, loaded);
        RunPlan plan = planning.plan(input);
        work.write(ledgerKey(runId), planning.ledgerLines.toString().getBytes(StandardCharsets.UTF_8));
        return plan;
    }

    /** Where a run's ledger file is. */
    public String ledgerFile(String runId) {
        return ledgerFile(settings, runId);
    }

    /** Where a run's ledger file is, from the settings alone: the ledger step needs no bucket client. */
    public static String ledgerFile(PlannerSettings settings, String runId) {
        return S3Uri.of(settings.workBucket(), ledgerKey(settings, runId)).toString();
    }

    private String ledgerKey(String runId) {
        return ledgerKey(settings, runId);
    }

    private static String ledgerKey(PlannerSettings settings, String runId) {
        return settings.workPrefix() + runId + "/ledger.json";
    }

    /** One planning: the run, what the ledger holds, and the ledger lines of what is planned. */
    private final class Planning {
        private final String runId;
        private final LoadedObjects loaded;
        private final StringBuilder ledgerLines = new StringBuilder();

        Planning(String runId, LoadedObjects loaded) {
            this.runId = runId;
            this.loaded = loaded;
        }

        RunPlan plan(RunInput input) {
            if (input instanceof RunInput.Manual manual) {
                return planManual(manual);
            }
            if (input instanceof RunInput.ObjectCreated created) {
                return planObject(created);
            }
            return new RunPlan(runId, "schedule", false, dataset("songs", listed(settings.songPrefix())),
                    dataset("events", listed(settings.logPrefix())));
        }

        private RunPlan planManual(RunInput.Manual manual) {
            List<ObjectSummary> songs = listed(settings.songPrefix());
            List<ObjectSummary> events = listed(settings.logPrefix());
            if (manual.mode() == RunInput.Manual.Mode.BACKFILL) {
                events = events.stream().filter(object -> within(object.key(), manual.from(), manual.to())).toList();
            }
            return new RunPlan(runId, "manual", manual.mode() == RunInput.Manual.Mode.RESET,
                    dataset("songs", songs), dataset("events", events));
        }

        /**
         * A new object loads that object alone: a log file's plays are matched against every song loaded so
         * far (the song history), a song file's song is found for the plays loaded before it.
         */
        private RunPlan planObject(RunInput.ObjectCreated created) {
            if (!created.bucket().equals(settings.dataBucket())) {
                throw new IllegalArgumentException("the event names bucket " + created.bucket()
                        + ", but this pipeline loads s3://" + settings.dataBucket() + "/");
            }
            ObjectSummary object = find(created.key());
            boolean log = object.key().startsWith(settings.logPrefix());
            if (!log && !object.key().startsWith(settings.songPrefix())) {
                throw new IllegalArgumentException("the event's object " + S3Uri.of(created.bucket(), object.key())
                        + " is under neither " + settings.songPrefix() + " nor " + settings.logPrefix());
            }
            if (object.key().endsWith("/") || object.size() == 0 || !isNew(object)) {
                // A console "folder", an empty file, or an object already loaded (a replayed event): nothing to do.
                return new RunPlan(runId, "s3", false, DatasetPlan.NOTHING, DatasetPlan.NOTHING);
            }
            return log ? new RunPlan(runId, "s3", false, DatasetPlan.NOTHING, dataset("events", List.of(object)))
                    : new RunPlan(runId, "s3", false, dataset("songs", List.of(object)), DatasetPlan.NOTHING);
        }

        /** Objects under a prefix that hold data (not folder markers, not empty) and are not loaded yet. */
        private List<ObjectSummary> listed(String prefix) {
            return data.list(prefix).stream()
                    .filter(object -> !object.key().endsWith("/") && object.size() > 0)
                    .filter(this::isNew)
                    .toList();
        }

        private boolean isNew(ObjectSummary object) {
            return !loaded.contains(S3Uri.of(settings.dataBucket(), object.key()).toString(), object.eTag());
        }

        /** Writes the manifest of a dataset's objects and their ledger lines; nothing for no objects. */
        private DatasetPlan dataset(String name, List<ObjectSummary> objects) {
            if (objects.isEmpty()) {
                return DatasetPlan.NOTHING;
            }
            ObjectNode manifest = mapper.createObjectNode();
            ArrayNode entries = manifest.putArray("entries");
            long bytes = 0;
            for (ObjectSummary object : objects) {
                String uri = S3Uri.of(settings.dataBucket(), object.key()).toString();
                // mandatory: an object listed a moment ago that vanished is an error, not a silent gap.
                entries.addObject().put("url", uri).put("mandatory", true);
                bytes += object.size();
                ledgerLines.append(mapper.createObjectNode().put("dataset", name).put("object_uri", uri)
                        .put("etag", object.eTag()).put("object_size", object.size())).append('\n');
            }
            String key = settings.workPrefix() + runId + "/" + name + ".manifest";
            try {
                work.write(key, mapper.writeValueAsBytes(manifest));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write manifest " + key, e);
            }
            return new DatasetPlan(S3Uri.of(settings.workBucket(), key).toString(), objects.size(), bytes);
        }
    }

    /**
     * The event's object as the bucket lists it. S3 notifications URL-encode keys ('a b' as 'a+b');
     * whether EventBridge does is not documented, so the key is tried as given, then decoded.
     */
    private ObjectSummary find(String key) {
        Optional<ObjectSummary> exact = exactly(key);
        if (exact.isPresent()) {
            return exact.get();
        }
        String decoded = decoded(key);
        return exactly(decoded).orElseThrow(() -> new IllegalArgumentException("the event's object "
                + S3Uri.of(settings.dataBucket(), key) + " does not exist (any more)"
                + (decoded.equals(key) ? "" : ", nor does " + S3Uri.of(settings.dataBucket(), decoded))));
    }

    /** The key URL-decoded; as given when it is no valid encoding (a literal '%' not followed by hex). */
    private static String decoded(String key) {
        try {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return key;
        }
    }

    private Optional<ObjectSummary> exactly(String key) {
        return data.list(key).stream().filter(object -> object.key().equals(key)).findFirst();
    }

    private static boolean within(String key, LocalDate from, LocalDate to) {
        Matcher day = LOG_DAY.matcher(key);
        if (!day.find()) {
            return false;
        }
        try {
            LocalDate date = LocalDate.parse(day.group(1));
            return !date.isBefore(from) && !date.isAfter(to);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
