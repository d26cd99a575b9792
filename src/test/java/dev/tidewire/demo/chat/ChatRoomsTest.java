package dev.tidewire.demo.chat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class ChatRoomsTest {
    @Test
    void roomNames() {
        for (String ok : List.of("lobby", "Dev Ops", " harbour ", "a.b_c-d", "Café", "x".repeat(30))) {
            assertNull(ChatRooms.validate(ok), ok);
        }
        for (String bad : List.of("", "  ", "x".repeat(31), "<img src=x>", "two  spaces", "a/b", "room#1")) {
            assertNotNull(ChatRooms.validate(bad), bad);
        }
        assertEquals("dev ops", ChatRooms.normalize("  Dev Ops "));
        assertEquals("room:lobby", ChatRooms.adapterRoom("lobby"));
    }
}
