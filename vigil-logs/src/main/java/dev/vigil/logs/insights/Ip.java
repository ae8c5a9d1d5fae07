package dev.vigil.logs.insights;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP address literals and CIDR subnets, parsed without any name lookup. Stateless. */
final class Ip {
    private Ip() { }

    static byte[] parse(String s) {
        byte[] v4 = parseV4(s);
        return v4 != null ? v4 : parseV6(s);
    }

    static byte[] parseV4(String s) {
        if (s == null) return null;
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3) return null;
            for (int j = 0; j < p.length(); j++) if (p.charAt(j) < '0' || p.charAt(j) > '9') return null;
            int n = Integer.parseInt(p);
            if (n > 255) return null;
            out[i] = (byte) n;
        }
        return out;
    }

    static byte[] parseV6(String s) {
        if (s == null || s.indexOf(':') < 0 || s.length() > 45) return null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) return null;
        }
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) return null;
        try {
            // a literal containing ':' is parsed, never resolved
            byte[] b = InetAddress.getByName(s).getAddress();
            if (b.length == 4) { // an IPv4-mapped literal: keep it in the IPv6 family
                byte[] m = new byte[16];
                m[10] = (byte) 0xff;
                m[11] = (byte) 0xff;
                System.arraycopy(b, 0, m, 12, 4);
                return m;
            }
            return b;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    /** family: 0 any, 4 only IPv4, 16 only IPv6 (by byte length). */
    static Object inSubnet(String ip, String cidr, int family) {
        if (ip == null || cidr == null) return false;
        int slash = cidr.indexOf('/');
        String net = slash < 0 ? cidr : cidr.substring(0, slash);
        byte[] a = family == 4 ? parseV4(ip) : family == 16 ? parseV6(ip) : parse(ip);
        byte[] n = family == 4 ? parseV4(net) : family == 16 ? parseV6(net) : parse(net);
        if (a == null || n == null || a.length != n.length) return false;
        int bits = a.length * 8;
        if (slash >= 0) {
            String p = cidr.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return false;
            bits = Integer.parseInt(p);
            if (bits > a.length * 8) return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (n[i / 8] & mask)) return false;
        }
        return true;
    }
}
