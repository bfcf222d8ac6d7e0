package com.sparkify.dwh.pipeline;

import com.sparkify.dwh.run.RunPlan;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementState;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A warehouse that recognises each script of {@code sql/} by its exact rendered text, answers
 * STARTED for a few polls and then what the test planned, and records a timeline of what was asked.
 */
final class FakeWarehouse implements Warehouse {

    /** What one script does when submitted. */
    static final class Plan {
        StatementState end = StatementState.FINISHED;
        String error;
        int polls = 2;
        /** resultRows of each sub-statement once FINISHED; -1 when absent. */
        long[] rows = new long[0];
        /** The result of the last (sub-)statement. */
        QueryResult result;
        RuntimeException submitError;
    }

    private record Submission(String id, String script, List<String> sqls, boolean batch) {
    }

    final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<String>> known = new LinkedHashMap<>();
    private final Map<String, Plan> plans = new HashMap<>();
    private final Map<String, Submission> submissions = new HashMap<>();
    private final Map<String, Integer> polled = new HashMap<>();
    private int next;

    FakeWarehouse(SqlCatalog catalog, CopySettings copy, RunPlan run) {
        for (String script : List.of("create_tables", "load_users", "load_songs", "load_artists",
                "load_songplays", "load_time", "check_quality", "table_counts")) {
            known.put(script, catalog.render(script));
        }
        known.put("stage_songs", catalog.render("stage_songs",
                params(copy, run.songs().manifest(), CopySettings.AUTO_IGNORECASE)));
        known.put("stage_events", catalog.render("stage_events",
                params(copy, run.events().manifest(), copy.logJsonFormat())));
        plan("stage_songs").result = copyFigures(71, 0);
        plan("stage_events").result = copyFigures(8056, 3);
        plan("stage_songs").rows = new long[] {-1, 71, 1};
        plan("stage_events").rows = new long[] {-1, 8056, 1};
        plan("load_users").rows = new long[] {0, 97};
        plan("load_songs").rows = new long[] {0, 71};
        plan("load_artists").rows = new long[] {0, 69};
        plan("load_songplays").rows = new long[] {6820};
        plan("load_time").rows = new long[] {6813};
        checks(Map.of());
        plan("table_counts").result = new QueryResult(List.of("table_name", "row_count"), List.of(
                List.of("staging_events", 8056L), List.of("songplays", 6820L), List.of("time", "6813")));
    }

    private static Map<String, Object> params(CopySettings copy, String manifest, String jsonFormat) {
        return Map.of("manifest", manifest, "iam_role", copy.iamRole(), "region", copy.region(),
                "json_format", jsonFormat, "max_errors", copy.maxErrors());
    }

    static QueryResult copyFigures(long loaded, long rejected) {
        return new QueryResult(List.of("rows_loaded", "rows_rejected"), List.of(List.of(loaded, rejected)));
    }

    /** Plans the check query's result: every check at 0 but those given. */
    void checks(Map<String, Long> violations) {
        List<List<Object>> rows = new ArrayList<>();
        for (String check : List.of("songplays_null_key", "songplays_duplicate_key", "users_duplicate_key",
                "songs_duplicate_key", "time_parts_mismatch")) {
            rows.add(List.of(check, violations.getOrDefault(check, 0L)));
        }
        plan("check_quality").result = new QueryResult(List.of("check_name", "violations"), rows);
    }

    Plan plan(String script) {
        return plans.computeIfAbsent(script, s -> new Plan());
    }

    void fail(String script, String error) {
        plan(script).end = StatementState.FAILED;
        plan(script).error = error;
    }

    /** The scripts submitted, in order. */
    List<String> submitted() {
        return timeline.stream().filter(e -> e.startsWith("submit ")).map(e -> e.substring(7)).toList();
    }

    int indexOf(String event) {
        int index = timeline.indexOf(event);
        if (index < 0) {
            throw new AssertionError("no event '" + event + "' in " + timeline);
        }
        return index;
    }

    private synchronized String submit(List<String> sqls, boolean batch) {
        String script = known.entrySet().stream().filter(e -> e.getValue().equals(sqls)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("unexpected SQL submitted: " + sqls));
        timeline.add("submit " + script);
        Plan plan = plan(script);
        if (plan.submitError != null) {
            throw plan.submitError;
        }
        String id = script + "-" + (++next);
        submissions.put(id, new Submission(id, script, List.copyOf(sqls), batch));
        return id;
    }

    @Override
    public String executeStatement(String sql) {
        return submit(List.of(sql), false);
    }

    @Override
    public String batchExecuteStatement(List<String> sqls, String clientToken) {
        return submit(sqls, true);
    }

    private Submission find(String id) {
        Submission submission = submissions.get(id);
        if (submission == null) {
            throw new WarehouseException("no statement " + id);
        }
        return submission;
    }

    @Override
    public synchronized StatementDescription describeStatement(String id) {
        if (id.contains(":")) {
            throw new AssertionError("the runner described a sub-statement: " + id);
        }
        Submission submission = find(id);
        Plan plan = plan(submission.script());
        int polls = polled.merge(id, 1, Integer::sum);
        if (polls <= plan.polls) {
            return new StatementDescription(id, polls == 1 ? StatementState.SUBMITTED : StatementState.STARTED,
                    null, -1, false, 0, List.of());
        }
        if (polls == plan.polls + 1) {
            timeline.add((plan.end == StatementState.FINISHED ? "finished " : "failed ") + submission.script());
        }
        List<StatementDescription> subs = new ArrayList<>();
        int count = submission.sqls().size();
        int failing = plan.end == StatementState.FINISHED ? count : count - 1;
        for (int i = 0; i < count && submission.batch(); i++) {
            StatementState state = i < failing ? StatementState.FINISHED
                    : i == failing ? plan.end : StatementState.ABORTED;
            long rows = state == StatementState.FINISHED && i < plan.rows.length ? plan.rows[i] : -1;
            subs.add(new StatementDescription(id + ":" + (i + 1), state, i == failing ? plan.error : null, rows,
                    i == count - 1 && plan.result != null, 0, List.of()));
        }
        long rows = !submission.batch() && plan.rows.length > 0 ? plan.rows[0] : -1;
        return new StatementDescription(id, plan.end, plan.error, rows, plan.result != null, 1000, subs);
    }

    @Override
    public synchronized QueryResult getStatementResult(String id) {
        String base = id.contains(":") ? id.substring(0, id.indexOf(':')) : id;
        Submission submission = find(base);
        timeline.add("result " + submission.script() + (id.contains(":") ? id.substring(id.indexOf(':')) : ""));
        if (submission.batch() && !id.equals(base + ":" + submission.sqls().size())) {
            throw new WarehouseException("no result set for " + id);
        }
        QueryResult result = plan(submission.script()).result;
        if (result == null) {
            throw new WarehouseException("no result set for " + id);
        }
        return result;
    }

    @Override
    public synchronized void cancelStatement(String id) {
        timeline.add("cancel " + find(id).script());
    }
}
