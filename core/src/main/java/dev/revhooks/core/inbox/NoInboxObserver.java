package dev.revhooks.core.inbox;

/** {@link InboxObserver#none()}: ignores every call. */
enum NoInboxObserver implements InboxObserver {
    INSTANCE;

    @Override
    public void handled(String vendor, Outcome outcome) {
        // nothing to record
    }
}
