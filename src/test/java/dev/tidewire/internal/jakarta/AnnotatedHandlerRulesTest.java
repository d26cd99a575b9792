package dev.tidewire.internal.jakarta;

import dev.tidewire.demo.chat.ChatNamespace;
import dev.tidewire.fixture.AnnotatedInteropNamespace;
import dev.tidewire.jakarta.OnConnect;
import dev.tidewire.jakarta.OnDisconnect;
import dev.tidewire.jakarta.OnEvent;
import dev.tidewire.jakarta.SocketIoNamespace;
import dev.tidewire.server.Ack;
import dev.tidewire.server.DisconnectReason;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.Socket;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule an annotated namespace bean must keep: a broken one is reported with the class, method and rule. */
class AnnotatedHandlerRulesTest {
    public record Point(int x, int y) {
    }

    public static class Pojo {
        public String name;
    }

    public static class CreatedByJsonb {
        public final String name;

        @JsonbCreator
        public CreatedByJsonb(@JsonbProperty("name") String name) {
            this.name = name;
        }
    }

    public static class NoConstructor {
        public NoConstructor(String name) {
        }
    }

    public class Inner {
    }

    public enum Color { RED }

    /** Every supported parameter kind: no problem. */
    @SocketIoNamespace("/good")
    static class Good {
        @OnConnect
        void connected(Socket socket, Map<String, Object> auth) { }

        @OnEvent("raw")
        Object raw(Object value, byte[] data, String text, int n, Long boxed, Color color) { return value; }

        @OnEvent("typed")
        void typed(Ack ack, Point point, Pojo pojo, CreatedByJsonb created, List<Point> points, Point[] array,
                   Optional<String> maybe, Socket socket) { }

        @OnEvent("none")
        void none() { }

        @OnDisconnect
        void left(DisconnectReason reason, Socket socket) { }
    }

    private static String reported(List<String> problems, String... parts) {
        for (String p : problems) {
            boolean all = true;
            for (String part : parts) all &= p.contains(part);
            if (all) return p;
        }
        throw new AssertionError("no problem with " + List.of(parts) + " in " + problems);
    }

    @Test
    void beansThatKeepEveryRuleHaveNoProblems() {
        assertEquals(List.of(), AnnotatedHandlerRules.check(Good.class));
        assertEquals(List.of(), AnnotatedHandlerRules.check(
                ChatNamespace.class, AnnotatedInteropNamespace.class));
    }

    @SocketIoNamespace("/p")
    static class PrivateAndStatic {
        @OnEvent("secret")
        private void secret(Socket socket) { }

        @OnEvent("shared")
        static void shared(Socket socket) { }
    }

    @Test
    void privateAndStaticHandlersAreReportedByNameAndBothAreCollected() {
        List<String> problems = AnnotatedHandlerRules.check(PrivateAndStatic.class);
        assertEquals(2, problems.size(), problems.toString());
        reported(problems, PrivateAndStatic.class.getName() + ".secret(Socket)", "is private");
        reported(problems, PrivateAndStatic.class.getName() + ".shared(Socket)", "is static");
    }

    @SocketIoNamespace("/p")
    static class WrongInjections {
        @OnEvent("a")
        void reason(Socket socket, DisconnectReason reason) { }

        @OnEvent("b")
        void twoSockets(Socket one, Socket two) { }

        @OnEvent("c")
        void twoAcks(Ack one, Ack two) { }
    }

    @Test
    void aParameterTheEventCannotFillIsReported() {
        List<String> problems = AnnotatedHandlerRules.check(WrongInjections.class);
        reported(problems, ".reason(Socket, DisconnectReason)", "DisconnectReason", "only an @OnDisconnect");
        reported(problems, ".twoSockets(Socket, Socket)", "Socket more than once");
        reported(problems, ".twoAcks(Ack, Ack)", "Ack more than once");
        assertEquals(3, problems.size(), problems.toString());
    }

    @SocketIoNamespace("/p")
    static class Unbindable<T> {
        @OnEvent("a")
        void iface(Runnable r) { }

        @OnEvent("b")
        void inner(Inner i) { }

        @OnEvent("c")
        void variable(T value) { }

        @OnEvent("d")
        void noConstructor(List<NoConstructor> items) { }

        @OnEvent("e")
        void serverType(Namespace namespace) { }
    }

    @Test
    void anArgumentTypeJsonbCannotCreateIsReported() {
        List<String> problems = AnnotatedHandlerRules.check(Unbindable.class);
        reported(problems, ".iface(Runnable)", "interface or abstract class");
        reported(problems, ".inner(Inner)", "inner class");
        reported(problems, ".variable(Object)", "type variable T");
        reported(problems, ".noConstructor(List)", "NoConstructor has neither", "@JsonbCreator");
        reported(problems, ".serverType(Namespace)", "server type");
        assertEquals(5, problems.size(), problems.toString());
    }

