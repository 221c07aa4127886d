package dev.revhooks.cli;

import java.io.PrintStream;

/**
 * The human-readable report on standard error: verdicts, notes and explanations, wrapped at a
 * width a terminal shows without breaking words.
 *
 * <pre>{@code
 * Report report = new Report(System.err);
 * report.paragraph("REJECTED: SIGNATURE_MISMATCH: ...");
 * report.item("Line endings: the signature matches ...");
 * }</pre>
 */
final class Report {

    static final int WIDTH = 100;

    private final PrintStream stream;

    /**
     * A report written to a stream.
     *
     * @param stream where the report goes
     */
    Report(PrintStream stream) {
        this.stream = stream;
    }

    /**
     * A paragraph, wrapped.
     *
     * @param text the text
     */
    void paragraph(String text) {
        write(text, "", "");
    }

    /**
     * A list item: a dash, then the text wrapped and indented under it.
     *
     * @param text the text
     */
    void item(String text) {
        write(text, "- ", "  ");
    }

    /**
     * A paragraph under a list item, indented like the item's text.
     *
     * @param text the text
     */
    void itemContinuation(String text) {
        write(text, "  ", "  ");
    }

    /** An empty line. */
    void blankLine() {
        stream.println();
    }

    private void write(String text, String firstIndent, String indent) {
        StringBuilder line = new StringBuilder(firstIndent);
        boolean lineHasWord = false;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (lineHasWord && line.length() + 1 + word.length() > WIDTH) {
                stream.println(line);
                line = new StringBuilder(indent);
                lineHasWord = false;
            }
            if (lineHasWord) {
                line.append(' ');
            }
            line.append(word);
            lineHasWord = true;
        }
        stream.println(line);
        stream.flush();
    }
}
