package dev.tidewire.internal.parser;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.tidewire.internal.parser.JsonWriter.toJson;
import static org.junit.jupiter.api.Assertions.*;

class JsonWriterTest {

    @Test
    void integersOfEveryWidth() {
        assertEquals("[1,-2,3,4,9223372036854775807]",
                toJson(List.of(1L, -2, (short) 3, (byte) 4, Long.MAX_VALUE)));
    }

    @Test
    void integralDoublesHaveNoFraction() {
        assertEquals("1", toJson(1.0));
        assertEquals("-42", toJson(-42.0));
        assertEquals("0", toJson(-0.0));
        assertEquals("1", toJson(1.0f));
    }

    @Test
    void doublesFollowJavaScriptNumberToString() {
        assertEquals("1.5", toJson(1.5));
        assertEquals("0.1", toJson(0.1));
        assertEquals("0.00001", toJson(1e-5));
        assertEquals("1e-7", toJson(1e-7));
        assertEquals("1.5e-7", toJson(1.5e-7));
        assertEquals("123456789012345680000", toJson(123456789012345678901.0));
        assertEquals("1e+21", toJson(1e21));
        assertEquals("1.7976931348623157e+308", toJson(Double.MAX_VALUE));
        // JDK 17's Double.toString gives 4.9E-324 (JDK-4511638, fixed in 19): longer than JS's 5e-324, same value
        assertEquals(Double.MIN_VALUE, Double.parseDouble(toJson(Double.MIN_VALUE)));
        assertEquals("-12.25", toJson(-12.25));
        assertEquals("10000000000000000", toJson(1e16));
    }

