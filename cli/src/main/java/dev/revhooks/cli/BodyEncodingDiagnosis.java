package dev.revhooks.cli;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The body was re-encoded or re-serialized after it was signed: it tries the bytes the sender may
 * have signed instead, with a final line break removed or added, CRLF and LF line endings swapped,
 * a UTF-8 byte-order mark removed or added, and the same JSON in the usual writers' layouts
 * ({@link JsonLayout}), with and without a final line feed.
 *
 * <pre>{@code
 * List<Candidate> candidates = new BodyEncodingDiagnosis().candidates(check);
 * }</pre>
 *
 * <p>Only for a signature mismatch of a vendor whose signature covers the body (not RevRing's API
 * key).
 */
final class BodyEncodingDiagnosis implements Diagnosis {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] LF = {'\n'};
    private static final byte[] CRLF = {'\r', '\n'};
    private static final String ADVICE = " Verify the body bytes exactly as they arrived, before anything decodes,"
            + " parses or rewrites them; if the capture itself changed them, capture the raw bytes again.";

    @Override
    public String tried() {
        return "the body with a final line break removed or added, with CRLF and LF line endings swapped, with a"
                + " byte-order mark removed or added, and as compact, spaced or indented JSON";
    }

    @Override
    public List<Candidate> candidates(FailedCheck check) {
        if (!check.vendor().signsBody() || check.reason() != FailureReason.SIGNATURE_MISMATCH) {
            return List.of();
        }
        byte[] body = check.request().body();
        Variants variants = new Variants(check);
        if (endsWith(body, CRLF)) {
            variants.add(Arrays.copyOf(body, body.length - CRLF.length), lineBreakAdded("carriage return + line feed"));
        } else if (endsWith(body, LF)) {
            variants.add(Arrays.copyOf(body, body.length - LF.length), lineBreakAdded("line feed"));
        } else {
            variants.add(concat(body, LF), lineBreakRemoved("line feed"));
            variants.add(concat(body, CRLF), lineBreakRemoved("carriage return + line feed"));
        }
        variants.add(replace(body, CRLF, LF), "Line endings: the signature matches the body with its CRLF line endings"
                + " turned into LF. The sender signed LF line endings; the body you have was converted to CRLF"
                + " afterwards (by a proxy, an editor, git's autocrlf or a Windows tool).");
        variants.add(lfToCrlf(body), "Line endings: the signature matches the body with its LF line endings turned"
                + " into CRLF. The sender signed CRLF line endings; the body you have was converted to LF afterwards"
                + " (by an editor, git or a Unix tool).");
        if (startsWith(body, BOM)) {
            variants.add(Arrays.copyOfRange(body, BOM.length, body.length), "Byte-order mark: the signature matches"
                    + " the body without the UTF-8 byte-order mark it starts with. The sender signed no BOM; the body"
                    + " was re-encoded afterwards (for example saved as \"UTF-8 with BOM\" by a Windows editor).");
        } else {
            variants.add(concat(BOM, body), "Byte-order mark: the signature matches the body with a UTF-8 byte-order"
                    + " mark in front. The sender's body started with a BOM that was removed afterwards (decoding"
                    + " the body as text and encoding it again drops it).");
        }
        for (JsonLayout layout : JsonLayout.values()) {
            Optional<byte[]> relaid = layout.apply(body);
            if (relaid.isPresent()) {
                String matches = "JSON layout: the signature matches the same JSON written as " + layout.description();
                String meaning = ". The sender signed that layout; the body you have was re-serialized afterwards"
                        + " (parsed and written again, by a framework, a logger or the capture).";
                variants.add(relaid.get(), matches + meaning);
                variants.add(concat(relaid.get(), LF), matches + ", followed by a line feed" + meaning);
            }
        }
        return variants.candidates;
    }

    /** The candidates, each body once, never the body as captured (already tried). */
    private static final class Variants {
        private final FailedCheck check;
        private final Secret key;
        private final Set<ByteBuffer> seen = new HashSet<>();
        private final List<Candidate> candidates = new ArrayList<>();

        Variants(FailedCheck check) {
            this.check = check;
            this.key = check.secret().asGiven();
            seen.add(ByteBuffer.wrap(check.request().body()));
        }

        void add(byte[] body, String explanation) {
            if (seen.add(ByteBuffer.wrap(body))) {
                WebhookRequest request = WebhookRequest.builder(body).headers(check.request().headers()).build();
                candidates.add(check.candidate(key, request, explanation + ADVICE));
            }
        }
    }

    private static String lineBreakAdded(String lineBreak) {
        return "Final newline: the signature matches the body without its final " + lineBreak + ". The sender signed"
                + " no line break there; one was added afterwards (often by the editor or tool that saved the capture).";
    }

    private static String lineBreakRemoved(String lineBreak) {
        return "Final newline: the signature matches the body with a " + lineBreak + " added at the end. The sender's"
                + " body ended with a line break that was removed afterwards (trimmed by a framework, a logger or the"
                + " capture).";
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        return body.length >= prefix.length && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean endsWith(byte[] body, byte[] suffix) {
        return body.length >= suffix.length
                && Arrays.equals(body, body.length - suffix.length, body.length, suffix, 0, suffix.length);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static byte[] replace(byte[] body, byte[] target, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int i = 0;
        while (i < body.length) {
            if (Arrays.equals(body, i, Math.min(body.length, i + target.length), target, 0, target.length)) {
                out.write(replacement, 0, replacement.length);
                i += target.length;
            } else {
                out.write(body[i++]);
            }
        }
        return out.toByteArray();
    }

    /** Every line feed not already preceded by a carriage return gets one. */
    private static byte[] lfToCrlf(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 16);
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(body[i]);
        }
        return out.toByteArray();
    }
}
