package org.reach;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends, by statement text, for benchmarks that report statements per
 * request: wraps the data source so that every statement a connection prepares or executes is counted once (a JDBC
 * batch counts as one statement, as it is one round trip with reWriteBatchedInserts). Test code only.
 */
public final class StatementCounter implements BeanPostProcessor {

    private final Map<String, AtomicLong> byText = new ConcurrentHashMap<>();
    private volatile boolean counting;

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource source && !(Proxy.isProxyClass(bean.getClass()))) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(source, method, args);
                        return result instanceof Connection connection ? connection(connection) : result;
                    });
        }
        return bean;
    }

    private Connection connection(Connection target) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (counting && args != null && args.length > 0 && args[0] instanceof String sql
                    && (name.equals("prepareStatement") || name.equals("prepareCall"))) {
                count(sql);
            }
            Object result = invoke(target, method, args);
            if (counting && name.equals("createStatement") && result instanceof java.sql.Statement statement) {
                return plainStatement(statement);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private java.sql.Statement plainStatement(java.sql.Statement target) {
        return (java.sql.Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {java.sql.Statement.class}, (proxy, method, args) -> {
                    if (counting && method.getName().startsWith("execute") && args != null && args.length > 0
                            && args[0] instanceof String sql) {
                        count(sql);
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void count(String sql) {
        String text = sql.strip().replaceAll("\\s+", " ");
        byText.computeIfAbsent(text.length() > 90 ? text.substring(0, 90) + "…" : text, k -> new AtomicLong())
                .incrementAndGet();
    }

    /** Starts counting from zero. */
    public void start() {
        byText.clear();
        counting = true;
    }

    /** Stops counting and answers the counts by statement text, most frequent first. */
    public Map<String, Long> stop() {
        counting = false;
        return byText.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    public static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
