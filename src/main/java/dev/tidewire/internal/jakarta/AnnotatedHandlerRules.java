package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.OnConnect;
import dev.tidewire.jakarta.OnDisconnect;
import dev.tidewire.jakarta.OnEvent;
import dev.tidewire.jakarta.SocketIoNamespace;
import dev.tidewire.server.Ack;
import dev.tidewire.server.DisconnectReason;
import dev.tidewire.server.Socket;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules a {@link SocketIoNamespace} bean keeps so that each of its handler methods is wired, checked at
 * deployment instead of skipping a method silently. Each broken rule is one message naming the class, the method and
 * the rule; all are collected. Container-free: the CDI extension only forwards the messages.
 */
final class AnnotatedHandlerRules {
    private static final List<Class<? extends Annotation>> HANDLER_ANNOTATIONS =
            List.of(OnConnect.class, OnEvent.class, OnDisconnect.class);
    /** The protocol's reserved names (as the server's emit check): a client cannot send them as events. */
    private static final Set<String> RESERVED_EVENTS =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private AnnotatedHandlerRules() {
    }

    /** The broken rules of these beans, each bean on its own and, per namespace, together; empty when all hold. */
    static List<String> check(Collection<Class<?>> beans) {
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : beans) problems.addAll(checkBean(bean));
        problems.addAll(duplicateEvents(beans));
        return problems;
    }

    static List<String> check(Class<?>... beans) {
        return check(Arrays.asList(beans));
    }

    /**
     * The methods of the class and its superclasses that carry a handler annotation, private and static ones
     * included (so they can be reported); an overridden method once, as the subclass declares it.
     */
    static List<Method> handlerMethods(Class<?> type) {
        List<Method> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isBridge() || m.isSynthetic()) continue;
                boolean overridable = !Modifier.isPrivate(m.getModifiers()) && !Modifier.isStatic(m.getModifiers());
                if (overridable && !seen.add(m.getName() + Arrays.toString(m.getParameterTypes()))) continue;
                if (annotationsOf(m).size() > 0) out.add(m);
            }
        }
        return out;
    }

    private static List<String> checkBean(Class<?> bean) {
        List<String> problems = new ArrayList<>();
        if (!bean.isAnnotationPresent(SocketIoNamespace.class)) {
            problems.add(bean.getName() + ": is not annotated @SocketIoNamespace");
            return problems;
        }
        List<Method> connects = new ArrayList<>();
        List<Method> disconnects = new ArrayList<>();
        for (Method m : handlerMethods(bean)) {
            problems.addAll(checkMethod(m));
            if (m.isAnnotationPresent(OnConnect.class)) connects.add(m);
            if (m.isAnnotationPresent(OnDisconnect.class)) disconnects.add(m);
        }
        // the JVM lists a class's methods in no defined order, so two of them would run in an arbitrary one
        if (connects.size() > 1) problems.add(bean.getName() + ": has more than one @OnConnect method ("
                + describeAll(connects) + "); their order would be undefined, merge them into one");
        if (disconnects.size() > 1) problems.add(bean.getName() + ": has more than one @OnDisconnect method ("
                + describeAll(disconnects) + "); their order would be undefined, merge them into one");
        return problems;
    }

    private static List<String> checkMethod(Method m) {
        List<String> problems = new ArrayList<>();
        String where = describe(m) + ": ";
        int mod = m.getModifiers();
        if (Modifier.isPrivate(mod)) {
            problems.add(where + "is private, and a CDI proxy cannot call a private method; make it package-private,"
                    + " protected or public");
        }
        if (Modifier.isStatic(mod)) problems.add(where + "is static; handlers are instance methods of the bean");
        List<Class<? extends Annotation>> annotations = annotationsOf(m);
        if (annotations.size() > 1) {
            problems.add(where + "carries more than one of @OnConnect, @OnEvent and @OnDisconnect");
            return problems;
        }
        Class<? extends Annotation> kind = annotations.get(0);
        if (kind == OnEvent.class) checkEvent(m, where, problems);
        else if (kind == OnConnect.class) checkConnect(m, where, problems);
        else checkDisconnect(m, where, problems);
        return problems;
    }

    private static void checkEvent(Method m, String where, List<String> problems) {
        String event = m.getAnnotation(OnEvent.class).value();
        if (RESERVED_EVENTS.contains(event)) {
            problems.add(where + "@OnEvent(\"" + event + "\") names a reserved event, which no client can send;"
                    + " use @OnConnect or @OnDisconnect");
        }
        ParameterCounts counts = new ParameterCounts();
        Parameter[] params = m.getParameters();
        for (int i = 0; i < params.length; i++) {
            Class<?> t = params[i].getType();
            if (t == Socket.class) counts.sockets++;
            else if (t == Ack.class) counts.acks++;
            else if (t == DisconnectReason.class) problems.add(where + "takes a DisconnectReason, which only an"
                    + " @OnDisconnect method gets");
            else checkBindable(params, i, where, "", problems);
        }
        counts.report(where, problems);
        if (counts.acks > 0 && m.getReturnType() != void.class) {
            problems.add(where + "returns a value and takes an Ack, so the value would never be sent; answer with"
                    + " ack.send(...) or drop the Ack parameter");
        }
    }

    private static void checkConnect(Method m, String where, List<String> problems) {
        ParameterCounts counts = new ParameterCounts();
        int auth = 0;
        Parameter[] params = m.getParameters();
        for (int i = 0; i < params.length; i++) {
            Class<?> t = params[i].getType();
            if (t == Socket.class) counts.sockets++;
            else if (t == Ack.class || t == DisconnectReason.class) {
                problems.add(where + "takes " + t.getSimpleName() + ", which an @OnConnect method does not get");
            } else {
                auth++;
                checkBindable(params, i, where, " (the handshake auth)", problems);
            }
        }
        counts.report(where, problems);
        if (auth > 1) {
            problems.add(where + "takes " + auth + " parameters besides Socket; an @OnConnect method gets only one,"
                    + " the handshake auth");
        }
    }

    private static void checkDisconnect(Method m, String where, List<String> problems) {
        ParameterCounts counts = new ParameterCounts();
        int reasons = 0;
        for (Parameter p : m.getParameters()) {
            Class<?> t = p.getType();
            if (t == Socket.class) counts.sockets++;
            else if (t == DisconnectReason.class) reasons++;
            else problems.add(where + "takes " + p.getParameterizedType().getTypeName() + "; an @OnDisconnect"
                    + " method gets only Socket and DisconnectReason");
        }
        counts.report(where, problems);
        if (reasons > 1) problems.add(where + "takes DisconnectReason more than once");
    }

    private static void checkBindable(Parameter[] params, int index, String where, String role, List<String> problems) {
        Type type = params[index].getParameterizedType();
        EventArgumentTypes.problem(type).ifPresent(why -> problems.add(where + "parameter " + (index + 1) + role
                + " of type " + type.getTypeName() + " cannot be bound: " + why));
    }

    /** Two handlers of one event in one namespace, in one bean or in two. */
    private static List<String> duplicateEvents(Collection<Class<?>> beans) {
        Map<String, List<Method>> handlers = new LinkedHashMap<>();
        for (Class<?> bean : beans) {
            SocketIoNamespace ns = bean.getAnnotation(SocketIoNamespace.class);
            if (ns == null) continue;
            for (Method m : handlerMethods(bean)) {
                OnEvent ev = m.getAnnotation(OnEvent.class);
                if (ev == null) continue;
                String key = "event \"" + ev.value() + "\" of namespace " + namespaceName(ns);
                handlers.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        }
        List<String> problems = new ArrayList<>();
        handlers.forEach((key, methods) -> {
            if (methods.size() > 1) {
                problems.add(key + " has " + methods.size() + " handlers (" + describeAll(methods)
                        + "); each event has one, which answers its acknowledgement");
            }
        });
        return problems;
    }

    /** As {@code SocketIoServer.of} names it: {@code "chat"} and {@code "/chat"} are one namespace. */
    static String namespaceName(SocketIoNamespace ns) {
        return ns.value().startsWith("/") ? ns.value() : "/" + ns.value();
    }

    private static List<Class<? extends Annotation>> annotationsOf(Method m) {
        return HANDLER_ANNOTATIONS.stream().filter(m::isAnnotationPresent).toList();
    }

    /** {@code com.example.Chat.message(Socket, ChatMessage)}. */
    static String describe(Method m) {
        return m.getDeclaringClass().getName() + "." + m.getName() + Arrays.stream(m.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String describeAll(List<Method> methods) {
        return methods.stream().map(AnnotatedHandlerRules::describe).collect(Collectors.joining(", "));
    }

    /** Injected parameters: each at most once. */
    private static final class ParameterCounts {
        int sockets;
        int acks;

        void report(String where, List<String> problems) {
            if (sockets > 1) problems.add(where + "takes Socket more than once");
            if (acks > 1) problems.add(where + "takes Ack more than once");
        }
    }
}
