package jp.mynahealth.ca;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import jp.mynahealth.common.database.DataFolder;

/**
 * What the issuer knows of the cards it issued: serial → card id ({@code issued.properties}) and
 * serial → revocation time ({@code revoked.properties}). OCSP and the CRL answer from here.
 */
final class CardRegistry {

    private final Path issuedFile;
    private final Path revokedFile;

    CardRegistry(DataFolder data) {
        Path folder = data.resolve("ca");
        this.issuedFile = folder.resolve("issued.properties");
        this.revokedFile = folder.resolve("revoked.properties");
    }

    synchronized void issued(BigInteger serial, String cardId) {
        Map<String, String> issued = read(issuedFile);
        issued.put(serial.toString(16), cardId);
        write(issuedFile, issued);
    }

    synchronized void revoke(BigInteger serial, Instant at) {
        Map<String, String> revoked = read(revokedFile);
        revoked.putIfAbsent(serial.toString(16), at.toString());
        write(revokedFile, revoked);
    }

    synchronized boolean isIssued(BigInteger serial) {
        return read(issuedFile).containsKey(serial.toString(16));
    }

    synchronized Optional<BigInteger> serialOf(String cardId) {
        return read(issuedFile).entrySet().stream().filter(e -> e.getValue().equals(cardId))
                .map(e -> new BigInteger(e.getKey(), 16)).findFirst();
    }

    synchronized Optional<Instant> revokedAt(BigInteger serial) {
        return Optional.ofNullable(read(revokedFile).get(serial.toString(16))).map(Instant::parse);
    }

    synchronized Map<BigInteger, Instant> revoked() {
        Map<BigInteger, Instant> all = new TreeMap<>();
        read(revokedFile).forEach((serial, at) -> all.put(new BigInteger(serial, 16), Instant.parse(at)));
        return all;
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> values = new TreeMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    private static void write(Path file, Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
            Files.createDirectories(file.getParent());
            IssuerKeys.write(file, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
