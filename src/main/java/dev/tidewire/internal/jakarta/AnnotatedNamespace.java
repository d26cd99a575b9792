package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.OnConnect;
import dev.tidewire.jakarta.OnDisconnect;
import dev.tidewire.jakarta.OnEvent;
import dev.tidewire.jakarta.SocketIoNamespace;
import dev.tidewire.server.Ack;
import dev.tidewire.server.DisconnectReason;
import dev.tidewire.server.EventHandler;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.Socket;
import dev.tidewire.server.SocketIoServer;
import dev.tidewire.server.ValueBinder;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Wires one {@link SocketIoNamespace} bean into the server: a connection listener calls its {@link OnConnect} method
 * and registers its {@link OnEvent} and {@link OnDisconnect} methods on each socket. Method parameters are resolved
 * once at deployment into a plan, so a message costs one method-handle call, no reflection lookup.
 */
final class AnnotatedNamespace {
    private AnnotatedNamespace() {
    }

    /** @throws IllegalArgumentException naming every broken {@link AnnotatedHandlerRules rule} of the bean's class */
    static void register(SocketIoServer io, Object bean, Class<?> type, ValueBinder binder) {
        List<String> problems = AnnotatedHandlerRules.check(type);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("\n", problems));
        Invoker onConnect = null;
        Invoker onDisconnect = null;
        boolean connectNonBlocking = false;
        Map<String, Invoker> onEvent = new LinkedHashMap<>();
        for (Method m : AnnotatedHandlerRules.handlerMethods(type)) {
            if (m.isAnnotationPresent(OnConnect.class)) {
                onConnect = new Invoker(bean, m, binder, false);
                connectNonBlocking = m.getAnnotation(OnConnect.class).nonBlocking();
            }
            if (m.isAnnotationPresent(OnDisconnect.class)) onDisconnect = new Invoker(bean, m, binder, false);
            OnEvent ev = m.getAnnotation(OnEvent.class);
            if (ev != null) onEvent.put(ev.value(), new Invoker(bean, m, binder, ev.nonBlocking()));
        }
        Consumer<Socket> listener = connectionListener(onConnect, onDisconnect, onEvent);
        io.of(AnnotatedHandlerRules.namespaceName(type.getAnnotation(SocketIoNamespace.class)))
                .onConnection(connectNonBlocking ? Namespace.nonBlocking(listener) : listener);
    }

    private static Consumer<Socket> connectionListener(Invoker onConnect, Invoker onDisconnect,
                                                       Map<String, Invoker> onEvent) {
        return socket -> {
            onEvent.forEach((event, inv) -> socket.on(event, inv.eventHandler(socket)));
            if (onDisconnect != null) {
                socket.onDisconnect((s, reason) -> onDisconnect.invokeQuietly(s, List.of(), Ack.NONE, reason));
            }
            if (onConnect != null) {
                onConnect.invokeQuietly(socket, List.of(socket.handshake().auth()), Ack.NONE, null);
            }
        };
    }

    /** How to fill each parameter of one handler method. */
    private static final class Invoker {
        private enum Kind { SOCKET, ACK, REASON, ARGUMENT }

        private final MethodHandle handle;
        private final Kind[] kinds;
        private final Type[] types;
        private final ValueBinder binder;
        private final String description;
        private final boolean takesAck;
        private final boolean nonBlocking;

        Invoker(Object bean, Method method, ValueBinder binder, boolean nonBlocking) {
            try {
                method.setAccessible(true);
                this.handle = MethodHandles.lookup().unreflect(method).bindTo(bean);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalStateException("cannot call " + method, e);
            }
            Parameter[] params = method.getParameters();
            kinds = new Kind[params.length];
            types = new Type[params.length];
            boolean ack = false;
            for (int i = 0; i < params.length; i++) {
                Class<?> p = params[i].getType();
                types[i] = params[i].getParameterizedType();
                if (p == Socket.class) kinds[i] = Kind.SOCKET;
                else if (p == Ack.class) {
                    kinds[i] = Kind.ACK;
                    ack = true;
                } else if (p == DisconnectReason.class) kinds[i] = Kind.REASON;
                else kinds[i] = Kind.ARGUMENT;
            }
            this.takesAck = ack;
            this.nonBlocking = nonBlocking;
            this.binder = binder;
            this.description = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        }

        /** Calls the method for one event of {@code socket}; a return value answers the ack. */
        EventHandler eventHandler(Socket socket) {
            EventHandler handler = (args, ack) -> {
                Object result = invoke(socket, args, ack, null);
                if (result != null && !takesAck) ack.send(result);
            };
            return nonBlocking ? EventHandler.nonBlocking(handler) : handler;
        }

        Object invoke(Socket socket, List<Object> args, Ack ack, DisconnectReason reason) throws Exception {
            Object[] values = new Object[kinds.length];
            int next = 0;
            for (int i = 0; i < kinds.length; i++) {
                values[i] = switch (kinds[i]) {
                    case SOCKET -> socket;
                    case ACK -> ack;
                    case REASON -> reason;
                    case ARGUMENT -> next < args.size() ? binder.bind(args.get(next++), types[i]) : null;
                };
            }
            try {
                return handle.invokeWithArguments(values);
            } catch (Exception e) {
                throw e;
            } catch (Throwable t) {
                throw new InvocationTargetException(t, description);
            }
        }

        void invokeQuietly(Socket socket, List<Object> args, Ack ack, DisconnectReason reason) {
            try {
                invoke(socket, args, ack, reason);
            } catch (Exception e) {
                System.getLogger("tidewire.socketio").log(System.Logger.Level.WARNING, description + " failed", e);
            }
        }
    }
}
