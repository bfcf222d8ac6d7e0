package com.sparkify.dwh.local.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sparkify.dwh.local.copy.CopyCommand.TimeFormat;
import com.sparkify.dwh.local.copy.JsonValue.Kind;
import com.sparkify.dwh.local.copy.TargetColumn.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One JSON value into one column, by the rules of Redshift's COPY documentation
 * (copy-parameters-data-conversion, copy-parameters-data-format, r_Character_types, r_Boolean_type,
 * r_Load_Error_Reference). Expected values are worked out from those pages, not from the code.
 */
class ValueConverterTest {

    private static final ValueConverter PLAIN = new ValueConverter(false, false, false, TimeFormat.DEFAULT);
    private static final ValueConverter EMPTY_AS_NULL = new ValueConverter(true, false, false, TimeFormat.DEFAULT);
    private static final ValueConverter BLANKS_AS_NULL = new ValueConverter(false, true, false, TimeFormat.DEFAULT);
    private static final ValueConverter TRUNCATE = new ValueConverter(false, false, true, TimeFormat.DEFAULT);

    private static TargetColumn column(Type type) {
        return new TargetColumn("col", type, 0, false, 0, 0);
    }

    private static TargetColumn varchar(int bytes) {
        return new TargetColumn("artist", Type.TEXT, bytes, false, 0, 0);
    }

    private static TargetColumn decimal(int precision, int scale) {
        return new TargetColumn("amount", Type.DECIMAL, 0, false, precision, scale);
    }

    private static JsonValue string(String text) {
        return new JsonValue(Kind.STRING, text);
    }

    private static JsonValue number(String literal) {
        return new JsonValue(Kind.NUMBER, literal);
    }

    private static JsonValue bool(boolean value) {
        return new JsonValue(Kind.BOOLEAN, Boolean.toString(value));
    }

    private static JsonValue structure(String json) {
        return new JsonValue(Kind.STRUCTURE, json);
    }

    private static Object convert(ValueConverter converter, JsonValue value, TargetColumn column) {
        try {
            return converter.convert(value, column);
        } catch (RowRejectedException e) {
            throw new AssertionError("rejected (" + e.errorCode() + "): " + e.reason(), e);
        }
    }

    private static Object convert(JsonValue value, TargetColumn column) {
        return convert(PLAIN, value, column);
    }

    private static RowRejectedException rejected(ValueConverter converter, JsonValue value, TargetColumn column) {
        RowRejectedException e = catchThrowableOfType(RowRejectedException.class,
                () -> converter.convert(value, column));
        assertThat(e).as("%s into %s is rejected", value, column.type()).isNotNull();
        return e;
    }

    private static RowRejectedException rejected(JsonValue value, TargetColumn column) {
        return rejected(PLAIN, value, column);
    }

    @Nested
    class Nulls {

        @ParameterizedTest
        @EnumSource(Type.class)
        void jsonNullIsNullForEveryType(Type type) {
            assertThat(convert(JsonValue.NULL, column(type))).isNull();
            assertThat(convert(EMPTY_AS_NULL, JsonValue.NULL, column(type))).isNull();
        }

        @ParameterizedTest
        @EnumSource(value = Type.class, names = "TEXT", mode = EnumSource.Mode.EXCLUDE)
        void emptyAndBlankStringsAreAlwaysNullForNonTextColumns(Type type) {
            // "Empty strings for other data types, such as INT, are always loaded with NULL."
            // "Blank fields for other data types, such as INT, are always loaded with NULL."
            assertThat(convert(string(""), column(type))).isNull();
            assertThat(convert(string("   "), column(type))).isNull();
            assertThat(convert(string("\t "), column(type))).isNull();
        }

        @Test
        void emptyStringIntoTextIsAnEmptyStringByDefault() {
            // "COPY loads empty strings as empty fields by default."
            assertThat(convert(string(""), varchar(10))).isEqualTo("");
        }

        @Test
        void emptyStringIntoTextIsNullWithEmptyAsNull() {
            assertThat(convert(EMPTY_AS_NULL, string(""), varchar(10))).isNull();
            // EMPTYASNULL is about empty fields only: blanks stay.
            assertThat(convert(EMPTY_AS_NULL, string("   "), varchar(10))).isEqualTo("   ");
        }

