package dev.vigil.logs.insights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive-descent parser of the Logs Insights query language. Syntax errors carry AWS's message shape,
 * {@code unexpected symbol found X at line L and position P}. One instance parses one query; not thread-safe.
 */
final class Parser {
    enum T { IDENT, BACKTICK, STRING, NUMBER, DURATION, REGEX, SYM, EOF }

    record Tok(T type, String text, int start, int end) {
        boolean is(String sym) { return type == T.SYM && text.equals(sym); }
        boolean word(String w) { return type == T.IDENT && text.equalsIgnoreCase(w); }
    }

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "like", "in", "as", "by", "asc", "desc");
    private static final Set<String> COMMANDS =
            Set.of("fields", "filter", "stats", "sort", "limit", "parse", "display", "dedup", "unmask");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([A-Za-z_][A-Za-z0-9_]*)>");

    private final String src;
    private int pos;
    final Map<String, Integer> slots = new LinkedHashMap<>();
    private List<Aggregate> aggregateSink;
    private boolean inAggregate;
    /** Field names read by the stats item being parsed, or null outside stats. */
    private List<String> referenced;

    Parser(String src) {
        this.src = src;
    }

    // ---------------------------------------------------------------- lexer

    private int skipSpace(int p) {
        while (p < src.length()) {
            char c = src.charAt(p);
            if (c == '#') {
                while (p < src.length() && src.charAt(p) != '\n') p++;
            } else if (Character.isWhitespace(c)) {
                p++;
            } else {
                break;
            }
        }
        return p;
    }

    private Tok lex(boolean regexAllowed) {
        int p = skipSpace(pos);
        if (p >= src.length()) return new Tok(T.EOF, "<EOF>", p, p);
        char c = src.charAt(p);
        if (c == '`') {
            int e = src.indexOf('`', p + 1);
            if (e < 0) throw error(p, src.length(), src.substring(p));
            return new Tok(T.BACKTICK, src.substring(p + 1, e), p, e + 1);
        }
        if (c == '"' || c == '\'') return lexString(p, c);
        if (c == '/' && regexAllowed) return lexRegex(p);
        if (c >= '0' && c <= '9') return lexNumber(p);
        if (Character.isLetter(c) || c == '_' || c == '@') {
            int e = p + 1;
            while (e < src.length() && (Character.isLetterOrDigit(src.charAt(e)) || "_@.".indexOf(src.charAt(e)) >= 0)) e++;
            return new Tok(T.IDENT, src.substring(p, e), p, e);
        }
        for (String two : new String[] {"!=", "<=", ">=", "=~"}) {
            if (src.startsWith(two, p)) return new Tok(T.SYM, two, p, p + 2);
        }
        if ("|,()[]=<>+-*/%^:".indexOf(c) >= 0) return new Tok(T.SYM, String.valueOf(c), p, p + 1);
        throw error(p, p + 1, String.valueOf(c));
    }

    private Tok lexString(int p, char quote) {
        StringBuilder b = new StringBuilder();
        int i = p + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == quote) return new Tok(T.STRING, b.toString(), p, i + 1);
            if (c == '\\' && i + 1 < src.length()) {
                char n = src.charAt(i + 1);
                switch (n) {
                    case '"', '\'', '\\' -> b.append(n);
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    default -> b.append(c).append(n);
                }
                i += 2;
                continue;
            }
            b.append(c);
            i++;
        }
        throw error(p, src.length(), src.substring(p));
    }

    private Tok lexRegex(int p) {
        StringBuilder b = new StringBuilder();
        int i = p + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '/') return new Tok(T.REGEX, b.toString(), p, i + 1);
            if (c == '\\' && i + 1 < src.length()) {
                if (src.charAt(i + 1) == '/') b.append('/');
                else b.append(c).append(src.charAt(i + 1));
                i += 2;
                continue;
            }
            b.append(c);
            i++;
        }
        throw error(p, src.length(), src.substring(p));
    }

    private Tok lexNumber(int p) {
        int e = p;
        while (e < src.length() && Character.isDigit(src.charAt(e))) e++;
        if (e + 1 < src.length() && src.charAt(e) == '.' && Character.isDigit(src.charAt(e + 1))) {
            e++;
            while (e < src.length() && Character.isDigit(src.charAt(e))) e++;
        }
        int u = e;
        while (u < src.length() && Character.isLetter(src.charAt(u))) u++;
        if (u > e) {
            if (Period.unit(src.substring(e, u)) == null || src.substring(p, e).contains(".")) {
                throw error(p, u, src.substring(p, u));
            }
            return new Tok(T.DURATION, src.substring(p, u), p, u);
        }
        return new Tok(T.NUMBER, src.substring(p, e), p, e);
    }

    private Tok peek() {
        return lex(false);
    }

    private Tok next() {
        Tok t = lex(false);
        pos = t.end;
        return t;
    }

    private Tok nextRegexAllowed() {
        Tok t = lex(true);
        pos = t.end;
        return t;
    }

    private Tok expect(String sym) {
        Tok t = next();
        if (!t.is(sym)) throw error(t);
        return t;
    }

    InsightsQueryException error(Tok t) {
        return error(t.start, t.end, t.type == T.EOF ? "<EOF>" : src.substring(t.start, t.end));
    }

    private InsightsQueryException error(int start, int end, String symbol) {
        int line = 1, lineStart = 0;
        for (int i = 0; i < start && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = start - lineStart;
        return new InsightsQueryException("unexpected symbol found " + symbol + " at line " + line
                + " and position " + column, line, column, start, end);
    }

    // ---------------------------------------------------------------- commands

    /** The SOURCE command the query began with, or null; set by {@link #parseQuery()}. */
    Source source;

    List<Command> parseQuery() {
        List<Command> commands = new ArrayList<>();
        boolean afterDedup = false;
        if (peek().word("SOURCE")) {
            next();
            source = source();
            Tok t = next();
            if (t.type == T.EOF) return commands;
            if (!t.is("|")) throw error(t);
        }
        while (true) {
            Tok kw = next();
            if (kw.type != T.IDENT || !COMMANDS.contains(kw.text.toLowerCase(Locale.ROOT))) throw error(kw);
            String name = kw.text.toLowerCase(Locale.ROOT);
            // AWS: the only command that may follow dedup is limit
            if (afterDedup && !name.equals("limit")) throw error(kw);
            commands.add(switch (name) {
                case "fields" -> new Command.Fields(items());
                case "display" -> new Command.Display(items());
                case "filter" -> new Command.Filter(expression());
                case "stats" -> stats();
                case "sort" -> sort();
                case "limit" -> limit();
                case "parse" -> parse();
                case "dedup" -> dedup();
                default -> unmask();
            });
            if (name.equals("dedup")) afterDedup = true;
            Tok t = next();
            if (t.type == T.EOF) return commands;
            if (!t.is("|")) throw error(t);
        }
    }

    /**
     * {@code logGroups(namePrefix: ['a', 'b'], accountIdentifiers: ['111122223333'], class: ['STANDARD'])}, each
     * keyword at most once, in any order; {@code logGroups()} selects every group (of the Standard class).
     */
    private Source source() {
        Tok fn = next();
        if (!fn.word("logGroups")) throw error(fn);
        expect("(");
        List<String> prefixes = List.of(), accounts = List.of(), classes = List.of();
        Set<String> seen = new java.util.HashSet<>();
        if (peek().is(")")) {
            next();
            return new Source(prefixes, accounts, classes);
        }
        do {
            Tok key = next();
            String k = key.type == T.IDENT ? key.text.toLowerCase(Locale.ROOT) : "";
            if (!Set.of("nameprefix", "accountidentifiers", "accountidentifier", "class", "loggroupclass").contains(k)
                    || !seen.add(k.startsWith("account") ? "account" : k.endsWith("class") ? "class" : k)) {
                throw error(key);
            }
            expect(":");
            Tok open = next();
            if (!open.is("[")) throw error(open);
            List<String> values = new ArrayList<>();
            do {
                Tok v = next();
                if (v.type != T.STRING || v.text.isEmpty()) throw error(v);
                values.add(v.text);
            } while (acceptComma());
            expect("]");
            if (k.equals("nameprefix")) {
                if (values.size() > Source.MAX_PREFIXES) throw error(open.start, pos, src.substring(open.start, pos));
                prefixes = List.copyOf(values);
            } else if (k.startsWith("account")) {
                if (values.size() > Source.MAX_ACCOUNTS) throw error(open.start, pos, src.substring(open.start, pos));
                accounts = List.copyOf(values);
            } else {
                for (String c : values) {
                    if (!c.equals("STANDARD") && !c.equals("INFREQUENT_ACCESS")) throw error(open.start, pos, c);
                }
                classes = List.copyOf(values);
            }
        } while (acceptComma());
        expect(")");
        return new Source(prefixes, accounts, classes);
    }

    private List<Command.Item> items() {
        List<Command.Item> out = new ArrayList<>();
        do {
            out.add(item());
        } while (acceptComma());
        return out;
    }

    private boolean acceptComma() {
        if (peek().is(",")) {
            next();
            return true;
        }
        return false;
    }

    private Command.Item item() {
        int start = skipSpace(pos);
        Expr e = expression();
        int end = pos;
        if (peek().word("as")) {
            next();
            String alias = name(next());
            return new Command.Item(alias, slot(alias), e, true);
        }
        if (e instanceof Expr.Field f) return new Command.Item(f.name, f.slot, f, false);
        String text = src.substring(start, end).trim();
        return new Command.Item(text, slot(text), e, true);
    }

    private String name(Tok t) {
        if (t.type == T.BACKTICK) return t.text;
        if (t.type == T.IDENT && !KEYWORDS.contains(t.text.toLowerCase(Locale.ROOT))) return t.text;
        throw error(t);
    }

    private Expr.Field field(Tok t) {
        String n = name(t);
        if (referenced != null) referenced.add(n);
        return new Expr.Field(n, slot(n));
    }

    int slot(String name) {
        return slots.computeIfAbsent(name, k -> slots.size());
    }

    private Command stats() {
        List<Aggregate> aggregates = new ArrayList<>();
        List<Command.Item> values = new ArrayList<>();
        Set<String> defined = new java.util.HashSet<>();
        aggregateSink = aggregates;
        try {
            do {
                int start = skipSpace(pos);
                int before = aggregates.size();
                referenced = new ArrayList<>();
                Command.Item item = item();
                // an item without an aggregate may only combine the aliases defined before it in this stats
                if (aggregates.size() == before && (referenced.isEmpty() || !defined.containsAll(referenced))) {
                    throw error(start, pos, src.substring(start, pos).trim());
                }
                values.add(item);
                defined.add(item.name());
            } while (acceptComma());
        } finally {
            aggregateSink = null;
            referenced = null;
        }
        List<Command.Item> by = List.of();
        if (peek().word("by")) {
            next();
            by = items();
        }
        return new Command.Stats(aggregates, values, by);
    }

    private Command sort() {
        List<Command.SortKey> keys = new ArrayList<>();
        do {
            Expr.Field f = field(next());
            boolean desc = false;
            Tok t = peek();
            if (t.word("desc") || t.word("asc")) {
                next();
                desc = t.word("desc");
            } else if (t.is("(")) {
                throw error(t);
            }
            keys.add(new Command.SortKey(f, desc));
        } while (acceptComma());
        return new Command.Sort(keys);
    }

    private Command limit() {
        Tok t = next();
        if (t.type != T.NUMBER || t.text.contains(".")) throw error(t);
        long n;
        try {
            n = Long.parseLong(t.text);
        } catch (NumberFormatException e) {
            throw error(t);
        }
        if (n < 1) throw error(t);
        return new Command.Limit((int) Math.min(n, Integer.MAX_VALUE));
    }

    private Command parse() {
        Tok t = lex(true);
        Expr source;
        if (t.type == T.STRING || t.type == T.REGEX) {
            source = new Expr.Field("@message", slot("@message"));
        } else {
            source = primary(); // not an expression: a following /regex/ must not read as a division
        }
        Tok pattern = nextRegexAllowed();
        if (pattern.type == T.STRING) {
            if (!peek().word("as")) throw error(peek());
            next();
            List<String> names = new ArrayList<>();
            List<Tok> toks = new ArrayList<>();
            do {
                Tok n = next();
                names.add(name(n));
                toks.add(n);
            } while (acceptComma());
            String glob = pattern.text;
            int stars = (int) glob.chars().filter(c -> c == '*').count();
            if (stars != names.size()) {
                if (names.size() > stars) throw error(toks.get(stars));
                throw error(pattern);
            }
            List<String> groups = new ArrayList<>();
            for (int i = 1; i <= names.size(); i++) groups.add("g" + i);
            return new Command.Parse(source, globPattern(glob), groups, slotsOf(names));
        }
        if (pattern.type != T.REGEX) throw error(pattern);
        List<String> names = new ArrayList<>();
        Matcher m = NAMED_GROUP.matcher(pattern.text);
        StringBuilder rewritten = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(rewritten, Matcher.quoteReplacement("(?<g" + names.size() + ">"));
        }
        m.appendTail(rewritten);
        if (names.isEmpty()) throw error(pattern);
        Pattern p;
        try {
            p = Pattern.compile(rewritten.toString());
        } catch (PatternSyntaxException e) {
            throw error(pattern);
        }
        List<String> groups = new ArrayList<>();
        for (int i = 1; i <= names.size(); i++) groups.add("g" + i);
        return new Command.Parse(source, p, groups, slotsOf(names));
    }

    private int[] slotsOf(List<String> names) {
        int[] s = new int[names.size()];
        for (int i = 0; i < s.length; i++) s[i] = slot(names.get(i));
        return s;
    }

    /** Each * captures lazily, except a trailing * which takes the rest of the value. */
    private static Pattern globPattern(String glob) {
        StringBuilder re = new StringBuilder();
        int count = 0;
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*') {
                literal.append(c);
                continue;
            }
            if (literal.length() > 0) re.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
            count++;
            re.append("(?<g").append(count).append(">").append(i == glob.length() - 1 ? ".*" : ".*?").append(")");
        }
        if (literal.length() > 0) re.append(Pattern.quote(literal.toString()));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private Command dedup() {
        List<Expr> fields = new ArrayList<>();
        do {
            fields.add(field(next()));
        } while (acceptComma());
        return new Command.Dedup(fields);
    }

    private Command unmask() {
        boolean paren = peek().is("(");
        if (paren) next();
        Expr.Field f = field(next());
        if (paren) expect(")");
        return new Command.Unmask(f);
    }

    // ---------------------------------------------------------------- expressions

    Expr expression() {
        Expr e = and();
        while (peek().word("or")) {
            next();
            e = new Expr.Or(e, and());
        }
        return e;
    }

    private Expr and() {
        Expr e = not();
        while (peek().word("and")) {
            next();
            e = new Expr.And(e, not());
        }
        return e;
    }

    private Expr not() {
        if (peek().word("not")) {
            next();
            return new Expr.Not(not());
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = additive();
        Tok t = peek();
        if (t.type == T.SYM && Set.of("=", "!=", "<", "<=", ">", ">=").contains(t.text)) {
            next();
            return new Expr.Cmp(t.text, left, additive());
        }
        boolean negated = false;
        if (t.word("not")) {
            next();
            negated = true;
            t = peek();
            if (!t.word("like") && !t.word("in")) throw error(t);
        }
        if (t.word("like") || t.is("=~")) {
            next();
            Tok p = nextRegexAllowed();
            if (p.type == T.STRING) return new Expr.Like(left, p.text, null, negated);
            if (p.type != T.REGEX) throw error(p);
            try {
                Pattern regex = Pattern.compile(p.text);
                // a regex without metacharacters is a substring search, which needs no matcher per event
                boolean literal = p.text.chars().noneMatch(ch -> ".^$*+?()[]{}|\\".indexOf(ch) >= 0);
                return literal ? new Expr.Like(left, p.text, null, negated) : new Expr.Like(left, null, regex, negated);
            } catch (PatternSyntaxException e) {
                throw error(p);
            }
        }
        if (t.word("in")) {
            next();
            expect("[");
            List<Expr> items = new ArrayList<>();
            if (!peek().is("]")) {
                do {
                    items.add(additive());
                } while (acceptComma());
            }
            expect("]");
            return new Expr.In(left, items, negated);
        }
        return left;
    }

    private Expr additive() {
        Expr e = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            char op = next().text.charAt(0);
            e = new Expr.Arith(op, e, multiplicative());
        }
        return e;
    }

    private Expr multiplicative() {
        Expr e = power();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            char op = next().text.charAt(0);
            e = new Expr.Arith(op, e, power());
        }
        return e;
    }

    private Expr power() {
        Expr base = unary();
        if (peek().is("^")) {
            next();
            return new Expr.Arith('^', base, power());
        }
        return base;
    }

    private Expr unary() {
        if (peek().is("-")) {
            next();
            return new Expr.Neg(unary());
        }
        return primary();
    }

    private Expr primary() {
        Tok t = next();
        switch (t.type) {
            case NUMBER:
                return new Expr.Lit(Double.parseDouble(t.text));
            case STRING:
                return new Expr.Lit(t.text);
            case BACKTICK:
                return field(t);
            case IDENT:
                if (peek().is("(") && !KEYWORDS.contains(t.text.toLowerCase(Locale.ROOT))) return call(t);
                return field(t);
            case SYM:
                if (t.is("(")) {
                    Expr e = expression();
                    expect(")");
                    return e;
                }
                throw error(t);
            default:
                throw error(t);
        }
    }

    private Expr call(Tok name) {
        String lower = name.text.toLowerCase(Locale.ROOT);
        expect("(");
        switch (lower) {
            case "bin": {
                Period p = period();
                expect(")");
                return new Expr.TimeBucket(new Expr.Field("@timestamp", slot("@timestamp")), p, false);
            }
            case "datefloor":
            case "dateceil": {
                Expr time = expression();
                expect(",");
                Period p = period();
                expect(")");
                return new Expr.TimeBucket(time, p, lower.equals("dateceil"));
            }
            default:
                break;
        }
        Aggregate.Kind kind = Aggregate.Kind.of(lower);
        if (kind != null) {
            if (aggregateSink == null || inAggregate) throw error(name);
            return aggregate(name, kind);
        }
        Functions.Fn fn = Functions.lookup(name.text);
        if (fn == null) throw error(name);
        List<Expr> args = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                args.add(expression());
            } while (acceptComma());
        }
        Tok close = expect(")");
        if (args.size() < fn.minArgs() || args.size() > fn.maxArgs()) throw error(close);
        return new Expr.Call(fn, args.toArray(new Expr[0]));
    }

    private Expr aggregate(Tok name, Aggregate.Kind kind) {
        inAggregate = true;
        try {
            Expr arg = null;
            double percentile = 0;
            if (kind == Aggregate.Kind.COUNT && (peek().is("*") || peek().is(")"))) {
                if (peek().is("*")) next();
            } else {
                arg = expression();
                if (kind == Aggregate.Kind.PCT) {
                    expect(",");
                    Tok p = next();
                    if (p.type != T.NUMBER) throw error(p);
                    percentile = Double.parseDouble(p.text);
                    if (percentile > 100) throw error(p);
                }
            }
            expect(")");
            aggregateSink.add(new Aggregate(kind, arg, percentile, new Expr.Field("@timestamp", slot("@timestamp"))));
            return new Expr.AggRef(aggregateSink.size() - 1);
        } finally {
            inAggregate = false;
        }
    }

    private Period period() {
        Tok t = next();
        if (t.type != T.DURATION) throw error(t);
        int u = 0;
        while (Character.isDigit(t.text.charAt(u))) u++;
        long amount;
        try {
            amount = Long.parseLong(t.text.substring(0, u));
        } catch (NumberFormatException e) {
            throw error(t);
        }
        Period.Unit unit = Period.unit(t.text.substring(u));
        // a period longer than ten thousand years has no bucket to offer, and would overflow the arithmetic
        long max = unit.millis > 0 ? 10_000L * 366 * 86_400_000L / unit.millis : 10_000L * 12;
        if (amount < 1 || amount > max) throw error(t);
        return new Period(amount, unit);
    }
}
