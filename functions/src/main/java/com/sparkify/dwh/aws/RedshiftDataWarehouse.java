package com.sparkify.dwh.aws;

import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementNotFoundException;
import com.sparkify.dwh.warehouse.StatementState;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseException;
import com.sparkify.dwh.warehouse.WarehouseThrottledException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.ActiveSessionsExceededException;
import software.amazon.awssdk.services.redshiftdata.model.ActiveStatementsExceededException;
import software.amazon.awssdk.services.redshiftdata.model.ActiveWaitingRequestsExceededException;
import software.amazon.awssdk.services.redshiftdata.model.BatchExecuteStatementException;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementException;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;
import software.amazon.awssdk.services.redshiftdata.model.InternalServerException;
import software.amazon.awssdk.services.redshiftdata.model.ResourceNotFoundException;
import software.amazon.awssdk.services.redshiftdata.model.SubStatementData;
import software.amazon.awssdk.services.redshiftdata.model.ValidationException;

/**
 * The warehouse port over the Redshift Data API. Every call returns at once; the state machine polls
 * DescribeStatement. The SDK client already retries 5xx, throttling and I/O errors a few times, so an
 * error that still reaches us is reported as {@link WarehouseThrottledException} for the workflow to
 * retry with a longer backoff. SQL never appears in our messages (it can hold S3 keys and role ARNs).
 */
public final class RedshiftDataWarehouse implements Warehouse {

    /** Shown in the console's query history and ListStatements, to find the pipeline's statements. */
    static final String STATEMENT_NAME = "sparkify-dwh";

    private final RedshiftDataClient client;
    private final RedshiftTarget target;