        @Test
        void blanksIntoTextAreKeptByDefaultAndNullWithBlanksAsNull() {
            // "The default behavior, without this option, is to load the space characters as is."
            assertThat(convert(string("   "), varchar(10))).isEqualTo("   ");
            // "a string that contains three space characters in succession (and no other characters) is loaded
            // as a NULL"
            assertThat(convert(BLANKS_AS_NULL, string("   "), varchar(10))).isNull();
            assertThat(convert(BLANKS_AS_NULL, string(" \t "), varchar(10))).isNull();
            assertThat(convert(BLANKS_AS_NULL, string(" a "), varchar(10))).isEqualTo(" a ");
        }

        @Test
        void bothOptionsTogether() {
            ValueConverter both = new ValueConverter(true, true, false, TimeFormat.DEFAULT);
            assertThat(convert(both, string(""), varchar(10))).isNull();
            assertThat(convert(both, string("  "), varchar(10))).isNull();
            assertThat(convert(both, string("x"), varchar(10))).isEqualTo("x");
        }
    }

    @Nested
    class Text {

        @Test
        void stringsLoadAsTheyAre() {
            assertThat(convert(string("Beyoncé"), varchar(256))).isEqualTo("Beyoncé");
            assertThat(convert(string(" padded "), varchar(256))).isEqualTo(" padded ");
        }

        @Test
        void numbersKeepTheirLiteral() {
            assertThat(convert(number("112"), varchar(256))).isEqualTo("112");
            assertThat(convert(number("1.50"), varchar(256))).isEqualTo("1.50");
            assertThat(convert(number("-0.0"), varchar(256))).isEqualTo("-0.0");
            assertThat(convert(number("123456789012345678901234567890"), varchar(256)))
                    .isEqualTo("123456789012345678901234567890");
        }

        @Test
        void booleansLoadAsTheirWord() {
            assertThat(convert(bool(true), varchar(256))).isEqualTo("true");
            assertThat(convert(bool(false), varchar(256))).isEqualTo("false");
        }

        @Test
        void nestedObjectsAndArraysLoadAsTheirJsonText() {
            // "the entire object or array is loaded as a string, including the braces or brackets"
            assertThat(convert(structure("{\"id\": 1,\"name\": \"Renaldo\"}"), varchar(256)))
                    .isEqualTo("{\"id\": 1,\"name\": \"Renaldo\"}");
            assertThat(convert(structure("[\"nisi\",\"culpa\"]"), varchar(256))).isEqualTo("[\"nisi\",\"culpa\"]");
        }

        @Test
        void lengthIsCountedInBytes() {
            // "VARCHAR(12) column can contain 12 single-byte characters, 6 two-byte characters, 4 three-byte
            // characters, or 3 four-byte characters."
            assertThat(convert(string("abcdefghijkl"), varchar(12))).isEqualTo("abcdefghijkl");
            assertThat(convert(string("éééééé"), varchar(12))).isEqualTo("éééééé");
            assertThat(convert(string("日本語日"), varchar(12))).isEqualTo("日本語日");
            assertThat(convert(string("😀😀😀"), varchar(12))).isEqualTo("😀😀😀");
        }

        @Test
        void oneByteTooManyIsRejectedWith1204() {
            for (String tooLong : new String[] {"abcdefghijklm", "ééééééa", "日本語日a", "😀😀😀a", "ééééééé"}) {
                RowRejectedException e = rejected(string(tooLong), varchar(12));
                assertThat(e.errorCode()).isEqualTo(1204);
                assertThat(e.reason()).startsWith("String length exceeds DDL length");
                assertThat(e.column()).isEqualTo("artist");
                assertThat(e.rawValue()).isEqualTo(tooLong);
            }
        }

        @Test
        void multibyteStringShorterInCharactersThanTheLengthIsStillTooLong() {
            // 4 characters, 12 bytes: fits VARCHAR(12), not VARCHAR(11); a count of characters would accept both.
            assertThat(rejected(string("日本語日"), varchar(11)).errorCode()).isEqualTo(1204);
            assertThat(rejected(string("😀"), varchar(3)).errorCode()).isEqualTo(1204);
        }

