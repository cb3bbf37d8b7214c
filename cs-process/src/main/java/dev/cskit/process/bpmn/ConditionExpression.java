package dev.cskit.process.bpmn;

import dev.cskit.process.Condition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the simple comparisons modelers write on sequence flows into cskit conditions, and
 * writes conditions back as JUEL.
 *
 * <p>Read: JUEL ({@code ${approved}}, {@code ${!approved}}, {@code ${x == 'y'}},
 * {@code ${x != 'y'}}, {@code ${x != null}}, {@code ${n >= 10}}, {@code ${n <= 10}}) and FEEL
 * ({@code =x = "y"}, {@code =(flag = false)}, {@code =n >= 10}, {@code =not(flag)}),
 * combined with {@code &&}/{@code and}; equality tests of one attribute joined with
 * {@code ||}/{@code or} read as one {@code in} condition. Anything else (strict
 * {@code <}/{@code >}, arithmetic, method calls, tests of two attributes joined with
 * {@code ||}) is refused with the reason.
 */
final class ConditionExpression {

    private static final Pattern ATTRIBUTE =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "true", "false",
            "null", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "empty", "instanceof");

    private ConditionExpression() {
    }

    /** Why an expression could not be read. */
    static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Reads an expression.
     *
     * @param expression the text of a {@code conditionExpression}
     * @return the conditions, all of which must hold; never empty
     * @throws Unreadable naming why, if it is not a simple comparison
     */
    static List<Condition> read(String expression) throws Unreadable {
        String text = expression.trim();
        boolean feel;
        if ((text.startsWith("${") || text.startsWith("#{")) && text.endsWith("}")) {
            text = text.substring(2, text.length() - 1);
            feel = false;
        } else if (text.startsWith("=")) {
            text = text.substring(1);
            feel = true;
        } else {
            throw new Unreadable("is neither a JUEL expression ${...} nor a FEEL expression"
                    + " =...");
        }
        Parser parser = new Parser(tokens(text, feel), feel);
        Node node = parser.conjunction();
        parser.expectEnd();
        List<Condition> conditions = new ArrayList<>();
        collect(node, conditions);
        return conditions;
    }

    /**
     * Writes conditions as one JUEL expression that {@link #read} reads back to them.
     *
     * @param conditions the conditions, at least one
     * @return the expression, such as {@code ${plan == 'pro' && seats >= 10}}
     * @throws IllegalArgumentException naming the attribute if it is not a plain name
     */
    static String write(List<Condition> conditions) {
        List<String> parts = new ArrayList<>();
        for (Condition condition : conditions) {
            parts.add(write(condition));
        }
        return "${" + String.join(" && ", parts) + "}";
    }

    /** @return whether an attribute can be written in an expression as it is */
    static boolean isWritable(String attribute) {
        if (!ATTRIBUTE.matcher(attribute).matches()) {
            return false;
        }
        for (String part : attribute.split("\\.")) {
            if (KEYWORDS.contains(part.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static String write(Condition condition) {
        String name = condition.attribute();
        if (!isWritable(name)) {
            throw new IllegalArgumentException("attribute '" + name + "' is not a plain name");
        }
        List<String> values = condition.values();
        switch (condition.operator()) {
            case EQUALS:
                return name + " == " + quote(values.get(0));
            case NOT_EQUALS:
                return name + " != " + quote(values.get(0));
            case PRESENT:
                return name + " != null";
            case AT_LEAST:
                return name + " >= " + number(values.get(0));
            case AT_MOST:
                return name + " <= " + number(values.get(0));
            case IN:
                List<String> tests = new ArrayList<>();
                for (String value : values) {
                    tests.add(name + " == " + quote(value));
                }
                return "(" + String.join(" || ", tests) + ")";
            default:
                throw new AssertionError(condition.operator());
        }
    }

    private static String number(String value) {
        return NUMBER.matcher(value).matches() ? value : quote(value);
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void collect(Node node, List<Condition> into) throws Unreadable {
        if (node instanceof And) {
            for (Node part : ((And) node).parts) {
                collect(part, into);
            }
        } else if (node instanceof Or) {
            into.add(oneOf((Or) node));
        } else {
            into.add(((Comparison) node).condition());
        }
    }

    private static Condition oneOf(Or or) throws Unreadable {
        String attribute = null;
        List<String> values = new ArrayList<>();
        for (Node part : or.parts) {
            if (!(part instanceof Comparison) || !((Comparison) part).isEquality()) {
                throw new Unreadable("only equality tests of one attribute may be joined"
                        + " with 'or'");
            }
            Comparison comparison = (Comparison) part;
            if (attribute != null && !attribute.equals(comparison.attribute)) {
                throw new Unreadable("joins tests of '" + attribute + "' and '"
                        + comparison.attribute + "' with 'or'; cskit conditions must all"
                        + " hold, so only tests of one attribute may be joined with 'or'");
            }
            attribute = comparison.attribute;
            values.add(comparison.value.text);
        }
        return Condition.oneOf(attribute, values.toArray(new String[0]));
    }

    /** A parsed expression. */
    private interface Node {
    }

    private static final class And implements Node {
        final List<Node> parts;

        And(List<Node> parts) {
            this.parts = parts;
        }
    }

    private static final class Or implements Node {
        final List<Node> parts;

        Or(List<Node> parts) {
            this.parts = parts;
        }
    }

    private static final class Comparison implements Node {
        final String attribute;
        final String operator;
        final Token value;

        Comparison(String attribute, String operator, Token value) {
            this.attribute = attribute;
            this.operator = operator;
            this.value = value;
        }

        boolean isEquality() {
            return operator.equals("==") && value.kind != Token.Kind.NULL;
        }

        Condition condition() throws Unreadable {
            switch (operator) {
                case "==":
                    if (value.kind == Token.Kind.NULL) {
                        throw new Unreadable("tests '" + attribute + "' for null; cskit tests"
                                + " presence only (write != null)");
                    }
                    return Condition.is(attribute, value.text);
                case "!=":
                    return value.kind == Token.Kind.NULL ? Condition.present(attribute)
                            : Condition.isNot(attribute, value.text);
                case ">=":
                    return Condition.atLeast(attribute, decimal(value));
                case "<=":
                    return Condition.atMost(attribute, decimal(value));
                default:
                    throw new Unreadable("uses '" + operator + "'; cskit compares numbers with"
                            + " >= and <= only");
            }
        }

        private String decimal(Token token) throws Unreadable {
            if (token.kind == Token.Kind.NUMBER || token.kind == Token.Kind.STRING) {
                try {
                    new BigDecimal(token.text.trim());
                    return token.text;
                } catch (NumberFormatException e) {
                    throw new Unreadable("compares '" + attribute + "' with '" + token.text
                            + "', which is not a number");
                }
            }
            throw new Unreadable("compares '" + attribute + "' with " + token.text
                    + ", which is not a number");
        }
    }

    /** One token of an expression. */
    private static final class Token {
        enum Kind { NAME, STRING, NUMBER, BOOLEAN, NULL, OPERATOR, AND, OR, NOT, OPEN, CLOSE }

        final Kind kind;
        final String text;

        Token(Kind kind, String text) {
            this.kind = kind;
            this.text = text;
        }
    }

    private static List<Token> tokens(String text, boolean feel) throws Unreadable {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                i = string(text, i, tokens);
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1)))) {
                int end = i + 1;
                while (end < text.length()
                        && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(i, end)));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                        || text.charAt(end) == '_' || text.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(word(text.substring(i, end)));
                i = end;
            } else {
                i = symbol(text, i, feel, tokens);
            }
        }
        return tokens;
    }

    private static Token word(String word) {
        switch (word) {
            case "and":
                return new Token(Token.Kind.AND, word);
            case "or":
                return new Token(Token.Kind.OR, word);
            case "not":
                return new Token(Token.Kind.NOT, word);
            case "true":
            case "false":
                return new Token(Token.Kind.BOOLEAN, word);
            case "null":
                return new Token(Token.Kind.NULL, word);
            default:
                return new Token(Token.Kind.NAME, word);
        }
    }

    private static int string(String text, int start, List<Token> tokens) throws Unreadable {
        char quote = text.charAt(start);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                i++;
            }
            value.append(text.charAt(i));
            i++;
        }
        if (i >= text.length()) {
            throw new Unreadable("has a string that is never closed");
        }
        tokens.add(new Token(Token.Kind.STRING, value.toString()));
        return i + 1;
    }

    private static int symbol(String text, int i, boolean feel, List<Token> tokens)
            throws Unreadable {
        String two = text.substring(i, Math.min(text.length(), i + 2));
        switch (two) {
            case "==":
            case "!=":
            case ">=":
            case "<=":
                tokens.add(new Token(Token.Kind.OPERATOR, two));
                return i + 2;
            case "&&":
                tokens.add(new Token(Token.Kind.AND, two));
                return i + 2;
            case "||":
                tokens.add(new Token(Token.Kind.OR, two));
                return i + 2;
            default:
                break;
        }
        char c = text.charAt(i);
        if (c == '(' || c == ')') {
            tokens.add(new Token(c == '(' ? Token.Kind.OPEN : Token.Kind.CLOSE,
                    String.valueOf(c)));
        } else if (c == '<' || c == '>') {
            tokens.add(new Token(Token.Kind.OPERATOR, String.valueOf(c)));
        } else if (c == '=' && feel) {
            tokens.add(new Token(Token.Kind.OPERATOR, "=="));
        } else if (c == '!' && !feel) {
            tokens.add(new Token(Token.Kind.NOT, "!"));
        } else {
            throw new Unreadable("has '" + c + "' where a simple comparison was expected");
        }
        return i + 1;
    }

    /** Recursive descent over the tokens. */
    private static final class Parser {
        private final List<Token> tokens;
        private final boolean feel;
        private int next;

        Parser(List<Token> tokens, boolean feel) {
            this.tokens = tokens;
            this.feel = feel;
        }

        Node conjunction() throws Unreadable {
            List<Node> parts = new ArrayList<>();
            parts.add(disjunction());
            while (at(Token.Kind.AND)) {
                next++;
                parts.add(disjunction());
            }
            return parts.size() == 1 ? parts.get(0) : new And(parts);
        }

        Node disjunction() throws Unreadable {
            List<Node> parts = new ArrayList<>();
            parts.add(unit());
            while (at(Token.Kind.OR)) {
                next++;
                parts.add(unit());
            }
            if (parts.size() == 1) {
                return parts.get(0);
            }
            List<Node> flat = new ArrayList<>();
            for (Node part : parts) {
                if (part instanceof Or) {
                    flat.addAll(((Or) part).parts);
                } else {
                    flat.add(part);
                }
            }
            return new Or(flat);
        }

        Node unit() throws Unreadable {
            if (at(Token.Kind.OPEN)) {
                next++;
                Node inner = conjunction();
                expect(Token.Kind.CLOSE);
                return inner;
            }
            if (at(Token.Kind.NOT)) {
                next++;
                boolean parenthesised = feel && at(Token.Kind.OPEN);
                if (parenthesised) {
                    next++;
                }
                Token name = expect(Token.Kind.NAME);
                if (parenthesised) {
                    expect(Token.Kind.CLOSE);
                }
                return new Comparison(name.text, "==", new Token(Token.Kind.BOOLEAN, "false"));
            }
            Token name = expect(Token.Kind.NAME);
            if (!at(Token.Kind.OPERATOR)) {
                return new Comparison(name.text, "==", new Token(Token.Kind.BOOLEAN, "true"));
            }
            String operator = tokens.get(next++).text;
            if (!(at(Token.Kind.STRING) || at(Token.Kind.NUMBER) || at(Token.Kind.BOOLEAN)
                    || at(Token.Kind.NULL))) {
                throw new Unreadable("compares '" + name.text + "' with something other than"
                        + " a string, number, boolean or null");
            }
            return new Comparison(name.text, operator, tokens.get(next++));
        }

        void expectEnd() throws Unreadable {
            if (next < tokens.size()) {
                throw new Unreadable("has '" + tokens.get(next).text
                        + "' after a complete comparison");
            }
        }

        private boolean at(Token.Kind kind) {
            return next < tokens.size() && tokens.get(next).kind == kind;
        }

        private Token expect(Token.Kind kind) throws Unreadable {
            if (!at(kind)) {
                String found = next < tokens.size() ? "'" + tokens.get(next).text + "'"
                        : "the end";
                throw new Unreadable("has " + found + " where "
                        + kind.name().toLowerCase(Locale.ROOT) + " was expected");
            }
            return tokens.get(next++);
        }
    }
}