    @SocketIoNamespace("/p")
    static class AckAndReturn {
        @OnEvent("a")
        String both(Ack ack) { return "lost"; }
    }

    @Test
    void aReturnValueBesideAnAckIsReported() {
        reported(AnnotatedHandlerRules.check(AckAndReturn.class), ".both(Ack)", "returns a value and takes an Ack");
    }

    @SocketIoNamespace("/p")
    static class Reserved {
        @OnEvent("disconnect")
        void left(Socket socket) { }
    }

    @Test
    void aReservedEventNameIsReported() {
        reported(AnnotatedHandlerRules.check(Reserved.class), ".left(Socket)", "reserved event", "@OnDisconnect");
    }

    @SocketIoNamespace("/p")
    static class ConnectAndDisconnectParameters {
        @OnConnect
        void connected(Socket socket, Ack ack, String token, String other) { }

        @OnDisconnect
        void left(Socket socket, String extra, DisconnectReason one, DisconnectReason two) { }
    }

    @Test
    void connectAndDisconnectMethodsTakeOnlyWhatTheyGet() {
        List<String> problems = AnnotatedHandlerRules.check(ConnectAndDisconnectParameters.class);
        reported(problems, ".connected(Socket, Ack, String, String)", "takes Ack");
        reported(problems, ".connected(Socket, Ack, String, String)", "2 parameters besides Socket", "auth");
        reported(problems, ".left(Socket, String, DisconnectReason, DisconnectReason)", "takes java.lang.String");
        reported(problems, ".left(Socket, String, DisconnectReason, DisconnectReason)", "DisconnectReason more than once");
        assertEquals(4, problems.size(), problems.toString());
    }

    @SocketIoNamespace("/p")
    static class TwoOfEach {
        @OnConnect
        void first(Socket socket) { }

        @OnConnect
        void second(Socket socket) { }

        @OnDisconnect
        void gone(Socket socket) { }

        @OnDisconnect
        void goneToo(Socket socket) { }

        @OnEvent("msg")
        void message(String text) { }

        @OnEvent("msg")
        void messageAgain(Object raw) { }

        @OnEvent("both")
        @OnConnect
        void both(Socket socket) { }
    }

    @Test
    void twoHandlersOfOneEventOrTwoConnectOrDisconnectMethodsInOneBeanAreReported() {
        List<String> problems = AnnotatedHandlerRules.check(TwoOfEach.class);
        reported(problems, TwoOfEach.class.getName(), "more than one @OnConnect", ".first(Socket)", ".second(Socket)");
        reported(problems, "more than one @OnDisconnect", ".gone(Socket)", ".goneToo(Socket)");
        reported(problems, "event \"msg\" of namespace /p has 2 handlers", ".message(String)", ".messageAgain(Object)");
        reported(problems, ".both(Socket)", "more than one of @OnConnect, @OnEvent and @OnDisconnect");
    }

    @SocketIoNamespace("chat-room")
    static class OneBean {
        @OnEvent("msg")
        void message(String text) { }

        @OnEvent("only here")
        void here() { }
    }

    @SocketIoNamespace("/chat-room")
    static class OtherBeanSameNamespace {
        @OnEvent("msg")
        void message(String text) { }
    }

    @SocketIoNamespace("/elsewhere")
    static class OtherNamespace {
        @OnEvent("msg")
        void message(String text) { }
    }

    @Test
    void twoBeansOfOneNamespaceHandlingOneEventAreReportedButOtherNamespacesAreNot() {
        List<String> problems = AnnotatedHandlerRules.check(
                List.of(OneBean.class, OtherBeanSameNamespace.class, OtherNamespace.class));
        reported(problems, "event \"msg\" of namespace /chat-room has 2 handlers",
                OneBean.class.getName() + ".message", OtherBeanSameNamespace.class.getName() + ".message");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(List.of(), AnnotatedHandlerRules.check(List.of(OneBean.class, OtherNamespace.class)));
    }

    @SocketIoNamespace("/p")
    static class Base {
        @OnEvent("msg")
        void message(String text) { }
    }

    @SocketIoNamespace("/p")
    static class Overriding extends Base {
        @Override
        @OnEvent("msg")
        void message(String text) { }
    }

    @Test
    void anOverriddenHandlerCountsOnce() {
        assertEquals(List.of(), AnnotatedHandlerRules.check(Overriding.class));
        assertEquals(1, AnnotatedHandlerRules.handlerMethods(Overriding.class).size());
    }
}
