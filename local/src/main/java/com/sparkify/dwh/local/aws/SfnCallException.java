package com.sparkify.dwh.local.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A Step Functions call that failed, in one line naming the operation: the SDK's own messages carry
 * request ids and, for missing credentials, a paragraph per provider, which is no use on a terminal.
 */
public final class SfnCallException extends RuntimeException {

    private SfnCallException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Runs one SDK call, turning whatever the SDK throws (after its own retries) into this. */
    public static <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw of(operation, e);
        }
    }

    static SfnCallException of(String operation, SdkException e) {
        return new SfnCallException(operation + ": " + describe(e), e);
    }

    private static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            return (code == null ? "HTTP " + service.statusCode() : code)
                    + (message == null || message.isBlank() ? "" : ": " + oneLine(message));
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof SdkClientException && message.startsWith("Unable to load credentials")) {
            return "no AWS credentials found (set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,"
                    + " or sign in with aws sso login)";
        }
        return "cannot reach Step Functions: " + oneLine(message);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
