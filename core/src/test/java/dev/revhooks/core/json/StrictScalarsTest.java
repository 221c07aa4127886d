package dev.revhooks.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict scalar readings agree with their definitions: a date-time is whatever
 * {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} reads (the {@link Rfc3339} shortcut included), a
 * UUID is the canonical 36-character form that {@link UUID#fromString} reads.
 */
class StrictScalarsTest {

    /** The definition the shortcut must agree with. */
    private static Instant formatter(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-05-27T03:05:00Z", "2026-05-27T03:05:00+00:00", "2026-05-27T03:05:00-00:00",
        "2026-05-27T03:05:00.5Z", "2026-05-27T03:05:00.123456789+05:30", "2026-05-27T03:05:00.000000001-11:45", "2026-05-27T03:05:00-11:59",
        "2024-02-29T23:59:59+18:00", "2024-02-29T00:00:00-18:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.9Z", "2000-02-29T12:00:00Z"})
    void theCommonShapeIsReadDirectlyAndAgreesWithTheFormatter(String text) {
        assertThat(Rfc3339.parse(text)).isNotNull().isEqualTo(formatter(text));
        assertThat(StrictScalars.instant(text)).isEqualTo(formatter(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2023-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z",
        "2026-01-01T00:00:60Z", "2026-01-01T00:00:00+18:01", "2026-01-01T00:00:00+19:00", "2026-01-01T00:00:00+01:60",
        "2026-01-01T00:00:00.1234567890Z", "2026-01-01T00:00:00", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00ZZ",
        "2026-01-01 00:00:00Z", "2026-01-01T00:00:00+0100", "+2026-01-01T00:00:00Z", "2026-1-01T00:00:00Z",
        "2026-01-01T00:00:0aZ", "2026-01-01T00:00:00*01:00", "2026-01-01T00:00:00+01-00", "2026-01-01T00:00:00.1a+01:00"})
    void anythingOutsideTheCommonShapeOrItsRangesIsLeftToTheFormatter(String text) {
        assertThat(Rfc3339.parse(text)).isNull();
        assertThat(StrictScalars.instant(text)).isEqualTo(formatter(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-05-27t03:05:00z", "2026-05-27T03:05Z", "2026-05-27T03:05:00+01", "2026-05-27T03:05:00+01:00:30",
        "+12026-05-27T03:05:00Z", "-0001-05-27T03:05:00Z"})
    void otherFormsTheFormatterAcceptsStillParse(String text) {
        assertThat(Rfc3339.parse(text)).isNull();
        assertThat(StrictScalars.instant(text)).isNotNull().isEqualTo(formatter(text));
    }

    @Test
    void generatedDateTimesInAndAroundTheCommonShapeReadAsTheFormatterReadsThem() {
        String[] offsets = {"Z", "z", "+00:00", "-00:00", "+05:30", "-11:59", "+18:00", "-18:00", "+18:30", "+1:00",
            "+0530", "+05", "", "+05:30:15"};
        qt().withExamples(20_000).forAll(
                        integers().between(0, 10_000), integers().between(0, 14 * 33 - 1),
                        integers().between(0, 25 * 61 * 62 - 1), integers().between(0, 12 * offsets.length - 1))
                .checkAssert((year, date, time, tail) -> {
                    int fraction = tail / offsets.length;
                    String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", year, date / 33, date % 33,
                            time / (61 * 62), time / 62 % 61, time % 62,
                            fraction == 0 ? "" : "." + "1234567890".substring(0, fraction - 1), offsets[tail % offsets.length]);
                    assertThat(StrictScalars.instant(text)).as(text).isEqualTo(formatter(text));
                    Instant shortcut = Rfc3339.parse(text);
                    if (shortcut != null) {
                        assertThat(shortcut).as(text).isEqualTo(formatter(text));
                    }
                });
    }

    @Test
    void anySingleCharacterChangeToAValidDateTimeReadsAsTheFormatterReadsIt() {
        String valid = "2024-02-29T23:59:58.123456789+05:30";
        String replacements = "0123456789+-:.TtZz xé\u0660";
        qt().withExamples(5_000).forAll(integers().between(0, valid.length() - 1), integers().between(0, replacements.length() - 1),
                        integers().between(0, 2))
                .checkAssert((at, with, how) -> {
                    String text = switch (how) {
                        case 0 -> valid.substring(0, at) + replacements.charAt(with) + valid.substring(at + 1);
                        case 1 -> valid.substring(0, at) + valid.substring(at + 1);
                        default -> valid.substring(0, at) + replacements.charAt(with) + valid.substring(at);
                    };
                    assertThat(StrictScalars.instant(text)).as(text).isEqualTo(formatter(text));
                });
    }

    @Test
    void everyUuidReadsBackInEitherCase() {
        qt().withExamples(5_000).forAll(longs().all(), longs().all()).checkAssert((most, least) -> {
            UUID uuid = new UUID(most, least);
            assertThat(StrictScalars.uuid(uuid.toString())).isEqualTo(uuid);
            assertThat(StrictScalars.uuid(uuid.toString().toUpperCase(java.util.Locale.ROOT))).isEqualTo(uuid);
        });
    }

    @Test
    void aUuidWithAnyCharacterOutOfPlaceIsRefused() {
        String valid = "123e4567-e89b-12d3-a456-426614174000";
        String replacements = "-+gG xé0fF";
        qt().withExamples(3_000).forAll(integers().between(0, valid.length() - 1), integers().between(0, replacements.length() - 1))
                .checkAssert((at, with) -> {
                    char c = replacements.charAt(with);
                    String text = valid.substring(0, at) + c + valid.substring(at + 1);
                    boolean dashPlace = at == 8 || at == 13 || at == 18 || at == 23;
                    boolean fits = dashPlace ? c == '-' : Character.digit(c, 16) >= 0 && c < 128;
                    if (fits) {
                        assertThat(StrictScalars.uuid(text)).as(text).isEqualTo(UUID.fromString(text));
                    } else {
                        assertThat(StrictScalars.uuid(text)).as(text).isNull();
                    }
                });
    }
}
