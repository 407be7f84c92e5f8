package jp.mynahealth.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The PostgreSQL driver, except that every statement a thread executes while it {@link #record records}
 * is kept with the parameter values it was executed with, so a test can see what SQL a request ran
 * and run it again (under EXPLAIN). A role started with
 * {@code --spring.datasource.driver-class-name=jp.mynahealth.support.StatementRecordingDriver} gets
 * its pools' connections from here; other threads (the pools' housekeeping, scheduled jobs) and
 * other times cost one thread-local look-up per statement.
 */
public final class StatementRecordingDriver implements Driver {

    /** One parameter setter call ({@code setObject(3, value)}, {@code setNull(2, Types.VARCHAR)}…), to make again. */
    public record Setter(Method method, Object[] arguments) {

        public int index() {
            return (Integer) arguments[0];
        }

        public Object value() {
            return method.getName().equals("setNull") ? null : arguments[1];
        }

        public void applyTo(PreparedStatement statement) throws SQLException {
            try {
                method.invoke(statement, arguments);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** A statement as executed: its SQL (with {@code ?} placeholders) and its parameters in index order. */
    public record Executed(String sql, List<Setter> parameters) {

        public List<Object> values() {
            return parameters.stream().map(Setter::value).toList();
        }
    }

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private static final Driver POSTGRES = new org.postgresql.Driver();
    private static final ThreadLocal<List<Executed>> RECORDING = new ThreadLocal<>();

    /** Runs the work and returns every statement this thread executed meanwhile, in order. */
    public static List<Executed> record(Work work) throws Exception {
        List<Executed> executed = new ArrayList<>();
        RECORDING.set(executed);
        try {
            work.run();
        } finally {
            RECORDING.remove();
        }
        return executed;
    }

    private static void executed(String sql, List<Setter> parameters) {
        List<Executed> executed = RECORDING.get();
        if (executed != null) {
            executed.add(new Executed(sql, List.copyOf(parameters)));
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = POSTGRES.connect(url, info);
        return connection == null ? null : proxy(Connection.class, connection, new ConnectionHandler(connection));
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return POSTGRES.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return POSTGRES.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return POSTGRES.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return POSTGRES.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return POSTGRES.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return POSTGRES.getParentLogger();
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(StatementRecordingDriver.class.getClassLoader(), new Class<?>[] { type },
                handler));
    }

    private static Object call(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** unwrap and isWrapperFor answer for the proxy as they would for the driver's own object, which pgjdbc's COPY needs. */
    private static Object wrapper(Object proxy, Object target, Method method, Object[] arguments) throws Throwable {
        Class<?> type = (Class<?>) arguments[0];
        if (method.getName().equals("isWrapperFor")) {
            return type.isInstance(proxy) || (Boolean) call(target, method, arguments);
        }
        return type.isInstance(proxy) ? proxy : call(target, method, arguments);
    }

    private static boolean isWrapperMethod(Method method) {
        return (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor"))
                && method.getParameterCount() == 1;
    }

    private record ConnectionHandler(Connection target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            if (isWrapperMethod(method)) {
                return wrapper(proxy, target, method, arguments);
            }
            Object result = call(target, method, arguments);
            if (result instanceof PreparedStatement prepared && method.getName().startsWith("prepare")) {
                return proxy(PreparedStatement.class, prepared, new PreparedHandler(prepared, (String) arguments[0]));
            }
            if (result instanceof Statement plain && method.getName().equals("createStatement")) {
                return proxy(Statement.class, plain, new PlainHandler(plain));
            }
            return result;
        }
    }

    private static final class PreparedHandler implements InvocationHandler {

        private final PreparedStatement target;
        private final String sql;
        private final TreeMap<Integer, Setter> parameters = new TreeMap<>();
        private final List<List<Setter>> batch = new ArrayList<>();

        PreparedHandler(PreparedStatement target, String sql) {
            this.target = target;
            this.sql = sql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            if (isWrapperMethod(method)) {
                return wrapper(proxy, target, method, arguments);
            }
            String name = method.getName();
            int count = method.getParameterCount();
            if (name.startsWith("set") && count >= 2 && method.getParameterTypes()[0] == int.class) {
                parameters.put((Integer) arguments[0], new Setter(method, arguments.clone()));
            } else if (name.equals("clearParameters")) {
                parameters.clear();
            } else if (name.equals("addBatch") && count == 0) {
                batch.add(List.copyOf(parameters.values()));
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                batch.forEach(entry -> executed(sql, entry));
                batch.clear();
            } else if (name.startsWith("execute") && count == 0) {
                executed(sql, List.copyOf(parameters.values()));
            } else if (name.startsWith("execute")) {
                executed((String) arguments[0], List.of());
            }
            return call(target, method, arguments);
        }
    }

    private record PlainHandler(Statement target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            if (isWrapperMethod(method)) {
                return wrapper(proxy, target, method, arguments);
            }
            if (method.getName().startsWith("execute") && arguments != null && arguments[0] instanceof String sql) {
                executed(sql, List.of());
            }
            return call(target, method, arguments);
        }
    }
}
