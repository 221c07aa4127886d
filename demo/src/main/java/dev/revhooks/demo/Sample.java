package dev.revhooks.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sample bodies the demo sends. Except {@link #REVRING_PRE_CALL}, each is a vendor document's
 * JSON example copied byte for byte; RevRing's document has no pre-call example, so that body
 * follows the fields RevRing's webhook pages list ({@code event}, {@code agentId},
 * {@code fromNumber}, {@code toNumber}, {@code dialedAgentId}).
 */
enum Sample {
    REVONT_SUMMARY_READY("revont-summary-ready.json"),
    REVRAG_CALL_ENDED("revrag-call-ended.json"),
    REVRING_POST_CALL("revring-post-call.json"),
    REVRING_PRE_CALL("revring-pre-call.json"),
    REVDESK_NUMBER_LIFECYCLE("revdesk-number-lifecycle.json"),
    REVDESK_CALL_DISPOSITION("revdesk-call-disposition.json"),
    REVDESK_OUTBOUND_SMS("revdesk-outbound-sms.json");

    private final String resource;

    Sample(String fileName) {
        this.resource = "samples/" + fileName;
    }

    /**
     * The sample's bytes, exactly as stored.
     *
     * @return a fresh copy
     */
    byte[] bytes() {
        try (InputStream in = Sample.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sample " + resource + " is missing from the demo's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample " + resource, e);
        }
    }
}
