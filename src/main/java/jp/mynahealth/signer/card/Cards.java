package jp.mynahealth.signer.card;

import java.util.List;
import java.util.Optional;

/** Every card the signer sees, over all back-ends. */
public final class Cards {

    private final List<CardBackend> backends;

    public Cards(List<CardBackend> backends) {
        this.backends = List.copyOf(backends);
    }

    public List<Card> all() {
        return backends.stream().flatMap(backend -> backend.cards().stream()).toList();
    }

    public Optional<Card> find(String id) {
        return all().stream().filter(card -> card.id().equals(id)).findFirst();
    }
}
