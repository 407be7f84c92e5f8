package jp.mynahealth.idp.card;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card issuers' CRLs, each downloaded once and kept until its nextUpdate (or, when it names
 * none, for a configured maximum age): during an OCSP outage every login falls back to the CRL, and
 * a national CRL is large. Only a CRL that verifies against the issuer and is current is used or
 * kept. Logins that need a CRL while it is being downloaded wait for that download, and share its
 * failure, rather than each starting their own (or each waiting out a timeout in turn).
 *
 * <p>The entries are few and bounded: a distribution point is only looked up for a card that has
 * already been found to chain to a trusted issuer.
 */
final class CrlCache {

    private static final Logger log = LoggerFactory.getLogger(CrlCache.class);

    private final HttpClient http;
    private final Duration timeout;
    private final Duration maxAge;
    private final ConcurrentMap<Source, CompletableFuture<Fetched>> crls = new ConcurrentHashMap<>();

    /** A distribution point as named by a card of this issuer; its CRL must verify against this issuer. */
    private record Source(String url, X509Certificate issuer) {
    }

    /** A verified CRL and the moment it must be downloaded again. */
    private record Fetched(X509CRL crl, Instant expires) {
    }

    CrlCache(HttpClient http, Duration timeout, Duration maxAge) {
        this.http = http;
        this.timeout = timeout;
        this.maxAge = maxAge;
    }

    /** Whether the issuer's current CRL at {@code url} lists the card. */
    boolean lists(X509Certificate card, String url, X509Certificate issuer, Instant now) {
        return current(new Source(url, issuer), now).crl().isRevoked(card);
    }

    private Fetched current(Source source, Instant now) {
        while (true) {
            CompletableFuture<Fetched> mine = new CompletableFuture<>();
            CompletableFuture<Fetched> held = crls.putIfAbsent(source, mine);
            if (held == null) {
                return fetchInto(mine, source, now);
            }
            Fetched fetched = await(held);
            if (now.isBefore(fetched.expires())) {
                return fetched;
            }
            crls.remove(source, held);
        }
    }

    private Fetched fetchInto(CompletableFuture<Fetched> mine, Source source, Instant now) {
        try {
            Fetched fetched = fetch(source, now);
            mine.complete(fetched);
            return fetched;
        } catch (RuntimeException e) {
            crls.remove(source, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static Fetched await(CompletableFuture<Fetched> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            throw new RevocationSourceException(String.valueOf(e.getCause().getMessage()));
        }
    }

    private Fetched fetch(Source source, Instant now) {
        X509Certificate issuer = source.issuer();
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(source.url())).timeout(timeout)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new RevocationSourceException("CRL download from " + source.url() + " answered HTTP "
                        + response.statusCode());
            }
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(response.body()));
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                throw new RevocationSourceException("CRL from " + source.url() + " is not from the card's issuer");
            }
            crl.verify(issuer.getPublicKey());
            Instant thisUpdate = crl.getThisUpdate().toInstant();
            if (thisUpdate.isAfter(now.plus(RevocationChecker.SKEW))) {
                throw new RevocationSourceException("CRL from " + source.url() + " is dated in the future (" + thisUpdate + ")");
            }
            Instant expires = crl.getNextUpdate() != null ? crl.getNextUpdate().toInstant() : thisUpdate.plus(maxAge);
            if (expires.plus(RevocationChecker.SKEW).isBefore(now)) {
                throw new RevocationSourceException("CRL from " + source.url() + " is out of date (current until "
                        + expires + ")");
            }
            log.info("Fetched the CRL of {} from {}: issued {}, kept until {}", issuer.getSubjectX500Principal().getName(),
                    source.url(), thisUpdate, expires);
            return new Fetched(crl, expires);
        } catch (IOException e) {
            throw new RevocationSourceException("CRL at " + source.url() + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RevocationSourceException("interrupted while fetching the CRL");
        } catch (SignatureException | InvalidKeyException e) {
            throw new RevocationSourceException("CRL from " + source.url() + " is not signed by the card's issuer");
        } catch (RevocationSourceException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new RevocationSourceException("CRL from " + source.url() + " unusable: " + e.getMessage());
        }
    }
}
