package dev.vigil.logs.filter;

/**
 * One {@code <operator> <value>} test of a JSON property or a space-delimited field. Equality is numeric
 * when the value is an unquoted number and the subject is a number, textual otherwise (so on AWS
 * {@code 123 = 123.0} holds but {@code "123.0"} differs from {@code 123}); {@code *} wildcards and
 * {@code %regex%} values apply to the subject's text; {@code < > <= >=} need an unquoted number and only
 * ever hold for numeric subjects. Immutable.
 */
final class Comparison {
    enum Op { EQ, NE, LT, LE, GT, GE }

    private final Op op;
    private final String text;
    private final double number;
    private final boolean anyValue;
    private final Glob glob;
    private final AwsRegex regex;

    private Comparison(Op op, String text, double number, boolean anyValue, Glob glob, AwsRegex regex) {
        this.op = op;
        this.text = text;
        this.number = number;
        this.anyValue = anyValue;
        this.glob = glob;
        this.regex = regex;
    }

    static Comparison of(Lexer.Token opToken, Lexer.Token value) {
        Op op = switch (opToken.text()) {
            case "=" -> Op.EQ;
            case "!=" -> Op.NE;
            case "<" -> Op.LT;
            case "<=" -> Op.LE;
            case ">" -> Op.GT;
            case ">=" -> Op.GE;
            default -> throw FilterPatternException.invalid();
        };
        boolean relational = op != Op.EQ && op != Op.NE;
        switch (value.kind()) {
            case REGEX -> {
                if (relational) throw FilterPatternException.invalidCharacters(value.raw());
                return new Comparison(op, value.text(), Double.NaN, false, null, AwsRegex.compile(value.text()));
            }
            case QUOTED -> {
                if (relational) throw FilterPatternException.invalidCharacters(value.raw());
                return new Comparison(op, value.text(), Double.NaN, false, Glob.of(value.text()), null);
            }
            case WORD -> {
                String w = value.text();
                if (Numbers.isNumber(w)) {
                    return new Comparison(op, w, Double.parseDouble(w), false, null, null);
                }
                if (relational) throw FilterPatternException.invalidCharacters(w);
                checkUnquoted(w);
                return new Comparison(op, w, Double.NaN, w.equals("*"), Glob.of(w), null);
            }
            default -> throw FilterPatternException.invalid();
        }
    }

    private static void checkUnquoted(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '+' || c == '*';
            if (!ok) throw FilterPatternException.invalidCharacters(String.valueOf(c));
        }
    }

    /**
     * Text that occurs in any subject this comparison holds for (the value itself, or the longest piece of a
     * wildcard value), or null when there is none: numbers can be written many ways, and {@code !=},
     * {@code *} and regular expressions promise nothing.
     */
    String requiredText() {
        if (op != Op.EQ || anyValue || regex != null || !Double.isNaN(number)) return null;
        if (glob != null) return glob.longestPiece();
        return text.isEmpty() ? null : text;
    }

    boolean usesRegex() {
        return regex != null;
    }

    /**
     * @param subject the subject's text (a JSON string's content, a JSON number as written, a field)
     * @param subjectNumber the subject's numeric value, NaN when it is not a number
     */
    boolean test(String subject, double subjectNumber) {
        return switch (op) {
            case EQ -> equalsValue(subject, subjectNumber);
            case NE -> !anyValue && !equalsValue(subject, subjectNumber);
            case LT -> !Double.isNaN(subjectNumber) && subjectNumber < number;
            case LE -> !Double.isNaN(subjectNumber) && subjectNumber <= number;
            case GT -> !Double.isNaN(subjectNumber) && subjectNumber > number;
            case GE -> !Double.isNaN(subjectNumber) && subjectNumber >= number;
        };
    }

    private boolean equalsValue(String subject, double subjectNumber) {
        if (anyValue) return true;
        if (regex != null) return regex.find(subject);
        if (glob != null) return glob.matches(subject);
        if (!Double.isNaN(number) && !Double.isNaN(subjectNumber)) return subjectNumber == number;
        return subject.equals(text);
    }
}
