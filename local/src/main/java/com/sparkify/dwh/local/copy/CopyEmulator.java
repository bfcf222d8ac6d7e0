package com.sparkify.dwh.local.copy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sparkify.dwh.store.ObjectNotFoundException;
import com.sparkify.dwh.store.ObjectStore;
import com.sparkify.dwh.store.S3Uri;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Runs a Redshift COPY against DuckDB. Every object is read and every record converted as Redshift
 * would; good rows go through DuckDB's appender into a private temporary table and from there into the
 * target in one INSERT, inside the caller's transaction: the COPY loads every good row or none.
 * Rejected rows are recorded in stl_load_errors; once there are more than MAXERROR of them the COPY
 * fails with the first bad object and line.
 */
public final class CopyEmulator {

    private static final Pattern GLOB = Pattern.compile("[*?\\[\\]{}\\\\]");
    private static final Pattern LENGTH_CHECK = Pattern.compile("strlen\\(\"?(.+?)\"?\\) <= (\\d+)");

    private final CopySources sources;
    private final ObjectMapper mapper;
    private final JsonFactory factory;
    private final boolean typedColumns;

    public CopyEmulator(Function<String, ObjectStore> buckets) {
        this(buckets, true);
    }

    /**
     * With {@code typedColumns} false the fast path reads every column as JSON, never typed: the tests
     * run both ways, so both readings are held to the Java path.
     */
    CopyEmulator(Function<String, ObjectStore> buckets, boolean typedColumns) {
        this.typedColumns = typedColumns;
        // Exact decimals: a number loaded into a text column keeps the digits the file wrote.
        this.mapper = JsonMapper.builder()
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        this.factory = mapper.getFactory();
        this.sources = new CopySources(buckets, mapper);
    }

    /**
     * What a finished COPY did: pg_last_copy_id(), pg_last_copy_count(), the rows it rejected, whether
     * DuckDB's own reader loaded them (the fast path) or the Java path did, and which columns the fast
     * path had to read as JSON rather than typed (the slower way; empty on the Java path).
     */
    public record CopyResult(long queryId, long rowsLoaded, long rowsRejected, boolean fastPath,
                             List<String> columnsReadAsJson) {
    }

