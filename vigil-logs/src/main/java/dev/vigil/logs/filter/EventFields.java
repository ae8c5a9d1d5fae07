package dev.vigil.logs.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a log event into space-delimited fields the way AWS does: runs of spaces and tabs separate
 * fields, and the characters between a pair of square brackets or double quotes form one field (without
 * the brackets or quotes). Stateless.
 */
final class EventFields {
    private EventFields() { }

    static List<String> split(String message) {
        List<String> fields = new ArrayList<>();
        int n = message.length();
        int i = skipBlanks(message, 0);
        while (i < n) {
            char c = message.charAt(i);
            if (c == '"' || c == '[') {
                int end = message.indexOf(c == '"' ? '"' : ']', i + 1);
                if (end < 0) {
                    fields.add(message.substring(i + 1));
                    break;
                }
                fields.add(message.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < n && !blank(message.charAt(end))) end++;
                fields.add(message.substring(i, end));
                i = end;
            }
            i = skipBlanks(message, i);
        }
        return fields;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && blank(s.charAt(i))) i++;
        return i;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }
}
