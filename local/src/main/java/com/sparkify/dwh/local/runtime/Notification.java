package com.sparkify.dwh.local.runtime;

/** An SNS publish the state machine made: recorded and shown, never sent. */
public record Notification(String topicArn, String subject, String message) {
}