    @Test
    void floatsUseTheirOwnShortestDigits() {
        assertEquals("0.1", toJson(0.1f));
        assertEquals("3.25", toJson(3.25f));
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        assertEquals("[null,null,null,null]",
                toJson(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN)));
    }

    @Test
    void bigNumbersAreWrittenPlain() {
        assertEquals("123456789012345678901234567890", toJson(new BigInteger("123456789012345678901234567890")));
        assertEquals("0.000000001", toJson(new BigDecimal("1E-9")));
        assertEquals("1000", toJson(new BigDecimal("1E+3")));
    }

    @Test
    void stringEscapes() {
        assertEquals("\"a\\\"b\\\\c/d\"", toJson("a\"b\\c/d"));
        assertEquals("\"\\b\\f\\n\\r\\t\"", toJson("\b\f\n\r\t"));
        assertEquals("\"\\u0000\\u001f\\u0001\"", toJson("\u0000\u001f\u0001"));
        assertEquals("\"\u007f\u2028\u2029\"", toJson("\u007f\u2028\u2029"));
    }

    @Test
    void surrogatePairsStayRawLoneSurrogatesAreEscaped() {
        assertEquals("\"😀\"", toJson("😀"));
        assertEquals("\"\\ud800x\"", toJson("\ud800x"));
        assertEquals("\"x\\udc00\"", toJson("x\udc00"));
        assertEquals("\"\\udc00\\ud800\"", toJson("\udc00\ud800"));
        assertEquals("\"\\ud800\"", toJson("\ud800"));
    }

    @Test
    void multibyteTextIsUnchanged() {
        assertEquals("\"héllo wörld 日本語\"", toJson("héllo wörld 日本語"));
    }

    @Test
    void literalsAndContainers() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("b", true);
        map.put(2, null);
        map.put("list", new ArrayList<>(List.of(false)));
        assertEquals("{\"b\":true,\"2\":null,\"list\":[false]}", toJson(map));
        assertEquals("{}", toJson(Map.of()));
        assertEquals("[]", toJson(List.of()));
        assertEquals("null", toJson(null));
        assertEquals("[null]", toJson(Arrays.asList((Object) null)));
    }

    @Test
    void arraysOfObjectsAndPrimitives() {
        assertEquals("[\"a\",1]", toJson(new Object[]{"a", 1}));
        assertEquals("[1,2]", toJson(new int[]{1, 2}));
        assertEquals("[3,4]", toJson(new long[]{3, 4}));
        assertEquals("[1.5,2]", toJson(new double[]{1.5, 2}));
        assertEquals("[0.5]", toJson(new float[]{0.5f}));
        assertEquals("[7]", toJson(new short[]{7}));
        assertEquals("[true,false]", toJson(new boolean[]{true, false}));
        assertEquals("\"hi\"", toJson(new char[]{'h', 'i'}));
        assertEquals("[[1],[2]]", toJson(new int[][]{{1}, {2}}));
    }

    @Test
    void optionalsEnumsCharacters() {
        enum Color { RED }
        assertEquals("[null,\"x\",\"RED\",\"c\",\"sb\"]",
                toJson(List.of(Optional.empty(), Optional.of("x"), Color.RED, 'c', new StringBuilder("sb"))));
    }

    @Test
    void datesLikeJsonStringify() {
        assertEquals("\"1970-01-01T00:00:00.000Z\"", toJson(new Date(0)));
        assertEquals("\"2024-01-02T03:04:05.678Z\"", toJson(Instant.parse("2024-01-02T03:04:05.678912Z")));
        assertEquals("\"1969-12-31T23:59:59.999Z\"", toJson(Instant.ofEpochMilli(-1)));
        assertEquals("\"+010000-01-01T00:00:00.000Z\"", toJson(Instant.parse("+10000-01-01T00:00:00Z")));
        assertEquals("\"2000-01-01T00:00:00.000Z\"", toJson(java.sql.Date.valueOf("2000-01-01")
                .toLocalDate().atStartOfDay(ZoneId.of("UTC")).toInstant()));
        assertEquals("\"2024-05-06\"", toJson(LocalDate.of(2024, 5, 6)));
        assertEquals("\"2024-05-06T07:08:09+02:00\"",
                toJson(ZonedDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneId.of("Europe/Paris"))));
    }

    @Test
    void sqlDateDoesNotThrow() {
        assertTrue(toJson(new java.sql.Date(0)).startsWith("\"1970-01-01T"));
    }

    @Test
    void jsonValuesWriteTheirOwnText() {
        var obj = Json.createObjectBuilder().add("a", 1).add("s", "x\"y").add("arr", Json.createArrayBuilder()
                .add(true).addNull()).build();
        assertEquals("[{\"a\":1,\"s\":\"x\\\"y\",\"arr\":[true,null]}]", toJson(List.of(obj)));
        assertEquals("\"q\"", toJson(Json.createValue("q")));
    }

    @Test
    void unknownTypesAreRejectedNamingTheClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> toJson(UUID.randomUUID()));
        assertTrue(e.getMessage().contains("java.util.UUID"), e.getMessage());
    }

    @Test
    void fallbackWritesUnknownTypes() {
        UUID id = new UUID(0, 1);
        assertEquals("[\"00000000-0000-0000-0000-000000000001\"]",
                JsonWriter.toJson(List.of(id), v -> "\"" + v + "\""));
    }

    @Test
    void binaryIsNotJson() {
        assertThrows(IllegalArgumentException.class, () -> toJson(new byte[]{1}));
        assertThrows(IllegalArgumentException.class, () -> toJson(ByteBuffer.allocate(1)));
    }

    @Test
    void cyclicStructureFailsCleanly() {
        List<Object> self = new ArrayList<>();
        self.add(self);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> toJson(self));
        assertTrue(e.getMessage().contains("cyclic"), e.getMessage());
    }

    @Test
    void writeAppendsToAnExistingBuilder() {
        StringBuilder sb = new StringBuilder("x=");
        JsonWriter.write(sb, List.of(1), JsonFallback.REJECT);
        assertEquals("x=[1]", sb.toString());
    }
}