    /**
     * Runs the COPY in {@code transaction}. With {@code fastPath}, DuckDB's own reader loads when the
     * input allows; when it declines, having started writing, it throws {@link FastPathDeclined}: the
     * caller rolls the transaction back and runs its batch again without the fast path.
     */
    public CopyResult execute(CopyCommand command, DuckDBConnection transaction, LoadErrorLog errorLog,
                              boolean fastPath) throws SQLException {
        Target target = describeTarget(transaction, command);
        ValueConverter converter = new ValueConverter(command);
        RecordMapper recordMapper = command.jsonPaths() == null
                ? new AutoRecordMapper(factory, target.columns(), converter, command.ignoreCase())
                : jsonPathsMapper(command.jsonPaths(), target.columns(), converter);
        List<S3Uri> objects = sources.resolve(command);

        long queryId = errorLog.nextQueryId();
        LocalDateTime started = LocalDateTime.now(ZoneOffset.UTC);
        CopyResult fast = fastPath ? tryNative(command, target, objects, transaction, errorLog, queryId, started) : null;
        if (fast != null) {
            return fast;
        }
        String scratch = "__copy_" + queryId;
        String columnList = columnList(target.columns());
        try (Statement statement = transaction.createStatement()) {
            statement.execute("CREATE TEMP TABLE " + scratch + " AS SELECT " + columnList + " FROM "
                    + target.qualifiedName() + " LIMIT 0");
        }
        List<LoadError> errors = new ArrayList<>();
        long loaded = 0;
        List<LoadErrorLog.FileCommit> commits = new ArrayList<>();
        try (DuckDBAppender appender = transaction.createAppender("temp", "main", scratch)) {
            for (S3Uri object : objects) {
                int errorsBefore = errors.size();
                long fromObject = load(object, recordMapper, target, appender, errors, command.maxErrors(), queryId, started);
                loaded += fromObject;
                int rejected = errors.size() - errorsBefore;
                commits.add(new LoadErrorLog.FileCommit(queryId, object.toString(), fromObject + rejected, rejected, started));
                if (errors.size() > command.maxErrors()) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new CopyException("COPY into " + command.table() + ": cannot read input: " + e.getMessage(), e);
        }
        if (errors.size() > command.maxErrors()) {
            // Kept apart from the failing transaction, so the record survives its rollback, as in Redshift.
            errorLog.record(errors);
            throw new CopyException("Load into table '" + command.table() + "' failed: more than MAXERROR "
                    + command.maxErrors() + " rows rejected; first: " + errors.get(0).describe()
                    + ". Check 'stl_load_errors' (query " + queryId + ") for details.");
        }
        try (Statement statement = transaction.createStatement()) {
            statement.execute("INSERT INTO " + target.qualifiedName() + " (" + columnList + ") SELECT "
                    + columnList + " FROM " + scratch);
            statement.execute("DROP TABLE " + scratch);
        }
        // Inside the transaction: the batch's own snapshot must see them (pg_last_copy_id() queries).
        errorLog.record(errors, transaction);
        errorLog.recordCommits(commits, transaction);
        return new CopyResult(queryId, loaded, errors.size(), false, List.of());
    }

    /** DuckDB's own JSON reader, when it applies; null when the Java path must run. */
    private CopyResult tryNative(CopyCommand command, Target target, List<S3Uri> objects, DuckDBConnection transaction,
                                 LoadErrorLog errorLog, long queryId, LocalDateTime started) throws SQLException {
        if (!NativeJsonLoad.applies(command, target.columns())) {
            return null;
        }
        List<java.nio.file.Path> files = sources.localFiles(objects);
        // DuckDB reads a path as a glob pattern; an object listed twice is one file to it, and two
        // stl_load_commits rows in Redshift. Both are rare: the Java path loads them.
        if (files == null || new java.util.HashSet<>(files).size() != files.size()
                || files.stream().anyMatch(file -> GLOB.matcher(file.toString()).find())) {
            return null;
        }
        StrictJsonCheck.Survey survey;
        List<String> readAsJson;
        // DuckDB would read the bundle's path as a pattern too: no bundle where it would be one.
        String temporary = System.getProperty("java.io.tmpdir");
        try (SmallFileBundle bundle = new SmallFileBundle(
                GLOB.matcher(temporary).find() ? null : java.nio.file.Path.of(temporary))) {
            survey = StrictJsonCheck.survey(factory, files, bundle);
            if (survey == null) {
                return null;
            }
            // What DuckDB reads: the bundle of the small files (none when it failed), and each other file,
            // those with an object per line apart: DuckDB reads them faster, and in parallel within a file.
            List<java.nio.file.Path> lines = new ArrayList<>();
            List<java.nio.file.Path> others = new ArrayList<>();
            java.nio.file.Path bundled = bundle.finish();
            if (bundled != null) {
                (bundle.newlineDelimited() ? lines : others).add(bundled);
            }
            for (int i = 0; i < files.size(); i++) {
                if (bundled == null || !survey.bundled()[i]) {
                    (survey.newlineDelimited()[i] ? lines : others).add(files.get(i));
                }
            }
            readAsJson = NativeJsonLoad.load(command, target.columns(), target.qualifiedName(), lines, others,
                    survey, typedColumns, transaction);
        }
        List<LoadErrorLog.FileCommit> commits = new ArrayList<>();
        long loaded = 0;
        for (int i = 0; i < objects.size(); i++) {
            long rows = survey.records()[i];
            commits.add(new LoadErrorLog.FileCommit(queryId, objects.get(i).toString(), rows, 0, started));
            loaded += rows;
        }
        errorLog.recordCommits(commits, transaction);
        return new CopyResult(queryId, loaded, 0, true, readAsJson);
    }

    private long load(S3Uri object, RecordMapper recordMapper, Target target, DuckDBAppender appender,
                      List<LoadError> errors, int maxErrors, long queryId, LocalDateTime started)
            throws IOException, SQLException {
        long loaded = 0;
        String fileName = object.toString();
        try (InputStream in = sources.open(object)) {
            JsonRecordSplitter splitter = new JsonRecordSplitter(in, fileName);
            JsonRecordSplitter.Piece piece;
            while ((piece = splitter.next()) != null) {
                if (piece instanceof JsonRecordSplitter.Garbage garbage) {
                    errors.add(new LoadError(queryId, target.tableId(), started, fileName, garbage.lastLine(),
                            "", "", "", 0, garbage.text(), "", LoadErrorCodes.INVALID_INPUT, garbage.reason()));
                } else {
                    JsonRecordSplitter.Record record = (JsonRecordSplitter.Record) piece;
                    try {
                        append(appender, recordMapper.map(record), target.columns());
                        loaded++;
                    } catch (RowRejectedException rejected) {
                        errors.add(new LoadError(queryId, target.tableId(), started, fileName, record.lastLine(),
                                rejected.column(), rejected.columnType(), lengthOf(target, rejected.column()), 0,
                                record.text(), rejected.rawValue(), rejected.errorCode(), rejected.reason()));
                    }
                }
                if (errors.size() > maxErrors) {
                    return loaded;
                }
            }
        } catch (ObjectNotFoundException e) {
            throw new CopyException("COPY: object " + fileName + " disappeared while loading: " + e.getMessage());
        }
        return loaded;
    }

    private static String lengthOf(Target target, String column) {
        for (TargetColumn c : target.columns()) {
            if (c.name().equals(column) && c.maxBytes() > 0) {
                return Integer.toString(c.maxBytes());
            }
        }
        return "";
    }

    private static void append(DuckDBAppender appender, Object[] values, TargetColumn[] columns) throws SQLException {
        appender.beginRow();
        for (Object value : values) {
            if (value == null) {
                appender.appendNull();
            } else if (value instanceof String text) {
                appender.append(text);
            } else if (value instanceof Integer number) {
                appender.append(number.intValue());
            } else if (value instanceof Long number) {
                appender.append(number.longValue());
            } else if (value instanceof Short number) {
                appender.append(number.shortValue());
            } else if (value instanceof Double number) {
                appender.append(number.doubleValue());
            } else if (value instanceof Float number) {
                appender.append(number.floatValue());
            } else if (value instanceof BigDecimal number) {
                appender.append(number);
            } else if (value instanceof Boolean bool) {
                appender.append(bool.booleanValue());
            } else if (value instanceof LocalDateTime timestamp) {
                appender.append(timestamp);
            } else if (value instanceof OffsetDateTime timestamp) {
                appender.append(timestamp);
            } else if (value instanceof LocalDate date) {
                appender.append(date);
            } else {
                throw new IllegalStateException("no way to append " + value.getClass() + " for " + columns.length + " columns");
            }
        }
        appender.endRow();
    }

    private RecordMapper jsonPathsMapper(S3Uri file, TargetColumn[] columns, ValueConverter converter) {
        JsonNode root;
        try (InputStream in = sources.open(file)) {
            // "It fails if ... There is more than one JSON object ... Any characters except white space exist
            // outside the object": nothing may follow the object.
            root = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(in);
        } catch (ObjectNotFoundException e) {
            throw new CopyException("jsonpaths file " + file + " does not exist");
        } catch (IOException e) {
            throw new CopyException("jsonpaths file " + file + " is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CopyException("jsonpaths file " + file + " must hold one JSON object with a \"jsonpaths\" array");
        }
        JsonNode paths = root.get("jsonpaths");
        if (paths == null) {
            // Redshift: a key other than "jsonpaths" is not an error, the file is ignored and 'auto' used.
            return new AutoRecordMapper(factory, columns, converter, false);
        }
        if (!paths.isArray()) {
            throw new CopyException("jsonpaths file " + file + ": \"jsonpaths\" must be an array of strings");
        }
        List<String> expressions = new ArrayList<>();
        for (JsonNode path : paths) {
            if (!path.isTextual() || path.textValue().isEmpty()) {
                throw new CopyException("jsonpaths file " + file + ": an element is empty or not a string: " + path);
            }
            expressions.add(path.textValue());
        }
        return new JsonPathsRecordMapper(mapper, columns, converter, expressions, file.toString());
    }

    /** The target table and the columns COPY fills, in load order. */
    private record Target(String qualifiedName, long tableId, TargetColumn[] columns) {
    }

    private static Target describeTarget(Connection connection, CopyCommand command) throws SQLException {
        String schema = "main";
        String table = command.table();
        int dot = table.indexOf('.');
        if (dot >= 0) {
            schema = table.substring(0, dot);
            table = table.substring(dot + 1);
        }
        Map<String, Integer> lengths = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT expression FROM duckdb_constraints() WHERE schema_name = ? AND table_name = ?"
                        + " AND constraint_type = 'CHECK'")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Matcher matcher = LENGTH_CHECK.matcher(result.getString(1));
                    if (matcher.find()) {
                        lengths.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
                    }
                }
            }
        }
        List<TargetColumn> all = new ArrayList<>();
        long tableId = -1;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT column_name, data_type, is_nullable, numeric_precision, numeric_scale, table_oid"
                        + " FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? ORDER BY column_index")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    String name = result.getString(1);
                    String type = result.getString(2);
                    TargetColumn.Type loadable = TargetColumn.typeOf(type);
                    if (loadable == null) {
                        throw new CopyException("COPY into " + command.table() + ": column " + name + " has type "
                                + type + ", which the local COPY cannot load");
                    }
                    all.add(new TargetColumn(name, loadable, lengths.getOrDefault(name, 0),
                            !result.getBoolean(3), result.getInt(4), result.getInt(5)));
                    tableId = result.getLong(6);
                }
            }
        }
        if (all.isEmpty()) {
            throw new CopyException("COPY: table " + command.table() + " does not exist");
        }
        TargetColumn[] columns;
        if (command.columns().isEmpty()) {
            columns = all.toArray(TargetColumn[]::new);
        } else {
            columns = new TargetColumn[command.columns().size()];
            for (int i = 0; i < columns.length; i++) {
                String wanted = command.columns().get(i).toLowerCase(Locale.ROOT);
                columns[i] = all.stream().filter(c -> c.name().equals(wanted)).findFirst()
                        .orElseThrow(() -> new CopyException("COPY: column " + wanted + " of the column list is not in "
                                + command.table()));
            }
        }
        String qualified = quote(schema) + "." + quote(table);
        return new Target(qualified, tableId, columns);
    }

    static String columnList(TargetColumn[] columns) {
        List<String> names = new ArrayList<>();
        for (TargetColumn column : columns) {
            names.add(quote(column.name()));
        }
        return String.join(", ", names);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
