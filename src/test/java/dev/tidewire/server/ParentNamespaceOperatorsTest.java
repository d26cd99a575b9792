package dev.tidewire.server;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A parent namespace's operators work as in the reference: a broadcast to rooms goes through each child's adapter to
 * that room in every child; what cannot be answered for children that differ from node to node is refused.
 */
class ParentNamespaceOperatorsTest {
    private final SioTestServer t = new SioTestServer();
    private final ParentNamespace parent = t.io.of(Pattern.compile("/team-\\d+"));
    private final SioTestServer.Peer inNewsOfTeam1 = t.connect();
    private final SioTestServer.Peer inNewsOfTeam2 = t.connect();
    private final SioTestServer.Peer notInNews = t.connect();

    ParentNamespaceOperatorsTest() {
        t.io.of("/team-1").sockets().get(inNewsOfTeam1.connectTo("/team-1")).join("news");
        t.io.of("/team-2").sockets().get(inNewsOfTeam2.connectTo("/team-2")).join("news");
        notInNews.connectTo("/team-2");
    }

    @Test
    void aBroadcastToARoomReachesThatRoomInEveryChild() {
        int m1 = inNewsOfTeam1.mark();
        int m2 = inNewsOfTeam2.mark();
        int m3 = notInNews.mark();
        parent.to("news").emit("headline", "tides");
        assertEquals(List.of("42/team-1,[\"headline\",\"tides\"]"), inNewsOfTeam1.textsSince(m1));
        assertEquals(List.of("42/team-2,[\"headline\",\"tides\"]"), inNewsOfTeam2.textsSince(m2));
        notInNews.assertNothingSince(m3);
    }

    @Test
    void aBroadcastExceptARoomReachesTheOthersInEveryChild() {
        int m1 = inNewsOfTeam1.mark();
        int m3 = notInNews.mark();
        parent.except("news").asVolatile().emit("quiet");
        inNewsOfTeam1.assertNothingSince(m1);
        assertEquals(List.of("42/team-2,[\"quiet\"]"), notInNews.textsSince(m3));
    }

    @Test
    void socketsJoinOnAParentJoinsTheSocketsOfEveryChild() {
        parent.in("news").socketsJoin("readers");
        assertEquals(List.of(1, 1), List.of(t.io.of("/team-1").in("readers").fetchLocalSockets().size(),
                t.io.of("/team-2").in("readers").fetchLocalSockets().size()));
        assertTrue(t.io.of("/team-2").except("readers").fetchLocalSockets().size() == 1);
    }

    @Test
    void whatCannotBeAnsweredForEveryNodeIsRefused() {
        assertThrows(UnsupportedOperationException.class, () -> parent.timeout(100));
        assertThrows(UnsupportedOperationException.class, parent::fetchSockets);
        assertThrows(UnsupportedOperationException.class, () -> parent.serverSideEmit("hello"));
    }
}