        @Test
        void numbersAreCheckedAgainstTheLengthToo() {
            assertThat(rejected(number("12345"), varchar(4)).errorCode()).isEqualTo(1204);
            assertThat(convert(number("1234"), varchar(4))).isEqualTo("1234");
        }

        @Test
        void truncateColumnsCutsToTheByteLength() {
            assertThat(convert(TRUNCATE, string("abcdef"), varchar(4))).isEqualTo("abcd");
            assertThat(convert(TRUNCATE, number("12345"), varchar(2))).isEqualTo("12");
            assertThat(convert(TRUNCATE, string("abcd"), varchar(4))).isEqualTo("abcd");
        }

        @Test
        void truncateColumnsNeverSplitsACharacter() {
            // é is 2 bytes, 日 3, 😀 4: the cut backs off to the start of the character that does not fit.
            assertThat(convert(TRUNCATE, string("aéb"), varchar(2))).isEqualTo("a");
            assertThat(convert(TRUNCATE, string("aéb"), varchar(3))).isEqualTo("aé");
            assertThat(convert(TRUNCATE, string("日本語"), varchar(5))).isEqualTo("日");
            assertThat(convert(TRUNCATE, string("日本語"), varchar(6))).isEqualTo("日本");
            assertThat(convert(TRUNCATE, string("日本語"), varchar(2))).isEqualTo("");
            assertThat(convert(TRUNCATE, string("a😀b"), varchar(4))).isEqualTo("a");
            assertThat(convert(TRUNCATE, string("a😀b"), varchar(5))).isEqualTo("a😀");
            assertThat(convert(TRUNCATE, string("Éléonore"), varchar(5))).isEqualTo("Élé");
        }

        @Test
        void truncateColumnsLeavesOtherTypesAlone() {
            assertThat(rejected(TRUNCATE, number("40000"), column(Type.SMALLINT)).errorCode()).isIn(1204, 1222);
        }
    }

    @Nested
    class Integers {

        @Test
        void numbersAndNumericStrings() {
            assertThat(convert(number("139"), column(Type.INTEGER))).isEqualTo(139);
            assertThat(convert(string("139"), column(Type.INTEGER))).isEqualTo(139);
            assertThat(convert(number("-7"), column(Type.SMALLINT))).isEqualTo((short) -7);
            assertThat(convert(string("-42"), column(Type.BIGINT))).isEqualTo(-42L);
            assertThat(convert(number("0"), column(Type.BIGINT))).isEqualTo(0L);
        }

        @Test
        void typeRangesAreInclusive() {
            assertThat(convert(number("32767"), column(Type.SMALLINT))).isEqualTo(Short.MAX_VALUE);
            assertThat(convert(number("-32768"), column(Type.SMALLINT))).isEqualTo(Short.MIN_VALUE);
            assertThat(convert(number("2147483647"), column(Type.INTEGER))).isEqualTo(Integer.MAX_VALUE);
            assertThat(convert(number("-2147483648"), column(Type.INTEGER))).isEqualTo(Integer.MIN_VALUE);
            assertThat(convert(number("9223372036854775807"), column(Type.BIGINT))).isEqualTo(Long.MAX_VALUE);
            assertThat(convert(number("-9223372036854775808"), column(Type.BIGINT))).isEqualTo(Long.MIN_VALUE);
        }

        @Test
        void invalidDigitIs1207WithValuePositionAndType() {
            // DG SYS_LOAD_ERROR_DETAIL sample: "Invalid digit, Value 'a', Pos 0, Type: Integer"
            RowRejectedException letters = rejected(string("abc"), column(Type.INTEGER));
            assertThat(letters.errorCode()).isEqualTo(1207);
            assertThat(letters.reason()).isEqualTo("Invalid digit, Value 'a', Pos 0, Type: Integer");
            assertThat(letters.column()).isEqualTo("col");
            assertThat(letters.columnType()).isEqualTo("int4");
            assertThat(letters.rawValue()).isEqualTo("abc");

            RowRejectedException later = rejected(string("12x4"), column(Type.SMALLINT));
            assertThat(later.errorCode()).isEqualTo(1207);
            assertThat(later.reason()).isEqualTo("Invalid digit, Value 'x', Pos 2, Type: Short");
            assertThat(later.columnType()).isEqualTo("int2");
        }

