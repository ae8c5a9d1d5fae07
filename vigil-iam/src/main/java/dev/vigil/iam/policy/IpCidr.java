package dev.vigil.iam.policy;

/**
 * An IPv4 or IPv6 range for IpAddress/NotIpAddress. "If you specify an IP address without the associated
 * routing prefix, IAM uses the default prefix value of /32" (Condition operators, IP address); for IPv6
 * the whole address (/128). Addresses are parsed by hand so that nothing here can ever trigger a DNS lookup.
 * An IPv4 range never matches an IPv6 address and vice versa. Immutable, thread-safe.
 */
final class IpCidr {
    private final byte[] network;
    private final int prefix;

    private IpCidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** The range, or null when the text is not an address or CIDR block. */
    static IpCidr parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        byte[] addr = parseAddress(slash < 0 ? s : s.substring(0, slash));
        if (addr == null) return null;
        int bits = addr.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return null;
            prefix = Integer.parseInt(p);
            if (prefix > bits) return null;
        }
        return new IpCidr(addr, prefix);
    }

    boolean contains(String address) {
        byte[] a = parseAddress(address.trim());
        if (a == null || a.length != network.length) return false;
        int full = prefix / 8;
        for (int i = 0; i < full; i++) if (a[i] != network[i]) return false;
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    /** 4 bytes for IPv4, 16 for IPv6, null for anything else. */
    static byte[] parseAddress(String s) {
        if (s.isEmpty()) return null;
        return s.indexOf(':') >= 0 ? parseV6(s) : parseV4(s);
    }

    private static byte[] parseV4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) return null;
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) return null;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    private static byte[] parseV6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) return null;
        String head = gap >= 0 ? s.substring(0, gap) : s;
        String tail = gap >= 0 ? s.substring(gap + 2) : "";
        int[] h = groups(head);
        int[] t = groups(tail);
        if (h == null || t == null) return null;
        int total = h.length + t.length;
        if (gap < 0 ? total != 8 : total > 7) return null;
        int[] all = new int[8];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(t, 0, all, 8 - t.length, t.length);
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (all[i] >> 8);
            out[2 * i + 1] = (byte) all[i];
        }
        return out;
    }

    /** Colon-separated 16-bit groups; a trailing dotted IPv4 counts as two groups. */
    private static int[] groups(String s) {
        if (s.isEmpty()) return new int[0];
        String[] parts = s.split(":", -1);
        int extra = parts[parts.length - 1].indexOf('.') >= 0 ? 1 : 0;
        int[] out = new int[parts.length + extra];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && extra == 1) {
                byte[] v4 = parseV4(p);
                if (v4 == null) return null;
                out[i] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
                out[i + 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) return null;
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                int d = Character.digit(p.charAt(j), 16);
                if (d < 0) return null;
                v = v * 16 + d;
            }
            out[i] = v;
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (byte b : network) sb.append(b & 0xFF).append('.');
        return sb.append('/').append(prefix).toString();
    }
}
