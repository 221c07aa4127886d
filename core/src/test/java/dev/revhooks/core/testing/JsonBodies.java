package dev.revhooks.core.testing;

import static dev.revhooks.core.testing.ByteGen.utf8;

import java.util.Arrays;

/**
 * Bodies bent byte by byte, for tests of limits and strictness: padded to a length, with a member
 * inserted first, joined, or with one long run of a character. Shared with the vendor modules'
 * tests.
 *
 * <pre>{@code
 * byte[] atLimit = JsonBodies.paddedTo(body, 8 * 1024 * 1024);
 * byte[] duplicate = JsonBodies.withFieldFirst(body, "\"x\":{\"k\":1,\"k\":2}");
 * byte[] longName = JsonBodies.withRun("{\"", 'n', 1025, "\":1}");
 * }</pre>
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * {@code body} followed by spaces (allowed after a JSON value) up to {@code length} bytes.
     *
     * @param body the body, not modified
     * @param length the length wanted, at least the body's
     * @return the padded copy
     */
    public static byte[] paddedTo(byte[] body, int length) {
        byte[] padded = Arrays.copyOf(body, length);
        Arrays.fill(padded, body.length, length, (byte) ' ');
        return padded;
    }

    /**
     * {@code body} with {@code field} inserted as its first member; a non-ASCII char stands for its
     * low byte, so that bytes which are not UTF-8 can be written.
     *
     * @param body a JSON object's bytes, starting with its opening brace; not modified
     * @param field a member, e.g. {@code "\"x\":1"}
     * @return the new body
     */
    public static byte[] withFieldFirst(byte[] body, String field) {
        byte[] inserted = new byte[field.length() + 1];
        for (int i = 0; i < field.length(); i++) {
            inserted[i] = (byte) field.charAt(i);
        }
        inserted[field.length()] = ',';
        return concat(new byte[] {'{'}, inserted, Arrays.copyOfRange(body, 1, body.length));
    }

    /**
     * The parts, one after the other.
     *
     * @param parts the arrays to join, not modified
     * @return a new array
     */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /**
     * The UTF-8 bytes of {@code before}, {@code count} times {@code c}, then {@code after}: a body
     * with one long value, built without a string of the whole body.
     *
     * @param before the text before the run
     * @param c the character repeated, ASCII
     * @param count how many times
     * @param after the text after the run
     * @return the body
     * @throws IllegalArgumentException when {@code c} is not ASCII
     */
    public static byte[] withRun(String before, char c, int count, String after) {
        if (c > 0x7F) {
            throw new IllegalArgumentException("not ASCII: " + c);
        }
        byte[] head = utf8(before);
        byte[] tail = utf8(after);
        byte[] out = new byte[head.length + count + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        Arrays.fill(out, head.length, head.length + count, (byte) c);
        System.arraycopy(tail, 0, out, head.length + count, tail.length);
        return out;
    }
}
