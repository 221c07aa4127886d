package dev.revhooks.core;

import java.util.List;
import java.util.Objects;

/**
 * A header that verification needs exactly once, with a length limit.
 *
 * <p>Absent: the failure given at construction (e.g. {@link FailureReason#MISSING_SIGNATURE}).
 * Sent more than once: {@link FailureReason#MALFORMED_SIGNATURE}, since two signature or
 * timestamp headers make the request ambiguous. Longer than the limit (default 8 KiB):
 * {@link FailureReason#HEADER_TOO_LARGE}. The value is returned without surrounding spaces and
 * horizontal tabs (HTTP's optional white space, {@link HttpWhiteSpace}; nothing else is trimmed).
 * Any other white space, control or format character anywhere in it (U+3000, U+00A0, U+001F,
 * U+200B, U+FEFF, a line break, ...) is {@link FailureReason#MALFORMED_SIGNATURE}: a credential
 * with a stray character is never accepted.
 *
 * <pre>{@code
 * static final RequiredHeader SIGNATURE =
 *         RequiredHeader.of("X-Revont-Signature", FailureReason.MISSING_SIGNATURE);
 * String value = SIGNATURE.read(request.headers());
 * }</pre>
 *
 * @param name the header name (compared case-insensitively)
 * @param ifMissing the failure when the header is absent
 * @param maxLength the longest accepted value, in characters
 */
public record RequiredHeader(String name, FailureReason ifMissing, int maxLength) {

    /** 8 KiB, the usual limit of HTTP servers for a header line: {@link HeaderLimit#DEFAULT}. */
    public static final int DEFAULT_MAX_LENGTH = HeaderLimit.DEFAULT.maxChars();

    /**
     * Validates the header definition.
     *
     * @param name the header name
     * @param ifMissing the failure when absent
     * @param maxLength the longest accepted value
     */
    public RequiredHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ifMissing, "ifMissing");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive, was " + maxLength);
        }
    }

    /**
     * A header with the default length limit.
     *
     * @param name the header name
     * @param ifMissing the failure when absent
     * @return the header definition
     */
    public static RequiredHeader of(String name, FailureReason ifMissing) {
        return new RequiredHeader(name, ifMissing, DEFAULT_MAX_LENGTH);
    }

    /**
     * The same header with another length limit.
     *
     * @param maxLength the longest accepted value, in characters
     * @return a new definition
     */
    public RequiredHeader withMaxLength(int maxLength) {
        return new RequiredHeader(name, ifMissing, maxLength);
    }

    /**
     * Reads the header's single value.
     *
     * @param headers the request headers
     * @return the trimmed value; may be empty
     * @throws WebhookVerificationException when absent, duplicated, too long or holding a forbidden character
     */
    public String read(WebhookHeaders headers) throws WebhookVerificationException {
        List<String> values = headers.all(name);
        if (values.isEmpty()) {
            throw new WebhookVerificationException(ifMissing, "no " + name + " header");
        }
        return single(values);
    }

    /**
     * Reads the header's single value when it was sent at all, for a header a scheme allows to be
     * absent; one lookup instead of {@link #isPresent} and then {@link #read}.
     *
     * <pre>{@code
     * String timestamp = TIMESTAMP.readIfPresent(request.headers()); // null when not sent
     * }</pre>
     *
     * @param headers the request headers
     * @return the trimmed value (may be empty), or null when the header is absent
     * @throws WebhookVerificationException when duplicated, too long or holding a forbidden character
     */
    public String readIfPresent(WebhookHeaders headers) throws WebhookVerificationException {
        List<String> values = headers.all(name);
        return values.isEmpty() ? null : single(values);
    }

    private String single(List<String> values) throws WebhookVerificationException {
        if (values.size() > 1) {
            throw new WebhookVerificationException(FailureReason.MALFORMED_SIGNATURE,
                    name + " header sent " + values.size() + " times");
        }
        String value = values.get(0);
        if (value.length() > maxLength) {
            throw new WebhookVerificationException(FailureReason.HEADER_TOO_LARGE,
                    name + " header is longer than " + maxLength + " characters");
        }
        String trimmed = HttpWhiteSpace.trim(value);
        int forbidden = HttpWhiteSpace.firstForbidden(trimmed);
        if (forbidden >= 0) {
            throw new WebhookVerificationException(FailureReason.MALFORMED_SIGNATURE, String.format(
                    "%s header holds U+%04X at index %d: white space, a control or a format character other than space and tab",
                    name, trimmed.codePointAt(forbidden), forbidden));
        }
        return trimmed;
    }

    /**
     * Whether the header was sent at all (with any value).
     *
     * @param headers the request headers
     * @return true when at least one value is present
     */
    public boolean isPresent(WebhookHeaders headers) {
        return !headers.all(name).isEmpty();
    }
}
