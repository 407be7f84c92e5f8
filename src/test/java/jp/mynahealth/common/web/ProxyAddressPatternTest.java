package jp.mynahealth.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The trusted proxies' ranges as the expression Tomcat matches: every address of a range, and no other. */
class ProxyAddressPatternTest {

    private static Pattern pattern(String... entries) {
        return Pattern.compile(ProxyAddressPattern.of(List.of(entries)));
    }

    @Test
    void nothingListedIsNoPatternSoNobodyIsBelieved() {
        assertThat(ProxyAddressPattern.of(List.of())).isNull();
        assertThat(ProxyAddressPattern.of(List.of(" ", ""))).isNull();
    }

    @Test
    void addressesAndRangesAsTomcatWritesThePeer() {
        Pattern proxies = pattern("10.0.3.0/24", " 192.168.7.9", "2001:db8::/64", "::1");
        assertThat(proxies.matcher("10.0.3.0").matches()).isTrue();
        assertThat(proxies.matcher("10.0.3.255").matches()).isTrue();
        assertThat(proxies.matcher("192.168.7.9").matches()).isTrue();
        assertThat(proxies.matcher("2001:db8:0:0:ffff:0:0:a").matches()).isTrue();
        assertThat(proxies.matcher("2001:DB8:0:0:1:2:3:4").matches()).isTrue();
        assertThat(proxies.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
        for (String other : List.of("10.0.4.1", "110.0.3.1", "10.0.3.1x", "10.0.3.256", "192.168.7.90", "192.168.7.1",
                "2001:db8:0:1:0:0:0:a", "0:0:0:0:0:0:0:2", "127.0.0.1", "")) {
            assertThat(proxies.matcher(other).matches()).as(other).isFalse();
        }
    }

    @Test
    void everyPrefixLengthMatchesExactlyItsRange() throws Exception {
        Random random = new Random(20261130);
        for (int prefix = 0; prefix <= 32; prefix++) {
            check(random, new byte[4], prefix);
        }
        for (int prefix = 0; prefix <= 128; prefix += prefix < 16 || prefix > 112 ? 1 : 3) {
            check(random, new byte[16], prefix);
        }
    }

    /** A random range of this prefix length against addresses inside it, at its edges and anywhere. */
    private static void check(Random random, byte[] base, int prefix) throws Exception {
        random.nextBytes(base);
        for (int bit = prefix; bit < base.length * 8; bit++) {
            base[bit / 8] &= (byte) ~(0x80 >> bit % 8);
        }
        String range = InetAddress.getByAddress(base).getHostAddress() + "/" + prefix;
        Pattern proxies = pattern(range);
        for (int i = 0; i < 300; i++) {
            byte[] address = base.clone();
            int flipped = random.nextInt(base.length * 8);
            if (i % 3 == 0) {
                random.nextBytes(address);
            } else {
                address[flipped / 8] ^= (byte) (0x80 >> flipped % 8);
            }
            String text = InetAddress.getByAddress(address).getHostAddress();
            assertThat(proxies.matcher(text).matches()).as(text + " in " + range).isEqualTo(inside(address, base, prefix));
        }
    }

    private static boolean inside(byte[] address, byte[] base, int prefix) {
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> bit % 8;
            if ((address[bit / 8] & mask) != (base[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void whatIsNotAnAddressOrRangeStopsTheStart() {
        for (String wrong : List.of("proxy.example", "10.0.0.256", "10.0.0", "10.0.0.0/33", "10.0.0.0/", "10.0.0.5/8",
                "2001:db8::/129", "2001:db8::1/64", "fe80::1%eth0", "2001:db8::g")) {
            assertThatIllegalArgumentException().as(wrong).isThrownBy(() -> ProxyAddressPattern.of(List.of(wrong)))
                    .withMessageContaining("myna.web.trusted-proxies").withMessageContaining(wrong);
        }
    }
}
