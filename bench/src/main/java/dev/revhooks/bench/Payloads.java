package dev.revhooks.bench;

import java.nio.charset.StandardCharsets;

/** Realistic JSON bodies padded to an exact size with a field the parsers must skip or read. */
final class Payloads {

    private Payloads() {
    }

    /**
     * {@code prefix + padding + suffix} as UTF-8, exactly {@code size} bytes long, the padding made of
     * ASCII letters and spaces.
     */
    static byte[] padded(String prefix, String suffix, int size) {
        int padding = size - prefix.length() - suffix.length();
        if (padding < 0) {
            throw new IllegalArgumentException("size " + size + " is smaller than the fixed part");
        }
        StringBuilder text = new StringBuilder(size).append(prefix);
        String words = "the customer asked about pricing and the rep followed up ";
        for (int i = 0; i < padding; i++) {
            text.append(words.charAt(i % words.length()));
        }
        byte[] body = text.append(suffix).toString().getBytes(StandardCharsets.UTF_8);
        if (body.length != size) {
            throw new IllegalStateException("padded body is " + body.length + " bytes, not " + size);
        }
        return body;
    }

    /** A Revont {@code summary.ready} delivery of exactly {@code size} bytes (a long {@code notes} field). */
    static byte[] revontSummary(int size) {
        return padded("{\"event\":\"summary.ready\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{"
                + "\"call_id\":\"call_abc123\",\"rep_id\":\"user_xyz789\",\"prospect_email\":\"jane@acmecorp.com\","
                + "\"duration_seconds\":2847,\"summary_url\":\"https://app.revont.ai/calls/call_abc123/summary\","
                + "\"coaching_score\":82,\"notes\":\"", "\"}}", size);
    }
}
