package dev.revhooks.cli;

import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs the command in-process, with an injected environment and clock, captured standard output
 * and error, and capture files written to a temporary directory.
 */
final class Harness {

    /** A Revont-style secret whose part after the prefix is valid base64. */
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    /** The clock of every run: a RevRag delivery signed at this instant is inside the window. */
    static final Instant NOW = Instant.parse("2026-05-27T03:06:20Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final Path directory;
    private int files;

    Harness(Path directory) {
        this.directory = directory;
    }

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }

        /** The report with its wrapping undone: one space wherever a line break and indentation were. */
        String report() {
            return err.replaceAll("\\s*\\R\\s*", " ");
        }

        /** The labels of the diagnosis's findings (the words before the first colon of each list item). */
        List<String> findings() {
            List<String> labels = new ArrayList<>();
            for (String line : err.split("\\R")) {
                if (line.startsWith("- ")) {
                    labels.add(line.substring(2, line.indexOf(':')));
                }
            }
            return labels;
        }
    }

    /** A copy of a test resource, byte for byte. */
    static byte[] resource(String name) {
        try (InputStream in = Harness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes bytes to a new file. */
    Path file(byte[] content) {
        try {
            return Files.write(directory.resolve("capture-" + (++files)), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes headers as "Name: value" lines, one per value. */
    Path headersFile(WebhookHeaders headers) {
        StringBuilder lines = new StringBuilder();
        for (String name : headers.names()) {
            for (String value : headers.all(name)) {
                lines.append(name).append(": ").append(value).append('\n');
            }
        }
        return file(utf8(lines.toString()));
    }

    /** Runs {@code verify} on a request's headers and another body, with the secret given. */
    Result verify(String secret, WebhookHeaders headers, byte[] body, String... options) {
        List<String> args = new ArrayList<>(List.of("verify", "--headers", headersFile(headers).toString(),
                "--body", file(body).toString()));
        args.addAll(Arrays.asList(options));
        return run(Map.of(Options.DEFAULT_SECRET_VARIABLE, secret), args.toArray(new String[0]));
    }

    /** Runs {@code verify} on a request as captured. */
    Result verify(String secret, WebhookRequest request, String... options) {
        return verify(secret, request.headers(), request.body(), options);
    }

    /** Runs the command with the given environment and arguments. */
    static Result run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = new VerifyCommand(environment, outStream, errStream, CLOCK).run(args);
        }
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
