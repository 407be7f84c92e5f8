package jp.mynahealth.common.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The trusted proxies' addresses and CIDR ranges (IPv4 or IPv6) as the regular expression Tomcat's
 * RemoteIpValve matches addresses against: Tomcat 10.1 takes nothing else. Written by hand, such an
 * expression is where trust grows wider than meant, so it is derived here, a range at a time, and
 * matches exactly the addresses in the range as Tomcat writes a peer's address: dotted decimal, and
 * IPv6 as Java prints it (eight groups, no {@code ::}). A proxy's IPv6 address written compressed
 * inside {@code X-Forwarded-For} is therefore not recognised, and is taken as the client's: the safe side.
 */
final class ProxyAddressPattern {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Any octet, without leading zeros. */
    private static final String ANY_OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

    private ProxyAddressPattern() {
    }

    /** The expression for all the entries, or null for none: Tomcat then believes nobody. */
    static String of(List<String> entries) {
        List<String> ranges = entries.stream().map(String::trim).filter(entry -> !entry.isEmpty())
                .map(ProxyAddressPattern::range).toList();
        return ranges.isEmpty() ? null : "(?i)" + String.join("|", ranges);
    }

    private static String range(String entry) {
        int slash = entry.indexOf('/');
        byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash), entry);
        int bits = address.length * 8;
        int prefix = slash < 0 ? bits : prefixLength(entry.substring(slash + 1), bits, entry);
        boolean v4 = address.length == 4;
        int groupBits = v4 ? 8 : 16;
        StringJoiner groups = new StringJoiner(v4 ? "\\." : ":", "(?:", ")");
        for (int group = 0; group < bits / groupBits; group++) {
            int value = v4 ? address[group] & 0xff : ((address[2 * group] & 0xff) << 8) | (address[2 * group + 1] & 0xff);
            int free = Math.min(groupBits, Math.max(0, (group + 1) * groupBits - prefix));
            int first = value >> free << free;
            if (first != value) {
                throw invalid(entry, "the address has bits set past the prefix length");
            }
            groups.add(v4 ? decimal(first, first + (1 << free) - 1) : hex(first, free));
        }
        return groups.toString();
    }

    /** The address of an entry, never looked up in DNS: a mistyped name fails here rather than trusting whatever it resolves to. */
    private static byte[] literal(String text, String entry) {
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] address = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    throw invalid(entry, "an octet is over 255");
                }
                address[i] = (byte) octet;
            }
            return address;
        }
        if (text.contains(":") && !text.contains("%")) {
            try {
                // In brackets the JDK parses an IPv6 literal or fails; it does not fall back to DNS.
                return InetAddress.getByName("[" + text + "]").getAddress();
            } catch (UnknownHostException e) {
                throw invalid(entry, "not an IPv6 address");
            }
        }
        throw invalid(entry, "not an IP address");
    }

    private static int prefixLength(String text, int bits, String entry) {
        if (!text.matches("\\d{1,3}") || Integer.parseInt(text) > bits) {
            throw invalid(entry, "the prefix length must be 0 to " + bits);
        }
        return Integer.parseInt(text);
    }

    private static String decimal(int first, int last) {
        if (first == last) {
            return Integer.toString(first);
        }
        if (first == 0 && last == 255) {
            return ANY_OCTET;
        }
        return IntStream.rangeClosed(first, last).mapToObj(Integer::toString).collect(Collectors.joining("|", "(?:", ")"));
    }

    /**
     * The 2^free values from {@code first}, in hex without leading zeros: whole free digits become
     * {@code [0-9a-f]{n}} behind each possible leading part (at most eight of them).
     */
    private static String hex(int first, int free) {
        int digits = free / 4;
        int lastLead = (first + (1 << free) - 1) >> 4 * digits;
        StringJoiner options = new StringJoiner("|", "(?:", ")");
        for (int lead = first >> 4 * digits; lead <= lastLead; lead++) {
            if (lead == 0 && digits > 0) {
                options.add("[0-9a-f]{1," + digits + "}");
            } else {
                options.add(Integer.toHexString(lead) + (digits > 0 ? "[0-9a-f]{" + digits + "}" : ""));
            }
        }
        return options.toString();
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        return new IllegalArgumentException("myna.web.trusted-proxies: '" + entry + "' is not an address or a CIDR range ("
                + why + "); write e.g. 10.0.3.7, 10.0.3.0/24 or 2001:db8::/64");
    }
}
