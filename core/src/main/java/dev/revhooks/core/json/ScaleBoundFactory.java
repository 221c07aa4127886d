package dev.revhooks.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;

/**
 * A {@link JsonFactory} whose parsers refuse a number whose scale, as a {@link BigDecimal}, is beyond
 * {@link JsonLimits#maxNumberScale()} either way. Jackson bounds a number's length, not its
 * exponent: {@code 1e999999999} is nine characters, and the {@code BigDecimal} it gives makes an
 * ordinary {@code toPlainString()} run out of memory.
 *
 * <p>The check runs on every number token as the tokenizer meets it, from the token's characters
 * (no {@code BigDecimal} is built), including tokens inside skipped values: so the databind path, the
 * tree path and {@link JsonCursor} refuse exactly the same bodies, with the same message naming the
 * number's place as a JSON pointer ({@code /duration}), like the length limit does.
 */
final class ScaleBoundFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;
    /** Any exponent beyond this is out of every limit; saturating here keeps the arithmetic exact. */
    private static final long EXPONENT_CAP = 1_000_000_000_000L;

    private final int maxScale;

    ScaleBoundFactory(JsonFactoryBuilder builder, int maxScale) {
        super(builder);
        this.maxScale = maxScale;
    }

    private ScaleBoundFactory(ScaleBoundFactory source) {
        super(source, null);
        this.maxScale = source.maxScale;
    }

    /** JSON, as Jackson's own factory says only of its exact class; without it some inputs are refused. */
    @Override
    public String getFormatName() {
        return FORMAT_NAME_JSON;
    }

    @Override
    public JsonFactory copy() {
        return new ScaleBoundFactory(this);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return new Parser(super._createParser(data, offset, len, ctxt), maxScale);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return new Parser(super._createParser(in, ctxt), maxScale);
    }

    @Override
    protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
        return new Parser(super._createParser(r, ctxt), maxScale);
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
            throws IOException {
        return new Parser(super._createParser(data, offset, len, ctxt, recyclable), maxScale);
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
        return new Parser(super._createParser(input, ctxt), maxScale);
    }

    /**
     * The scale a {@code BigDecimal} of a JSON number's characters has: digits after the point minus
     * the exponent (saturated far beyond any limit).
     */
    static long scale(char[] text, int offset, int length) {
        int end = offset + length;
        int i = offset;
        long fractionDigits = 0;
        boolean fraction = false;
        for (; i < end; i++) {
            char c = text[i];
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c == '.') {
                fraction = true;
            } else if (fraction) {
                fractionDigits++;
            }
        }
        long exponent = 0;
        boolean negative = false;
        for (i++; i < end; i++) {
            char c = text[i];
            if (c == '-') {
                negative = true;
            } else if (c != '+') {
                exponent = Math.min(exponent * 10 + (c - '0'), EXPONENT_CAP);
            }
        }
        return fractionDigits - (negative ? -exponent : exponent);
    }

    /**
     * Checks every fractional number token it moves to; everything else is the wrapped parser's.
     * {@link JsonParser}'s own {@code nextFieldName()}, {@code nextTextValue()} and the like move
     * through {@link #nextToken()}, and {@link #skipChildren()} does too, so no token escapes.
     */
    static final class Parser extends JsonParserDelegate {

        private final int maxScale;

        Parser(JsonParser parser, int maxScale) {
            super(parser);
            this.maxScale = maxScale;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return checked(super.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return checked(super.nextValue());
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken token = currentToken();
            if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
                return this;
            }
            int open = 1;
            // The wrapped parser refuses an unclosed value before it could run out of tokens here.
            for (token = nextToken(); token != null; token = nextToken()) {
                if (token.isStructStart()) {
                    open++;
                } else if (token.isStructEnd() && --open == 0) {
                    break;
                }
            }
            return this;
        }

        private JsonToken checked(JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                long scale = scale(getTextCharacters(), getTextOffset(), getTextLength());
                if (Math.abs(scale) > maxScale) {
                    throw MismatchedInputException.from(this, BigDecimal.class, "number at "
                            + getParsingContext().pathAsPointer() + " has a scale of " + scale
                            + ", beyond the limit of " + maxScale + " either way (its exponent is too large)");
                }
            }
            return token;
        }
    }
}
