package dev.tidewire.internal.jakarta;

import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The binder on the decoder's values (String, Long, Double, Boolean, Map, List, byte[], null) with Yasson. */
public class JsonbValueBinderTest {
    public record Point(int x, int y) {
    }

    private final JsonbValueBinder binder = new JsonbValueBinder(JsonbBuilder.create());

    @Test
    void valuesOfTheDeclaredTypePassThroughUntouched() {
        byte[] data = {1, 2};
        Map<String, Object> map = Map.of("a", 1L);
        assertSame(data, binder.bind(data, byte[].class));
        assertSame(map, binder.bind(map, Object.class));
        Long n = 7L;
        assertSame(n, binder.bind(n, Long.class));
        assertNull(binder.bind(null, Point.class));
    }

    @Test
    void mapsAndListsGoThroughJsonb() {
        assertEquals(new Point(1, 2), binder.bind(Map.of("x", 1L, "y", 2L), Point.class));
        assertEquals(List.of(new Point(3, 4)), binder.bind(List.of(Map.of("x", 3L, "y", 4L)), listOfPoint()));
    }

    /** {@code List<Point>}, as a handler's parameter declares it. */
    private static Type listOfPoint() {
        try {
            return JsonbValueBinderTest.class.getDeclaredMethod("pointsType", List.class).getGenericParameterTypes()[0];
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unused")
    private static void pointsType(List<Point> points) {
    }

    @Test
    void aStringParameterTakesAnyScalarAsText() {
        assertEquals("5", binder.bind(5L, String.class));
        assertEquals("1.5", binder.bind(1.5, String.class));
        assertEquals("false", binder.bind(false, String.class));
    }

    @Test
    void wholeNumberTypesTakeOnlyNumbersTheyHoldExactly() {
        assertEquals(42, (int) binder.bind(42L, int.class));
        assertEquals(Integer.MIN_VALUE, (int) binder.<Integer>bind((long) Integer.MIN_VALUE, Integer.class));
        assertEquals((short) -3, (short) binder.bind(-3L, short.class));
        assertEquals((byte) 127, (byte) binder.bind(127L, Byte.class));
        assertEquals(1L << 40, (long) binder.bind(1L << 40, long.class));
        assertRefused(3_000_000_000L, int.class, "out of range");
        assertRefused(40_000L, Short.class, "out of range");
        assertRefused(128L, byte.class, "out of range");
        assertRefused(1.5, long.class, "not a whole number");
        assertRefused(1e30, Long.class, "not a whole number");
    }

    private void assertRefused(Object value, Class<?> type, String why) {
        JsonbException e = assertThrows(JsonbException.class, () -> binder.bind(value, type));
        assertTrue(e.getMessage().contains(why) && e.getMessage().contains(type.getName()), e.getMessage());
    }

    @Test
    void aValueJsonbCannotReadIsAJsonbException() {
        assertThrows(JsonbException.class, () -> binder.bind("x", int.class));
        assertThrows(JsonbException.class, () -> binder.bind("abc", byte[].class));
    }

    @Test
    void objectsTheCodecCannotWriteAreWrittenByJsonb() {
        assertEquals("{\"x\":1,\"y\":2}", binder.toJson(new Point(1, 2)));
    }
}
