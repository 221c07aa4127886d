package dev.revhooks.cli;

import static dev.revhooks.cli.Harness.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.testing.ByteGen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CapturedRequestTest {

    private static WebhookHeaders parse(String text) throws UsageException {
        return CapturedRequest.parseHeaders(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void readsHeaderLinesAsCapturedWithARequestLineAndCrlf() throws UsageException {
        WebhookHeaders headers = parse("POST /hooks/revont HTTP/1.1\r\nHost: example.com\r\n"
                + "X-Revont-Signature:   sha256=abc \t\r\nContent-Type:application/json\r\n\r\n\r\n");

        assertThat(headers.names()).containsExactlyInAnyOrder("Host", "X-Revont-Signature", "Content-Type");
        assertThat(headers.first("x-revont-signature")).isEqualTo("sha256=abc");
        assertThat(headers.first("content-type")).isEqualTo("application/json");
    }

    @Test
    void trimsOnlySpacesAndTabsSoAStrayCharacterReachesTheReceiverAsSent() throws UsageException {
        WebhookHeaders headers = parse("x-api-key: \tk\u00A0 \nX-Revont-Signature: \u0085sha256=abc\u001F\n");

        assertThat(headers.first("x-api-key")).isEqualTo("k\u00A0");
        assertThat(headers.first("X-Revont-Signature")).isEqualTo("\u0085sha256=abc\u001F");
    }

    @Test
    void keepsEveryValueOfARepeatedHeaderInOrder() throws UsageException {
        WebhookHeaders headers = parse("X-Revont-Signature: one\nx-revont-signature: two\n");

        assertThat(headers.all("X-Revont-Signature")).containsExactly("one", "two");
    }

    @Test
    void joinsFoldedLinesWithOneSpace() throws UsageException {
        WebhookHeaders headers = parse("X-Webhook-Signature: t=1,\n\t v1=abc\nHost: h\n");

        assertThat(headers.first("X-Webhook-Signature")).isEqualTo("t=1, v1=abc");
        assertThat(headers.first("Host")).isEqualTo("h");
    }

    @Test
    void skipsHttp2PseudoHeadersAndALeadingByteOrderMark() throws UsageException {
        byte[] content = Scenario.concat(Scenario.BOM, utf8(":method: POST\n:path: /hooks\nx-api-key: k\n"));

        WebhookHeaders headers = CapturedRequest.parseHeaders(content);

        assertThat(headers.names()).containsExactly("x-api-key");
    }

    @Test
    void anEmptyFileHasNoHeaders() throws UsageException {
        assertThat(parse("").names()).isEmpty();
        assertThat(parse("\n\n").names()).isEmpty();
    }

    @Test
    void readsBytesAsIso88591LikeAnHttpServer() throws UsageException {
        WebhookHeaders headers = CapturedRequest.parseHeaders(new byte[] {'X', ':', ' ', (byte) 0xE9});

        assertThat(headers.first("X")).isEqualTo("\u00e9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host example.com", "Bad Name: v", "Host : v", "Host\u00e9: v", "x-api-key secret"})
    void refusesALineThatIsNotAHeaderNamingOnlyItsNumber(String line) {
        assertThatThrownBy(() -> parse("Host: h\n" + line + "\n"))
                .isInstanceOf(UsageException.class)
                .hasMessage("the --headers file's line 2 is not a \"Name: value\" header line");
    }

    @Test
    void refusesContentAfterABlankLine() {
        assertThatThrownBy(() -> parse("Host: h\n\n{\"event\":\"x\"}\n"))
                .isInstanceOf(UsageException.class)
                .hasMessage("the --headers file has a blank line (line 2) before more content: put only the header"
                        + " lines there, and the body, byte for byte, in the --body file");
    }

    @Test
    void refusesAContinuationWithoutAHeader() {
        assertThatThrownBy(() -> parse(" continued\n"))
                .isInstanceOf(UsageException.class)
                .hasMessage("the --headers file's line 1 continues a header, but no header comes before it");
    }

    @Test
    void refusesAHeadersFileLargerThanAnyRequestsHeaders() {
        byte[] content = new byte[CapturedRequest.MAX_HEADERS_FILE_BYTES + 1];

        assertThatThrownBy(() -> CapturedRequest.parseHeaders(content))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("the --headers file is larger than 1048576 bytes");
    }

    @Test
    void arbitraryContentIsHeadersOrAUsageErrorNeverAnotherException() {
        qt().forAll(ByteGen.bytes(0, 300)).checkAssert(content -> {
            try {
                CapturedRequest.parseHeaders(content);
            } catch (UsageException expected) {
                assertThat(expected.getMessage()).startsWith("the --headers file");
            }
        });
    }

    @Test
    void readsTheBodyByteForByte(@TempDir Path directory) throws UsageException {
        Harness harness = new Harness(directory);
        byte[] body = Scenario.concat(Scenario.BOM, utf8("{\r\n\"a\":\"\u00e9\"}\n\n"));

        WebhookRequest request = CapturedRequest.read(harness.file(utf8("Host: h\n")), harness.file(body));

        assertThat(request.body()).isEqualTo(body);
        assertThat(request.headers().first("Host")).isEqualTo("h");
    }

    @Test
    void readsAtMostOneByteMoreThanTheBodyLimit(@TempDir Path directory) throws UsageException {
        Harness harness = new Harness(directory);
        byte[] body = new byte[BodyLimit.DEFAULT.maxBytes() + 100];

        WebhookRequest request = CapturedRequest.read(harness.file(new byte[0]), harness.file(body));

        assertThat(request.body()).hasSize(BodyLimit.DEFAULT.maxBytes() + 1);
    }

    @Test
    void aDirectoryIsNotAReadableFile(@TempDir Path directory) {
        assertThatThrownBy(() -> CapturedRequest.read(directory, directory))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("cannot read the --headers file " + directory + " (");
    }

    @Test
    void headerNamesAreKeptAsSent() throws UsageException {
        assertThat(List.copyOf(parse("X-revdesk-Signature-256: abc\n").names())).containsExactly("X-revdesk-Signature-256");
    }
}