    public RedshiftDataWarehouse(RedshiftDataClient client, RedshiftTarget target) {
        this.client = Objects.requireNonNull(client, "client");
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public String executeStatement(String sql) {
        Objects.requireNonNull(sql, "sql");
        // No ClientToken: the SDK generates one and reuses it on its own retries.
        return call("ExecuteStatement", () -> client.executeStatement(b -> b
                .sql(sql)
                .clusterIdentifier(target.clusterIdentifier())
                .workgroupName(target.workgroupName())
                .database(target.database())
                .secretArn(target.secretArn())
                .dbUser(target.dbUser())
                .statementName(STATEMENT_NAME)).id());
    }

    @Override
    public String batchExecuteStatement(List<String> sqls, String clientToken) {
        if (sqls == null || sqls.isEmpty()) {
            throw new WarehouseException("a batch needs at least one statement");
        }
        if (clientToken != null && (clientToken.isEmpty() || clientToken.length() > 64)) {
            // The Data API's limit; a longer token would be refused only after a round trip.
            throw new IllegalArgumentException("a client token has 1 to 64 characters, not " + clientToken.length());
        }
        // A null token lets the SDK generate one (idempotent across its own retries only); a caller's
        // token also makes a resubmission by a later invocation return the first statement's id.
        return call("BatchExecuteStatement", () -> client.batchExecuteStatement(b -> b
                .sqls(sqls)
                .clusterIdentifier(target.clusterIdentifier())
                .workgroupName(target.workgroupName())
                .database(target.database())
                .secretArn(target.secretArn())
                .dbUser(target.dbUser())
                .statementName(STATEMENT_NAME)
                .clientToken(clientToken)).id());
    }

    @Override
    public StatementDescription describeStatement(String id) {
        DescribeStatementResponse response = call("DescribeStatement of " + id,
                () -> client.describeStatement(b -> b.id(id)));
        List<StatementDescription> subs = new ArrayList<>();
        if (response.hasSubStatements()) {
            for (SubStatementData sub : response.subStatements()) {
                subs.add(new StatementDescription(sub.id(), state(sub.statusAsString(), sub.id()), sub.error(),
                        rows(sub.resultRows()), Boolean.TRUE.equals(sub.hasResultSet()), nanos(sub.duration()),
                        List.of()));
            }
        }
        return new StatementDescription(response.id(), state(response.statusAsString(), response.id()),
                response.error(), rows(response.resultRows()), Boolean.TRUE.equals(response.hasResultSet()),
                nanos(response.duration()), subs);
    }

    @Override
    public QueryResult getStatementResult(String id) {
        List<String> columns = null;
        List<List<Object>> rows = new ArrayList<>();
        String nextToken = null;
        do {
            String token = nextToken;
            GetStatementResultResponse page = call("GetStatementResult of " + id,
                    () -> client.getStatementResult(b -> b.id(id).nextToken(token)));
            if (columns == null && page.hasColumnMetadata()) {
                columns = columnNames(page.columnMetadata());
            }
            for (List<Field> record : page.records()) {
                List<Object> row = new ArrayList<>(record.size());
                for (Field field : record) {
                    row.add(value(field));
                }
                rows.add(row);
            }
            // "If the NextToken field is empty, all response records have been retrieved."
            nextToken = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
        } while (nextToken != null);
        return new QueryResult(columns == null ? List.of() : columns, rows);
    }

    @Override
    public void cancelStatement(String id) {
        Boolean cancelled;
        try {
            cancelled = call("CancelStatement of " + id, () -> client.cancelStatement(b -> b.id(id)).status());
        } catch (WarehouseException e) {
            if (e instanceof WarehouseThrottledException || e instanceof StatementNotFoundException) {
                throw e;
            }
            // A statement may finish between our last poll and the cancel; the port leaves it alone.
            leaveAloneIfDone(id, e);
            return;
        }
        if (!Boolean.TRUE.equals(cancelled)) {
            leaveAloneIfDone(id, new WarehouseException("CancelStatement of " + id + " was refused"));
        }
    }

    private void leaveAloneIfDone(String id, WarehouseException refusal) {
        if (!describeStatement(id).state().isDone()) {
            throw refusal;
        }
    }

    private static List<String> columnNames(List<ColumnMetadata> metadata) {
        List<String> names = new ArrayList<>(metadata.size());
        for (ColumnMetadata column : metadata) {
            // label is the name as the query spelled it (an alias); name is the underlying column.
            String label = column.label();
            names.add(label != null && !label.isEmpty() ? label : column.name());
        }
        return names;
    }

    /** A Field is a union: exactly one member is set. */
    static Object value(Field field) {
        if (field.type() == null) {
            return null;
        }
        return switch (field.type()) {
            case IS_NULL -> null;
            case LONG_VALUE -> field.longValue();
            case DOUBLE_VALUE -> field.doubleValue();
            case BOOLEAN_VALUE -> field.booleanValue();
            case STRING_VALUE -> field.stringValue();
            case BLOB_VALUE -> Base64.getEncoder().encodeToString(field.blobValue().asByteArray());
            // A member this SDK does not know: nothing we could read.
            default -> null;
        };
    }

    private static StatementState state(String status, String id) {
        try {
            return StatementState.valueOf(status);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WarehouseException("DescribeStatement of " + id + " returned an unknown status: " + status);
        }
    }

    /** The Data API reports "no row count" as -1 or leaves the member out. */
    private static long rows(Long resultRows) {
        return resultRows == null ? -1 : resultRows;
    }

    private static long nanos(Long duration) {
        return duration == null || duration < 0 ? 0 : duration;
    }

    private static <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw translate(operation, e);
        }
    }

    /** Maps an SDK error, already retried by the SDK where that made sense, to the port's exceptions. */
    static WarehouseException translate(String operation, SdkException e) {
        if (e instanceof ResourceNotFoundException) {
            return new StatementNotFoundException(operation + " failed: " + detail(e), e);
        }
        if (e instanceof ValidationException) {
            return new WarehouseException(operation + " failed: " + detail(e), e);
        }
        if (isRetryable(e)) {
            return new WarehouseThrottledException(operation + " failed, try again later: " + detail(e), e);
        }
        return new WarehouseException(operation + " failed: " + detail(e), e);
    }

    private static boolean isRetryable(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException()
                    || e instanceof ActiveStatementsExceededException
                    || e instanceof ActiveSessionsExceededException
                    || e instanceof ActiveWaitingRequestsExceededException
                    || e instanceof InternalServerException
                    || e instanceof ExecuteStatementException
                    || e instanceof BatchExecuteStatementException
                    // Any other server-side fault (e.g. DatabaseConnectionException, a 503).
                    || service.statusCode() >= 500;
        }
        // An SdkClientException is retryable when the network failed, not when, say, no credentials
        // or region could be found: those would fail again the same way.
        return e instanceof SdkClientException && hasIoCause(e);
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String detail(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            return (code == null ? "" : code + ": ") + (message == null ? "(no message)" : message);
        }
        return e.getMessage();
    }
}
