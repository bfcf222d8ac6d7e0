package com.sparkify.dwh.handlers;

import static com.sparkify.dwh.handlers.HandlerTesting.HEX_64;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientTokensTest {

    @Test
    void sixtyFourHexCharactersTheSameForTheSameAttempt() {
        String token = ClientTokens.of("run-1", "create_tables", "2018-12-01T03:00:05.123Z");

        assertThat(token).matches(HEX_64).hasSize(64);
        assertThat(ClientTokens.of("run-1", "create_tables", "2018-12-01T03:00:05.123Z")).isEqualTo(token);
    }

    @Test
    void differsByRunStepAndAttempt() {
        List<String> tokens = List.of(
                ClientTokens.of("run-1", "create_tables", "2018-12-01T03:00:05.123Z"),
                ClientTokens.of("run-2", "create_tables", "2018-12-01T03:00:05.123Z"),
                ClientTokens.of("run-1", "reset_tables", "2018-12-01T03:00:05.123Z"),
                ClientTokens.of("run-1", "create_tables", "2018-12-01T03:00:35.123Z"),
                ClientTokens.of("run-1", "create_tables", null),
                // the parts are separated: shifting text between them changes the token
                ClientTokens.of("run-1c", "reate_tables", "2018-12-01T03:00:05.123Z"));

        assertThat(tokens).allMatch(token -> token.matches(HEX_64)).doesNotHaveDuplicates();
    }

    @Test
    void noRunNoToken() {
        assertThat(ClientTokens.of(null, "load_users", "2018-12-01T03:00:05.123Z")).isNull();
    }
}
