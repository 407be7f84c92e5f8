package jp.mynahealth.common.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The shared session store, written only when a write matters. Spring Session writes a session's
 * row on every request, to move its last access time, and the row is in PostgreSQL with a
 * synchronous commit: one disk flush per page view on top of the access log's. Here the last access
 * time is written only once a twentieth of the session's idle limit has passed since the stored
 * one (45 s of a web session's 15 min, 7.5 s of a kiosk's 150 s), so a session may end that much
 * <em>sooner</em> than its limit, never later. Every other change (a login, an attribute, a new
 * id, a new limit) is written at once, as before.
 * <p>
 * Spring Session also reads the session again after saving it whenever the page was flushed before
 * the request ended (which every full page is); the session it just saved is handed back instead,
 * for the rest of that request only ({@link SessionRequestScope} forgets it when the request ends).
 */
public final class SparingSessionRepository<S extends Session>
        implements FindByIndexNameSessionRepository<SparingSessionRepository.SparingSession<S>>, DisposableBean {

    static final int WRITES_PER_IDLE_LIMIT = 20;

    private final FindByIndexNameSessionRepository<S> store;
    private final ThreadLocal<SparingSession<S>> savedInThisRequest = new ThreadLocal<>();

    public SparingSessionRepository(FindByIndexNameSessionRepository<S> store) {
        this.store = store;
    }

    @Override
    public SparingSession<S> createSession() {
        return new SparingSession<>(store.createSession());
    }

    @Override
    public void save(SparingSession<S> session) {
        store.save(session.stored);
        savedInThisRequest.set(session);
    }

    @Override
    public SparingSession<S> findById(String id) {
        SparingSession<S> saved = savedInThisRequest.get();
        if (saved != null && saved.getId().equals(id)) {
            return saved;
        }
        S found = store.findById(id);
        return found == null ? null : new SparingSession<>(found);
    }

    @Override
    public void deleteById(String id) {
        forgetRequest();
        store.deleteById(id);
    }

    @Override
    public Map<String, SparingSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, SparingSession<S>> sessions = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> sessions.put(id, new SparingSession<>(session)));
        return sessions;
    }

    /** The store behind, for what Spring Session's own classes need of it. */
    public FindByIndexNameSessionRepository<S> store() {
        return store;
    }

    /** Called when a request ends: the next one reads the session from the database again. */
    void forgetRequest() {
        savedInThisRequest.remove();
    }

    @Override
    public void destroy() throws Exception {
        if (store instanceof DisposableBean disposable) {
            disposable.destroy(); // the store's expired-session cleanup task
        }
    }

    /** A stored session whose last access time moves only in steps of a twentieth of its idle limit. */
    public static final class SparingSession<S extends Session> implements Session {

        private final S stored;

        SparingSession(S stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            Duration step = stored.getMaxInactiveInterval().dividedBy(WRITES_PER_IDLE_LIMIT);
            if (step.isNegative() || !lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(step))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