        @Test
        void aFractionIntoAnIntegerIsAnInvalidDigit() {
            // Real stl_load_errors row: 20200407.0 into int8 -> "Invalid digit, Value '.', Pos 8, Type: Long"
            RowRejectedException e = rejected(number("20200407.0"), column(Type.BIGINT));
            assertThat(e.errorCode()).isEqualTo(1207);
            assertThat(e.reason()).isEqualTo("Invalid digit, Value '.', Pos 8, Type: Long");
            assertThat(e.columnType()).isEqualTo("int8");

            assertThat(rejected(number("1.5"), column(Type.INTEGER)).reason())
                    .isEqualTo("Invalid digit, Value '.', Pos 1, Type: Integer");
        }

        @Test
        void jsonBooleanIntoAnIntegerIsRejected() {
            assertThat(rejected(bool(true), column(Type.INTEGER)).errorCode()).isEqualTo(1207);
        }

        @Test
        void overflowPerType() {
            // Observed text: "Overflow (Short valid range -32768 to 32767)"; the code is 1204 ("Input data exceeded
            // the acceptable range for the data type") or 1222 ("Integer value overflow error").
            RowRejectedException smallint = rejected(number("32768"), column(Type.SMALLINT));
            assertThat(smallint.errorCode()).isIn(1204, 1222);
            assertThat(smallint.reason()).isEqualTo("Overflow (Short valid range -32768 to 32767)");
            assertThat(rejected(number("-32769"), column(Type.SMALLINT)).reason())
                    .isEqualTo("Overflow (Short valid range -32768 to 32767)");

            RowRejectedException integer = rejected(string("2147483648"), column(Type.INTEGER));
            assertThat(integer.errorCode()).isIn(1204, 1222);
            assertThat(integer.reason()).isEqualTo("Overflow (Integer valid range -2147483648 to 2147483647)");

            RowRejectedException bigint = rejected(number("9223372036854775808"), column(Type.BIGINT));
            assertThat(bigint.errorCode()).isIn(1204, 1222);
            assertThat(bigint.reason())
                    .isEqualTo("Overflow (Long valid range -9223372036854775808 to 9223372036854775807)");
            assertThat(rejected(number("-99999999999999999999"), column(Type.BIGINT)).reason())
                    .startsWith("Overflow (Long valid range");
        }

        @Test
        void nestedStructureIntoANumberIsRejected() {
            assertThat(catchThrowableOfType(RowRejectedException.class,
                    () -> PLAIN.convert(structure("{\"a\":1}"), column(Type.INTEGER)))).isNotNull();
            assertThat(catchThrowableOfType(RowRejectedException.class,
                    () -> PLAIN.convert(structure("[1]"), column(Type.DOUBLE)))).isNotNull();
        }
    }

    @Nested
    class Floats {

