package dev.revhooks.cli;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.HttpWhiteSpace;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads a captured delivery from two files: the raw header lines and the raw body bytes.
 *
 * <pre>{@code
 * WebhookRequest request = CapturedRequest.read(Path.of("headers.txt"), Path.of("body.json"));
 * }</pre>
 *
 * <p>The headers file holds {@code Name: value} lines as captured: LF or CRLF line endings; an
 * optional request line first ({@code POST /hooks HTTP/1.1}); HTTP/2 pseudo-headers
 * ({@code :method: POST}, as browsers' developer tools copy them) skipped; a line starting with a
 * space or tab continues the previous value (obsolete line folding, joined with one space);
 * blank lines at the end ignored. Bytes are read as ISO-8859-1, as HTTP/1.1 servers read them; a
 * leading UTF-8 byte-order mark (left by some editors) is skipped. A name repeated on several
 * lines gives several values, as on the wire. Errors name the line number, never its content,
 * which may be a key.
 *
 * <p>The body is read byte for byte, untouched. At most one byte more than the receivers' body
 * limit is read, so a body over the limit is refused by the receiver's own check
 * ({@code PAYLOAD_TOO_LARGE}) without being read whole.
 */
final class CapturedRequest {

    /** Far more than any HTTP server accepts for a request's headers. */
    static final int MAX_HEADERS_FILE_BYTES = 1024 * 1024;

    private static final Pattern REQUEST_LINE = Pattern.compile("[A-Z]+ \\S+ HTTP/\\d(\\.\\d)?");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    private CapturedRequest() {
    }

    /**
     * Reads both files into a request.
     *
     * @param headersFile the header lines
     * @param bodyFile the body bytes
     * @return the request as captured
     * @throws UsageException when a file cannot be read or the headers file is not header lines
     */
    static WebhookRequest read(Path headersFile, Path bodyFile) throws UsageException {
        WebhookHeaders headers = parseHeaders(readAtMost(headersFile, "--headers", MAX_HEADERS_FILE_BYTES + 1L));
        byte[] body = readAtMost(bodyFile, "--body", BodyLimit.DEFAULT.maxBytes() + 1L);
        return WebhookRequest.builder(body).headers(headers).build();
    }

    /**
     * Parses header lines.
     *
     * @param content the file's bytes
     * @return the headers
     * @throws UsageException when the content is too large or a line is not a header line
     */
    static WebhookHeaders parseHeaders(byte[] content) throws UsageException {
        if (content.length > MAX_HEADERS_FILE_BYTES) {
            throw new UsageException("the --headers file is larger than " + MAX_HEADERS_FILE_BYTES
                    + " bytes; it should hold only the request's header lines");
        }
        int offset = hasUtf8Bom(content) ? 3 : 0;
        String text = new String(content, offset, content.length - offset, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n", -1);
        WebhookHeaders.Builder headers = WebhookHeaders.builder();
        String name = null;
        StringBuilder value = null;
        int last = lines.length;
        while (last > 0 && lines[last - 1].isBlank()) {
            last--;
        }
        for (int i = 0; i < last; i++) {
            String line = lines[i];
            int number = i + 1;
            if (i == 0 && REQUEST_LINE.matcher(line).matches()) {
                continue;
            }
            if (line.isBlank()) {
                throw new UsageException("the --headers file has a blank line (line " + number + ") before more content:"
                        + " put only the header lines there, and the body, byte for byte, in the --body file");
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (name == null) {
                    throw new UsageException("the --headers file's line " + number + " continues a header, but no header"
                            + " comes before it");
                }
                value.append(' ').append(HttpWhiteSpace.trim(line));
                continue;
            }
            if (name != null) {
                headers.add(name, value.toString());
                name = null;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
                throw new UsageException("the --headers file's line " + number + " is not a \"Name: value\" header line");
            }
            name = line.substring(0, colon);
            value = new StringBuilder(HttpWhiteSpace.trim(line.substring(colon + 1)));
        }
        if (name != null) {
            headers.add(name, value.toString());
        }
        return headers.build();
    }

    private static boolean hasUtf8Bom(byte[] content) {
        return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
    }

    private static byte[] readAtMost(Path file, String option, long maxBytes) throws UsageException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        } catch (IOException e) {
            throw new UsageException("cannot read the " + option + " file " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
