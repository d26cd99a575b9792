package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.OnConnect;
import dev.tidewire.jakarta.OnDisconnect;
import dev.tidewire.jakarta.OnEvent;
import dev.tidewire.jakarta.SocketIoNamespace;
import dev.tidewire.server.Ack;
import dev.tidewire.server.DisconnectReason;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.Socket;
import dev.tidewire.server.SocketIoServer;
import dev.tidewire.server.ValueBinder;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wires one {@link SocketIoNamespace} bean into the server: its {@link OnConnect} methods become connection
 * listeners that register its {@link OnEvent} and {@link OnDisconnect} methods on each socket. Method parameters are
 * resolved once at deployment into a plan, so a message costs one method-handle call, no reflection lookup.
 */
final class AnnotatedNamespace {
    private AnnotatedNamespace() {
    }

    static void register(SocketIoServer io, Object bean, Class<?> type, ValueBinder binder) {
        String name = type.getAnnotation(SocketIoNamespace.class).value();
        Namespace namespace = io.of(name);
        List<Invoker> onConnect = new ArrayList<>();
        List<Invoker> onDisconnect = new ArrayList<>();
        Map<String, List<Invoker>> onEvent = new java.util.LinkedHashMap<>();
        for (Method m : handlerCandidates(type)) {
            if (m.isAnnotationPresent(OnConnect.class)) onConnect.add(new Invoker(bean, m, binder));
            if (m.isAnnotationPresent(OnDisconnect.class)) onDisconnect.add(new Invoker(bean, m, binder));
            OnEvent ev = m.getAnnotation(OnEvent.class);
            if (ev != null) onEvent.computeIfAbsent(ev.value(), k -> new ArrayList<>()).add(new Invoker(bean, m, binder));
        }
        namespace.onConnection(socket -> {
            for (Map.Entry<String, List<Invoker>> e : onEvent.entrySet()) {
                for (Invoker inv : e.getValue()) {
                    socket.on(e.getKey(), (args, ack) -> {
                        Object result = inv.invoke(socket, args, ack, null);
                        if (result != null && !inv.takesAck) ack.send(result);
                    });
                }
            }
            if (!onDisconnect.isEmpty()) {
                socket.onDisconnect((s, reason) -> {
                    for (Invoker inv : onDisconnect) inv.invokeQuietly(s, List.of(), Ack.NONE, reason);
                });
            }
            for (Invoker inv : onConnect) {
                inv.invokeQuietly(socket, List.of(socket.handshake().auth()), Ack.NONE, null);
            }
        });
    }

    /**
     * Instance methods of the class and its superclasses, public or not (the README's handlers are package-private),
     * an overridden method once. Private methods are left out: a CDI client proxy cannot forward them.
     */
    private static List<Method> handlerCandidates(Class<?> type) {
        List<Method> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isPrivate(mod) || m.isBridge() || m.isSynthetic()) continue;
                if (seen.add(m.getName() + java.util.Arrays.toString(m.getParameterTypes()))) out.add(m);
            }
        }
        return out;
    }

    /** How to fill each parameter of one handler method. */
    private static final class Invoker {
        private enum Kind { SOCKET, ACK, REASON, ARGUMENT }

        private final MethodHandle handle;
        private final Kind[] kinds;
        private final Type[] types;
        private final ValueBinder binder;
        private final String description;
        final boolean takesAck;

        Invoker(Object bean, Method method, ValueBinder binder) {
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
            this.binder = binder;
            this.description = method.getDeclaringClass().getSimpleName() + "." + method.getName();
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
