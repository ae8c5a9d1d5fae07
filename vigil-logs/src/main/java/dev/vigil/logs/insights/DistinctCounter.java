package dev.vigil.logs.insights;

import java.util.HashSet;
import java.util.Set;

/**
 * count_distinct: exact up to {@link #EXACT_LIMIT} values, then a HyperLogLog estimate (2^14 registers,
 * about 1% error) so memory stays bounded — AWS documents the count as an approximation for high
 * cardinality. Not thread-safe.
 */
final class DistinctCounter {
    static final int EXACT_LIMIT = 10_000;
    private static final int P = 14;
    private static final int M = 1 << P;

    private Set<String> exact = new HashSet<>();
    private byte[] registers;

    void add(String value) {
        if (exact != null) {
            exact.add(value);
            if (exact.size() > EXACT_LIMIT) {
                registers = new byte[M];
                for (String v : exact) offer(v);
                exact = null;
            }
            return;
        }
        offer(value);
    }

    long count() {
        if (exact != null) return exact.size();
        double sum = 0;
        int zeros = 0;
        for (byte r : registers) {
            sum += 1.0 / (1L << r);
            if (r == 0) zeros++;
        }
        double alpha = 0.7213 / (1 + 1.079 / M);
        double estimate = alpha * M * M / sum;
        if (estimate <= 2.5 * M && zeros > 0) estimate = M * Math.log((double) M / zeros);
        return Math.round(estimate);
    }

    private void offer(String value) {
        long h = hash(value);
        int index = (int) (h >>> (64 - P));
        int rank = Long.numberOfLeadingZeros((h << P) | (1L << (P - 1))) + 1;
        if (rank > registers[index]) registers[index] = (byte) rank;
    }

    /** FNV-1a over the characters, finished with MurmurHash3's 64-bit mix so all bits are well spread. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