        @Test
        void numbersAndNumericStrings() {
            assertThat(convert(number("218.93179"), column(Type.DOUBLE))).isEqualTo(218.93179);
            assertThat(convert(string("1.5"), column(Type.DOUBLE))).isEqualTo(1.5);
            assertThat(convert(number("-3e2"), column(Type.DOUBLE))).isEqualTo(-300.0);
            assertThat(convert(number("42"), column(Type.DOUBLE))).isEqualTo(42.0);
            assertThat(convert(number("1.25"), column(Type.REAL))).isEqualTo(1.25f);
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "1.5x", "1.5d", "1.5f", "1,5"})
        void badFloatIs1208(String text) {
            assertThat(rejected(string(text), column(Type.DOUBLE)).errorCode()).isEqualTo(1208);
        }
    }

    @Nested
    class Decimals {

        @Test
        void extraScaleIsTruncatedNotRounded() {
            // "if a value of 20.259 is loaded into a DECIMAL(8,2) column, COPY truncates the value to 20.25"
            assertThat(convert(number("20.259"), decimal(8, 2))).isEqualTo(new BigDecimal("20.25"));
            assertThat(convert(string("20.259"), decimal(8, 2))).isEqualTo(new BigDecimal("20.25"));
            assertThat(convert(number("20.999"), decimal(8, 2))).isEqualTo(new BigDecimal("20.99"));
            assertThat(convert(number("-20.259"), decimal(8, 2))).isEqualTo(new BigDecimal("-20.25"));
        }

        @Test
        void shorterScaleIsPadded() {
            assertThat(convert(number("20"), decimal(8, 2))).isEqualTo(new BigDecimal("20.00"));
            assertThat(convert(number("0.5"), decimal(8, 2))).isEqualTo(new BigDecimal("0.50"));
        }

        @Test
        void tooManyIntegerDigitsIsRejected() {
            assertThat(convert(number("99.99"), decimal(4, 2))).isEqualTo(new BigDecimal("99.99"));
            assertThat(rejected(number("100.00"), decimal(4, 2)).errorCode()).isEqualTo(1204);
        }

        @Test
        void badDecimalIs1209() {
            RowRejectedException e = rejected(string("12.3.4"), decimal(8, 2));
            assertThat(e.errorCode()).isEqualTo(1209);
            assertThat(e.columnType()).isEqualTo("numeric");
        }
    }

    @Nested
    class Booleans {

        @Test
        void jsonBooleans() {
            assertThat(convert(bool(true), column(Type.BOOLEAN))).isEqualTo(true);
            assertThat(convert(bool(false), column(Type.BOOLEAN))).isEqualTo(false);
        }

        @ParameterizedTest
        @ValueSource(strings = {"true", "t", "y", "yes", "1"})
        void trueLiterals(String text) {
            // DG r_Boolean_type: valid literals for true are TRUE 't' 'true' 'y' 'yes' '1'
            assertThat(convert(string(text), column(Type.BOOLEAN))).isEqualTo(true);
        }

        @ParameterizedTest
        @ValueSource(strings = {"false", "f", "n", "no", "0"})
        void falseLiterals(String text) {
            assertThat(convert(string(text), column(Type.BOOLEAN))).isEqualTo(false);
        }

        @Test
        void numbersOneAndZero() {
            assertThat(convert(number("1"), column(Type.BOOLEAN))).isEqualTo(true);
            assertThat(convert(number("0"), column(Type.BOOLEAN))).isEqualTo(false);
        }

        @ParameterizedTest
        @ValueSource(strings = {"maybe", "2", "tru", "yess"})
        void anythingElseIs1210(String text) {
            RowRejectedException e = rejected(string(text), column(Type.BOOLEAN));
            assertThat(e.errorCode()).isEqualTo(1210);
            assertThat(e.columnType()).isEqualTo("bool");
        }
    }

    @Nested
    class Dates {

        @Test
        void defaultDateFormat() {
            assertThat(convert(string("2018-11-01"), column(Type.DATE))).isEqualTo(LocalDate.of(2018, 11, 1));
        }

        @Test
        void otherDateFormatIs1205() {
            assertThat(rejected(string("11/01/2018"), column(Type.DATE)).errorCode()).isEqualTo(1205);
            assertThat(rejected(string("2018-13-01"), column(Type.DATE)).errorCode()).isEqualTo(1205);
        }
    }

    @Nested
    class Timestamps {

        private final TargetColumn ts = new TargetColumn("ts", Type.TIMESTAMP, 0, false, 0, 0);
        private final ValueConverter millis = new ValueConverter(false, false, false, TimeFormat.EPOCHMILLISECS);
        private final ValueConverter secs = new ValueConverter(false, false, false, TimeFormat.EPOCHSECS);
        private final ValueConverter auto = new ValueConverter(false, false, false, TimeFormat.AUTO);

        @Test
        void epochmillisecsKeepsTheMilliseconds() {
            // 1541106106796 ms = 1541106106 s + 796 ms; 1541030400 is 2018-11-01 00:00:00 UTC (17836 days),
            // and 75706 s more is 21:01:46.
            assertThat(convert(millis, number("1541106106796"), ts))
                    .isEqualTo(LocalDateTime.of(2018, 11, 1, 21, 1, 46, 796_000_000));
            assertThat(convert(millis, string("1541106106796"), ts))
                    .isEqualTo(LocalDateTime.of(2018, 11, 1, 21, 1, 46, 796_000_000));
            assertThat(convert(millis, number("0"), ts)).isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0));
            assertThat(convert(millis, number("-1"), ts))
                    .isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000));
        }

        @Test
        void epochsecs() {
            assertThat(convert(secs, number("1541106106"), ts)).isEqualTo(LocalDateTime.of(2018, 11, 1, 21, 1, 46));
            assertThat(convert(secs, string("1541106106"), ts)).isEqualTo(LocalDateTime.of(2018, 11, 1, 21, 1, 46));
            assertThat(convert(secs, number("86400"), ts)).isEqualTo(LocalDateTime.of(1970, 1, 2, 0, 0));
        }

        @Test
        void epochIsUtcForTimestamptz() {
            TargetColumn tz = new TargetColumn("ts", Type.TIMESTAMPTZ, 0, false, 0, 0);
            assertThat(convert(millis, number("1541106106796"), tz))
                    .isEqualTo(OffsetDateTime.of(2018, 11, 1, 21, 1, 46, 796_000_000, ZoneOffset.UTC));
        }

        @Test
        void textIntoAnEpochFormatIs1206() {
            RowRejectedException e = rejected(millis, string("2018-11-01 21:01:46"), ts);
            assertThat(e.errorCode()).isEqualTo(1206);
            assertThat(e.column()).isEqualTo("ts");
            assertThat(e.columnType()).isEqualTo("timestamp");
        }

        @Test
        void defaultFormat() {
            // Default TIMEFORMAT "YYYY-MM-DD HH:MI:SS"; "The seconds (SS) field also supports fractional seconds
            // up to a microsecond level of detail."
            assertThat(convert(string("2018-11-01 21:01:46"), ts)).isEqualTo(LocalDateTime.of(2018, 11, 1, 21, 1, 46));
            assertThat(convert(string("2018-11-01 21:01:46.796"), ts))
                    .isEqualTo(LocalDateTime.of(2018, 11, 1, 21, 1, 46, 796_000_000));
            assertThat(convert(string("2018-11-01 21:01:46.123456"), ts))
                    .isEqualTo(LocalDateTime.of(2018, 11, 1, 21, 1, 46, 123_456_000));
        }

        @Test
        void aNumberWithoutAnEpochTimeformatIs1206() {
            RowRejectedException e = rejected(number("1541106106796"), ts);
            assertThat(e.errorCode()).isEqualTo(1206);
            assertThat(e.rawValue()).isEqualTo("1541106106796");
            // A string of digits is not a default-format timestamp either.
            assertThat(rejected(string("1541106106796"), ts).errorCode()).isEqualTo(1206);
        }

        @Test
        void autoDoesNotReadEpochs() {
            // "Automatic recognition doesn't support epochsecs and epochmillisecs."
            assertThat(rejected(auto, number("1541106106796"), ts).errorCode()).isEqualTo(1206);
        }

        @Test
        void isoFormNeedsAuto() {
            assertThat(rejected(string("2018-11-01T21:01:46Z"), ts).errorCode()).isEqualTo(1206);

            assertThat(convert(auto, string("2018-11-01T21:01:46Z"), ts))
                    .isEqualTo(LocalDateTime.of(2018, 11, 1, 21, 1, 46));
            assertThat(convert(auto, string("2019-02-11T05:09:12.195Z"), ts))
                    .isEqualTo(LocalDateTime.of(2019, 2, 11, 5, 9, 12, 195_000_000));
            // An offset is converted to UTC.
            assertThat(convert(auto, string("2018-11-01T21:01:46+02:00"), ts))
                    .isEqualTo(LocalDateTime.of(2018, 11, 1, 19, 1, 46));
            assertThat(convert(auto, string("2018-11-01 21:01:46"), ts))
                    .isEqualTo(LocalDateTime.of(2018, 11, 1, 21, 1, 46));
        }

        @Test
        void garbageIs1206() {
            assertThat(rejected(string("yesterday"), ts).errorCode()).isEqualTo(1206);
            assertThat(rejected(auto, string("yesterday"), ts).errorCode()).isEqualTo(1206);
            assertThat(rejected(secs, string("soon"), ts).errorCode()).isEqualTo(1206);
        }
    }

    @Test
    void rejectionCarriesColumnAndRawValue() {
        assertThatThrownBy(() -> PLAIN.convert(string("x1"), new TargetColumn("userid", Type.INTEGER, 0, true, 0, 0)))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.column()).isEqualTo("userid");
                    assertThat(e.columnType()).isEqualTo("int4");
                    assertThat(e.rawValue()).isEqualTo("x1");
                    assertThat(e.errorCode()).isEqualTo(1207);
                });
    }
}
