package dev.tidewire.internal.engine;

import org.junit.jupiter.api.Test;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The answer to a permessage-deflate offer, shared by the Undertow and Tyrus glue. */
class DeflateOfferTest {
    private static List<Map.Entry<String, String>> offer(String... nameValue) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) parameters.add(new SimpleEntry<>(nameValue[i], nameValue[i + 1]));
        return parameters;
    }

    @Test
    void aBareOfferIsAcceptedWithNoParameters() {
        assertEquals(new DeflateOffer(List.of(), false), DeflateOffer.accept(offer()));
    }

    @Test
    void noContextTakeoverIsEchoedAndTheClientsResetIsNoted() {
        assertEquals(new DeflateOffer(List.of("server_no_context_takeover", "client_no_context_takeover"), true),
                DeflateOffer.accept(offer("server_no_context_takeover", null, "client_no_context_takeover", "")));
    }

    @Test
    void windowSizes() {
        assertEquals(new DeflateOffer(List.of(), false), DeflateOffer.accept(offer("server_max_window_bits", "15")));
        assertEquals(new DeflateOffer(List.of(), false), DeflateOffer.accept(offer("server_max_window_bits", "\"15\"")));
        assertNull(DeflateOffer.accept(offer("server_max_window_bits", "10")), "the JDK cannot narrow its window");
        assertNull(DeflateOffer.accept(offer("server_max_window_bits", null)));
        assertEquals(new DeflateOffer(List.of(), false), DeflateOffer.accept(offer("client_max_window_bits", null)));
        assertEquals(new DeflateOffer(List.of(), false), DeflateOffer.accept(offer("client_max_window_bits", "9")));
        assertNull(DeflateOffer.accept(offer("client_max_window_bits", "16")));
        assertNull(DeflateOffer.accept(offer("client_max_window_bits", "x")));
    }

    @Test
    void unknownRepeatedOrValuedFlagsDeclineTheOffer() {
        assertNull(DeflateOffer.accept(offer("mystery", null)));
        assertNull(DeflateOffer.accept(offer("server_no_context_takeover", null, "server_no_context_takeover", null)));
        assertNull(DeflateOffer.accept(offer("client_no_context_takeover", "1")));
    }
}
