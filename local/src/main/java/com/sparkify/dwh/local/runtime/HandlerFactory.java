package com.sparkify.dwh.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the deployed handler classes with local ports. Every handler has, besides the no-argument
 * constructor Lambda uses, a constructor taking its ports (the pattern of AWS's serverless Java
 * samples); this picks the public one whose parameters it can all supply, the longest first.
 */
public final class HandlerFactory {

    private final Map<Class<?>, Object> ports = new LinkedHashMap<>();

    /** Offers an object for every constructor parameter of its type. */
    public <T> HandlerFactory with(Class<T> type, T port) {
        ports.put(type, port);
        return this;
    }

    public RequestStreamHandler create(String className) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("handler class " + className + " (from template.yaml) is not on the classpath");
        }
        if (!RequestStreamHandler.class.isAssignableFrom(type)) {
            throw new IllegalStateException(className + " is not a RequestStreamHandler");
        }
        List<Constructor<?>> candidates = Stream.of(type.getConstructors())
                .filter(c -> c.getParameterCount() > 0 && Modifier.isPublic(c.getModifiers()))
                .filter(c -> Stream.of(c.getParameterTypes()).allMatch(ports::containsKey))
                .sorted(Comparator.comparingInt(Constructor::getParameterCount))
                .toList();
        if (candidates.isEmpty()) {
            throw new IllegalStateException(className + " has no public constructor taking only " + ports.keySet()
                    .stream().map(Class::getSimpleName).toList());
        }
        Constructor<?> constructor = candidates.get(candidates.size() - 1);
        Object[] arguments = Stream.of(constructor.getParameterTypes()).map(ports::get).toArray();
        try {
            return (RequestStreamHandler) constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot build " + className + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + className + ": " + e.getMessage(), e);
        }
    }
}
