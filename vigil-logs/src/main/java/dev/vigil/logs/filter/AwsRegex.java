package dev.vigil.logs.filter;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expressions CloudWatch Logs accepts between {@code %} signs: ASCII letters and digits, the
 * symbols {@code : _ # = @ / ; , -} and the operators {@code ^ $ ? [ ] { } | \ * + .}; no parentheses, no
 * spaces, no multi-byte characters. Within that subset java.util.regex means the same thing. Immutable.
 */
final class AwsRegex {
    private static final String SYMBOLS = ":_#=@/;,-";
    private static final String OPERATORS = "^$?[]{}|\\*+.";

    private final Pattern pattern;

    private AwsRegex(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The text between the two {@code %} signs. */
    static AwsRegex compile(String body) {
        if (body.isEmpty()) {
            throw FilterPatternException.invalid();
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!allowed(c)) {
                throw FilterPatternException.invalidCharacters(String.valueOf(c));
            }
        }
        try {
            return new AwsRegex(Pattern.compile(body));
        } catch (PatternSyntaxException e) {
            throw FilterPatternException.invalid();
        }
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || SYMBOLS.indexOf(c) >= 0 || OPERATORS.indexOf(c) >= 0;
    }

    /** Whether the expression occurs anywhere in the text (anchors bind to the text's ends). */
    boolean find(String text) {
        return pattern.matcher(text).find();
    }
}
