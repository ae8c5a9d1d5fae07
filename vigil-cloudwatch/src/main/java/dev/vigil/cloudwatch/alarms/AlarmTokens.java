package dev.vigil.cloudwatch.alarms;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque NextTokens: a position tagged with what it pages, refused for anything else (InvalidNextToken). Stateless. */
final class AlarmTokens {
    private AlarmTokens() {}

    static String encode(Object position, String what) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((what + "\n" + position).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token, String what) {
        if (token == null) return null;
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            if (nl < 0 || !text.substring(0, nl).equals(what)) throw invalid();
            return text.substring(nl + 1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    static int offset(String token, String what) {
        String text = decode(token, what);
        if (text == null) return 0;
        try {
            int n = Integer.parseInt(text);
            if (n < 0) throw invalid();
            return n;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    static String encode(AlarmHistoryItem.Position p, String what) {
        return encode(p.timestamp() + ":" + p.id(), what);
    }

    /** A history position written by {@link #encode(AlarmHistoryItem.Position, String)}; null without a token. */
    static AlarmHistoryItem.Position position(String token, String what) {
        String text = decode(token, what);
        if (text == null) return null;
        int colon = text.indexOf(':');
        if (colon < 0) throw invalid();
        try {
            return new AlarmHistoryItem.Position(Long.parseLong(text.substring(0, colon)),
                    Long.parseLong(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static dev.vigil.core.AwsException invalid() {
        return dev.vigil.core.AwsException.badRequest("InvalidNextToken", "The service returned an invalid NextToken.");
    }
}
