package dev.revhooks.cli;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The white-space layouts JSON writers produce, and a re-layout of a body that changes only the
 * white space between tokens: strings and numbers are copied byte for byte, key order is kept. It
 * rebuilds the bytes a sender would have signed had it written the same JSON in another layout.
 *
 * <pre>{@code
 * Optional<byte[]> compact = JsonLayout.COMPACT.apply(prettyBody);   // {"event":"summary.ready",...}
 * }</pre>
 *
 * <p>Only a body that is one JSON object or array, lexically sound (strings closed, brackets
 * balanced, separators where they belong), is re-laid out; anything else gives no result.
 */
enum JsonLayout {

    /** No white space at all, as {@code JSON.stringify(value)} and most serializers write. */
    COMPACT("compact JSON (no white space, as JSON.stringify writes it)", "", ":", ","),
    /** {@code ", "} and {@code ": "} separators on one line, Python's {@code json.dumps(value)} default. */
    SPACED("JSON with \", \" and \": \" separators on one line (Python's json.dumps default)", "", ": ", ", "),
    /** Two-space indentation, as {@code JSON.stringify(value, null, 2)}, {@code json.dumps(value, indent=2)} and jq write. */
    INDENTED_2("JSON indented by 2 spaces (JSON.stringify(value, null, 2), json.dumps(indent=2), jq)", "  ", ": ", ","),
    /** Four-space indentation, as {@code json.dumps(value, indent=4)} writes. */
    INDENTED_4("JSON indented by 4 spaces (json.dumps(indent=4))", "    ", ": ", ",");

    private final String description;
    private final String indent;
    private final String colon;
    private final String comma;

    JsonLayout(String description, String indent, String colon, String comma) {
        this.description = description;
        this.indent = indent;
        this.colon = colon;
        this.comma = comma;
    }

    /**
     * The layout in words, for messages.
     *
     * @return e.g. {@code "compact JSON (no white space, ...)"}
     */
    String description() {
        return description;
    }

    /**
     * The same JSON in this layout, without a final line break.
     *
     * @param json the body
     * @return the re-laid-out bytes, or empty when the body is not a lexically sound JSON object or array
     */
    Optional<byte[]> apply(byte[] json) {
        List<Token> tokens = tokenize(json);
        if (tokens == null) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            byte kind = token.kind;
            if (kind == '{' || kind == '[') {
                out.write(kind);
                if (tokens.get(i + 1).closes(kind)) {
                    out.write(tokens.get(++i).kind);
                } else {
                    depth++;
                    newLine(out, depth);
                }
            } else if (kind == '}' || kind == ']') {
                depth--;
                newLine(out, depth);
                out.write(kind);
            } else if (kind == ':') {
                write(out, colon);
            } else if (kind == ',') {
                write(out, comma);
                newLine(out, depth);
            } else {
                out.write(json, token.start, token.end - token.start);
            }
        }
        return Optional.of(out.toByteArray());
    }

    private void newLine(ByteArrayOutputStream out, int depth) {
        if (!indent.isEmpty()) {
            out.write('\n');
            for (int i = 0; i < depth; i++) {
                write(out, indent);
            }
        }
    }

    private static void write(ByteArrayOutputStream out, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            out.write(ascii.charAt(i));
        }
    }

    /**
     * One lexical token: a structural character, or a string or other value spanning
     * {@code [start, end)} of the body.
     */
    private static final class Token {
        static final byte VALUE = 'v';

        final byte kind;
        final int start;
        final int end;

        Token(byte kind, int start, int end) {
            this.kind = kind;
            this.start = start;
            this.end = end;
        }

        boolean closes(byte open) {
            return open == '{' ? kind == '}' : kind == ']';
        }
    }

    /**
     * Splits a body into tokens and checks that they nest and alternate as JSON's do.
     *
     * @return the tokens, or null when the body is not a lexically sound JSON object or array
     */
    private static List<Token> tokenize(byte[] json) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < json.length) {
            byte b = json[i];
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                i++;
            } else if (b == '{' || b == '}' || b == '[' || b == ']' || b == ':' || b == ',') {
                tokens.add(new Token(b, i, i + 1));
                i++;
            } else if (b == '"') {
                int end = endOfString(json, i);
                if (end < 0) {
                    return null;
                }
                tokens.add(new Token(Token.VALUE, i, end));
                i = end;
            } else {
                int start = i;
                while (i < json.length && !isDelimiter(json[i])) {
                    i++;
                }
                tokens.add(new Token(Token.VALUE, start, i));
            }
        }
        return isWellFormed(tokens) ? tokens : null;
    }

    private static int endOfString(byte[] json, int openingQuote) {
        for (int i = openingQuote + 1; i < json.length; i++) {
            if (json[i] == '\\') {
                i++;
            } else if (json[i] == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean isDelimiter(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '{' || b == '}' || b == '[' || b == ']'
                || b == ':' || b == ',' || b == '"';
    }

    /**
     * Whether the tokens form one object or array in which values, keys, colons and commas come
     * where JSON allows them (the values themselves are not checked).
     */
    private static boolean isWellFormed(List<Token> tokens) {
        if (tokens.isEmpty() || (tokens.get(0).kind != '{' && tokens.get(0).kind != '[')) {
            return false;
        }
        // Each open container: its kind, and what may come next.
        List<Byte> containers = new ArrayList<>();
        Expect expect = Expect.VALUE;
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0 && containers.isEmpty()) {
                return false; // content after the top-level value
            }
            byte kind = tokens.get(i).kind;
            boolean inObject = !containers.isEmpty() && containers.get(containers.size() - 1) == '{';
            switch (kind) {
                case '{':
                case '[':
                    if (expect != Expect.VALUE && expect != Expect.VALUE_OR_CLOSE) {
                        return false;
                    }
                    containers.add(kind);
                    expect = kind == '{' ? Expect.KEY_OR_CLOSE : Expect.VALUE_OR_CLOSE;
                    break;
                case '}':
                case ']':
                    boolean closable = expect == Expect.COMMA_OR_CLOSE
                            || (kind == '}' ? expect == Expect.KEY_OR_CLOSE : expect == Expect.VALUE_OR_CLOSE);
                    byte opening = kind == '}' ? (byte) '{' : (byte) '[';
                    if (!closable || containers.isEmpty() || containers.remove(containers.size() - 1) != opening) {
                        return false;
                    }
                    expect = Expect.COMMA_OR_CLOSE;
                    break;
                case ':':
                    if (expect != Expect.COLON) {
                        return false;
                    }
                    expect = Expect.VALUE;
                    break;
                case ',':
                    if (expect != Expect.COMMA_OR_CLOSE) {
                        return false;
                    }
                    expect = inObject ? Expect.KEY : Expect.VALUE;
                    break;
                default:
                    if (expect == Expect.KEY || expect == Expect.KEY_OR_CLOSE) {
                        expect = Expect.COLON;
                    } else if (expect == Expect.VALUE || expect == Expect.VALUE_OR_CLOSE) {
                        expect = Expect.COMMA_OR_CLOSE;
                    } else {
                        return false;
                    }
            }
        }
        return containers.isEmpty();
    }

    /** What the next token may be. */
    private enum Expect {
        VALUE, VALUE_OR_CLOSE, KEY, KEY_OR_CLOSE, COLON, COMMA_OR_CLOSE
    }
}
