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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a run's input into the objects it loads, and writes them as COPY manifests. Object keys from
 * events only ever reach a manifest (JSON), never SQL: the SQL names the manifest, which the pipeline
 * itself named.
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

    public RunPlan plan(RunInput input, String runId) {
        // "." and ".." are path segments: a manifest key must never name the folder or its parent.
        if (runId == null || !RUN_ID.matcher(runId).matches() || runId.chars().allMatch(c -> c == '.')) {
            throw new IllegalArgumentException("run id must be 1-80 letters, digits, '.', '_' or '-', not only dots; got \""
                    + runId + "\"");
        }
        if (input instanceof RunInput.Manual manual) {
            return planManual(runId, manual);
        }
        if (input instanceof RunInput.ObjectCreated created) {
            return planObject(runId, created);
        }
        return new RunPlan(runId, "schedule", false, dataset(runId, "songs", listed(settings.songPrefix())),
                dataset(runId, "events", listed(settings.logPrefix())));
    }

    private RunPlan planManual(String runId, RunInput.Manual manual) {
        List<ObjectSummary> songs = listed(settings.songPrefix());
        List<ObjectSummary> events = listed(settings.logPrefix());
        if (manual.mode() == RunInput.Manual.Mode.BACKFILL) {
            events = events.stream().filter(object -> within(object.key(), manual.from(), manual.to())).toList();
        }
        return new RunPlan(runId, "manual", manual.mode() == RunInput.Manual.Mode.RESET,
                dataset(runId, "songs", songs), dataset(runId, "events", events));
    }

    /**
     * A new log file loads that file, with every song so its plays can find them; a new song file loads
     * that song alone.
     */
    private RunPlan planObject(String runId, RunInput.ObjectCreated created) {
        if (!created.bucket().equals(settings.dataBucket())) {
            throw new IllegalArgumentException("the event names bucket " + created.bucket()
                    + ", but this pipeline loads s3://" + settings.dataBucket() + "/");
        }
        ObjectSummary object = find(created.key());
        if (object.key().endsWith("/") || object.size() == 0) {
            // A console "folder" or an empty file: nothing to load, as a full run would skip it.
            return new RunPlan(runId, "s3", false, DatasetPlan.NOTHING, DatasetPlan.NOTHING);
        }
        if (object.key().startsWith(settings.logPrefix())) {
            return new RunPlan(runId, "s3", false, dataset(runId, "songs", listed(settings.songPrefix())),
                    dataset(runId, "events", List.of(object)));
        }
        if (object.key().startsWith(settings.songPrefix())) {
            return new RunPlan(runId, "s3", false, dataset(runId, "songs", List.of(object)), DatasetPlan.NOTHING);
        }
        throw new IllegalArgumentException("the event's object " + S3Uri.of(created.bucket(), object.key())
                + " is under neither " + settings.songPrefix() + " nor " + settings.logPrefix());
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

    /** Objects under a prefix that hold data: not folder markers, not empty. */
    private List<ObjectSummary> listed(String prefix) {
        return data.list(prefix).stream()
                .filter(object -> !object.key().endsWith("/") && object.size() > 0)
                .toList();
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

    /** Writes the manifest of a dataset's objects; nothing for no objects. */
    private DatasetPlan dataset(String runId, String name, List<ObjectSummary> objects) {
        if (objects.isEmpty()) {
            return DatasetPlan.NOTHING;
        }
        ObjectNode manifest = mapper.createObjectNode();
        ArrayNode entries = manifest.putArray("entries");
        long bytes = 0;
        for (ObjectSummary object : objects) {
            // mandatory: an object listed a moment ago that vanished is an error, not a silent gap.
            entries.addObject().put("url", S3Uri.of(settings.dataBucket(), object.key()).toString())
                    .put("mandatory", true);
            bytes += object.size();
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
