package com.sparkify.dwh.local.states;

/**
 * A state machine definition that is malformed or uses a feature this executor does not support.
 * The message names the state (when there is one) and the feature.
 */
public class DefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DefinitionException(String message) {
        super(message);
    }

    public DefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
