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

    /**
     * Whether the expression occurs anywhere in the text (anchors bind to the text's ends). The subset still
     * allows expressions such as {@code a*a*a*a*b} that backtrack polynomially, so one event may cost at most
     * a fixed number of character reads per character; an event that needs more does not match, rather
     * than stalling FilterLogEvents or ingestion.
     */
    boolean find(String text) {
        BoundedText bounded = new BoundedText(text);
        try {
            return pattern.matcher(bounded).find();
        } catch (BoundedText.Exhausted e) {
            return false;
        }
    }

    /** The event text with a budget of character reads. One per match call; not thread-safe. */
    private static final class BoundedText implements CharSequence {
        private static final long READS_PER_CHAR = 2_000;
        private static final long BASE_READS = 1_000_000;

        /** Thrown without a stack trace when the budget is spent. */
        static final class Exhausted extends RuntimeException {
            private static final long serialVersionUID = 1L;
            static final Exhausted INSTANCE = new Exhausted();

            private Exhausted() {
                super(null, null, false, false);
            }
        }

        private final String text;
        private long budget;

        BoundedText(String text) {
            this.text = text;
            this.budget = BASE_READS + READS_PER_CHAR * text.length();
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget < 0) throw Exhausted.INSTANCE;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
