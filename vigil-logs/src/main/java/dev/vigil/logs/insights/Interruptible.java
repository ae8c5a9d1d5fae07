package dev.vigil.logs.insights;

import java.util.concurrent.CancellationException;

/**
 * The text a regular expression runs over. Its reads notice an interrupted thread, so a pathological
 * pattern (catastrophic backtracking) can be stopped by interrupting the query's thread. One instance per
 * match; not thread-safe.
 */
final class Interruptible implements CharSequence {
    private final String text;
    private int reads;

    Interruptible(String text) {
        this.text = text;
    }

    @Override public char charAt(int index) {
        if ((++reads & 0xFFFF) == 0 && Thread.currentThread().isInterrupted()) {
            throw new CancellationException("query cancelled while matching a regular expression");
        }
        return text.charAt(index);
    }

    @Override public int length() {
        return text.length();
    }

    @Override public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override public String toString() {
        return text;
    }
}
