package com.sparkify.dwh.local.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** The fixture histories as the SDK unmarshals them: fetched through the stub, so every field is real. */
final class HistoryFixtures {

    private HistoryFixtures() {
    }

    /** The succeeded run's 344 events (both pages). */
    static List<HistoryEvent> succeeded() {
        try (SfnStub stub = new SfnStub(); SfnClient sfn = stub.client(false)) {
            stub.stub(SfnStub.call("GetExecutionHistory").atPriority(5).willReturn(SfnStub.ok("succeeded-history-page-1.json")));
            stub.stub(SfnStub.call("GetExecutionHistory").atPriority(1)
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(SfnStub.PAGE_2_TOKEN))
                    .willReturn(SfnStub.ok("succeeded-history-page-2.json")));
            List<HistoryEvent> events = new ArrayList<>();
            sfn.getExecutionHistoryPaginator(r -> r.executionArn(SfnStub.SUCCEEDED_ARN)).events().forEach(events::add);
            return events;
        }
    }

    /** The run whose quality checks failed (343 events, one page). */
    static List<HistoryEvent> failed() {
        try (SfnStub stub = new SfnStub(); SfnClient sfn = stub.client(false)) {
            stub.stub(SfnStub.call("GetExecutionHistory").willReturn(SfnStub.ok("failed-history.json")));
            return sfn.getExecutionHistory(r -> r.executionArn(SfnStub.FAILED_ARN)).events();
        }
    }
}
