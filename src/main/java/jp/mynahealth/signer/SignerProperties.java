package jp.mynahealth.signer;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the local signer ({@code myna.signer.*}).
 *
 * @param cards          the folder of soft cards
 * @param pkcs11Library  a PKCS#11 module (OpenSC's opensc-pkcs11.so for a real card); none when empty
 * @param pkcs11Slot     which slot of the module to watch (SunPKCS11's slotListIndex: an index into the list of
 *                       all its slots); empty for every slot that holds a token
 * @param pkcs11Label    how the PKCS#11 card is named in the list; the token's own label when empty
 * @param kiosk          kiosk mode: set on a municipal kiosk terminal only
 */
@ConfigurationProperties("myna.signer")
public record SignerProperties(Path cards, Path pkcs11Library, Integer pkcs11Slot, String pkcs11Label, Kiosk kiosk) {

    /**
     * @param terminalId   the terminal's registered id; empty on a citizen's own computer (no kiosk mode)
     * @param keyFolder    where the terminal's private key is kept ({@code <terminal id>.key})
     * @param portalOrigin the portal's origin, the only one allowed to ask whether the card is still in the reader
     */
    public record Kiosk(String terminalId, Path keyFolder, String portalOrigin) {

        public boolean enabled() {
            return terminalId != null && !terminalId.isBlank();
        }
    }
}
