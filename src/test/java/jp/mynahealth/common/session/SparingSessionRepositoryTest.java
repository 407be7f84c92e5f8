package jp.mynahealth.common.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

class SparingSessionRepositoryTest {

    private final CountingStore store = new CountingStore();
    private final SparingSessionRepository<MapSession> sessions = new SparingSessionRepository<>(store);

    @Test
    void theLastAccessTimeMovesOnlyInStepsOfATwentiethOfTheIdleLimit() {
        SparingSessionRepository.SparingSession<MapSession> session = sessions.createSession();
        session.setMaxInactiveInterval(Duration.ofMinutes(15));
        Instant stored = session.getLastAccessedTime();

        session.setLastAccessedTime(stored.plusSeconds(44));
        assertThat(session.getLastAccessedTime()).as("within 45 s of the stored time: not moved").isEqualTo(stored);
        session.setLastAccessedTime(stored.plusSeconds(45));
        assertThat(session.getLastAccessedTime()).isEqualTo(stored.plusSeconds(45));
    }

    @Test
    void aSessionThatNeverExpiresKeepsEveryAccessTime() {
        SparingSessionRepository.SparingSession<MapSession> session = sessions.createSession();
        session.setMaxInactiveInterval(Duration.ofSeconds(-1));
        Instant later = session.getLastAccessedTime().plusMillis(1);
        session.setLastAccessedTime(later);
        assertThat(session.getLastAccessedTime()).isEqualTo(later);
    }

    @Test
    void theSessionSavedInARequestIsNotReadAgainInThatRequestButIsInTheNext() {
        SparingSessionRepository.SparingSession<MapSession> session = sessions.createSession();
        session.setAttribute("who", "taro");
        sessions.save(session);
        int reads = store.reads.get();

        assertThat(sessions.findById(session.getId())).isSameAs(session);
        assertThat(store.reads.get()).isEqualTo(reads);

        sessions.forgetRequest();
        assertThat(sessions.findById(session.getId())).isNotSameAs(session)
                .extracting(found -> found.getAttribute("who")).isEqualTo("taro");
        assertThat(store.reads.get()).isEqualTo(reads + 1);
    }

    @Test
    void aDeletedSessionIsNotHandedBackFromTheRequestsMemory() {
        SparingSessionRepository.SparingSession<MapSession> session = sessions.createSession();
        sessions.save(session);
        sessions.deleteById(session.getId());
        assertThat(sessions.findById(session.getId())).isNull();
    }

    @Test
    void anotherThreadReadsTheStore() throws Exception {
        SparingSessionRepository.SparingSession<MapSession> session = sessions.createSession();
        sessions.save(session);
        Object[] found = new Object[1];
        Thread other = new Thread(() -> found[0] = sessions.findById(session.getId()));
        other.start();
        other.join();
        assertThat(found[0]).isNotNull().isNotSameAs(session);
    }

    /** Spring Session's map store, counting its reads. */
    private static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {
        private final MapSessionRepository map = new MapSessionRepository(new java.util.concurrent.ConcurrentHashMap<>());
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public MapSession createSession() {
            return map.createSession();
        }

        @Override
        public void save(MapSession session) {
            map.save(session);
        }

        @Override
        public MapSession findById(String id) {
            reads.incrementAndGet();
            return map.findById(id);
        }

        @Override
        public void deleteById(String id) {
            map.deleteById(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
