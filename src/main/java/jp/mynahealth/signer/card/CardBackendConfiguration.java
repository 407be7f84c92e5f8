package jp.mynahealth.signer.card;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.mynahealth.signer.SignerProperties;

/** The soft cards always; a PKCS#11 card reader when a module is configured. */
@Configuration(proxyBeanMethods = false)
public class CardBackendConfiguration {

    @Bean
    Cards cards(SignerProperties properties) {
        List<CardBackend> backends = new ArrayList<>();
        backends.add(new SoftCardBackend(properties.cards()));
        if (properties.pkcs11Library() != null && !properties.pkcs11Library().toString().isBlank()) {
            backends.add(new Pkcs11Backend(properties.pkcs11Library(), properties.pkcs11Slot(), properties.pkcs11Label()));
        }
        return new Cards(backends);
    }
}
