package dev.revhooks.demo;

/** What became of one delivery, as the sender and the app behind the filter saw it. */
enum Outcome {
    /** Verified, parsed and passed on: the app received the typed event. */
    ACCEPTED("accepted"),
    /** Authentic but unparseable: handed raw to the dead-letter handler, answered 202. */
    DEAD_LETTER("kept raw"),
    /** Already processed: acknowledged with a 2xx so the sender stops, not passed on again. */
    DUPLICATE("duplicate"),
    /** Not trusted: answered with the failure reason's status, never seen by the app. */
    REJECTED("rejected"),
    /** Anything else (for example a 2xx that did not reach the app): a bug somewhere. */
    INCONSISTENT("UNEXPECTED");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
