package io.covenant.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A {@code tsquery} as PostgreSQL prints it ({@code 'suppli' <-> 'chain' & !'risk'}), read into its tree so that the
 * Lucene copy of the chunks' vectors can answer it with PostgreSQL's meaning: {@code &} all, {@code |} any, {@code !}
 * none, {@code <N>} the right operand exactly N positions after the left. Precedence as PostgreSQL's: {@code !},
 * then {@code <N>}, then {@code &}, then {@code |}.
 */
final class TsQuery {

    sealed interface Node permits Operand, Not, And, Or, Phrase {

        List<Node> children();
    }

    record Operand(String lexeme, boolean prefix, boolean weighted) implements Node {
        public List<Node> children() {
            return List.of();
        }
    }

    record Not(Node child) implements Node {
        public List<Node> children() {
            return List.of(child);
        }
    }

    record And(Node left, Node right) implements Node {
        public List<Node> children() {
            return List.of(left, right);
        }
    }

    record Or(Node left, Node right) implements Node {
        public List<Node> children() {
            return List.of(left, right);
        }
    }

    record Phrase(Node left, Node right, int distance) implements Node {
        public List<Node> children() {
            return List.of(left, right);
        }
    }

    private final String text;

    private int at;

    private TsQuery(String text) {
        this.text = text;
    }

    /** The tree of a printed tsquery; null for the empty query (only stop words). */
    static Node parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        TsQuery parser = new TsQuery(text);
        Node root = parser.or();
        parser.skip();
        if (parser.at != text.length()) {
            throw parser.error();
        }
        return root;
    }

    /** What ts_rank ranks by: every operand's lexeme once, in PostgreSQL's byte order. */
    static List<String> lexemes(Node root) {
        TreeSet<BytesRef> unique = new TreeSet<>();
        collect(root, unique);
        return unique.stream().map(BytesRef::utf8ToString).toList();
    }

    /** ts_rank takes the proximity of the lexemes into account when the query's top operator is AND or a phrase. */
    static boolean conjunctive(Node root) {
        return root instanceof And || root instanceof Phrase;
    }

    /**
     * The Lucene query matching what {@code @@} matches over the indexed lexemes; empty for what is not translated
     * (prefix and weight-restricted operands, phrases over anything but lexemes), which PostgreSQL answers itself.
     */
    static Optional<Query> lucene(Node node, String field) {
        if (node instanceof Operand o) {
            return o.prefix() || o.weighted()
                    ? Optional.empty()
                    : Optional.of(new TermQuery(new Term(field, o.lexeme())));
        }
        if (node instanceof And a) {
            return and(a, field);
        }
        if (node instanceof Or o) {
            return or(o, field);
        }
        if (node instanceof Not n) {
            return lucene(n.child(), field).map(child -> new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.FILTER)
                    .add(child, Occur.MUST_NOT)
                    .build());
        }
        return phrase((Phrase) node, field);
    }

    private static Optional<Query> and(And node, String field) {
        List<Node> parts = new ArrayList<>();
        flatten(node, And.class, parts);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean positive = false;
        for (Node part : parts) {
            Optional<Query> q = lucene(part instanceof Not n ? n.child() : part, field);
            if (q.isEmpty()) {
                return Optional.empty();
            }
            query.add(q.get(), part instanceof Not ? Occur.MUST_NOT : Occur.FILTER);
            positive |= !(part instanceof Not);
        }
        if (!positive) {
            query.add(new MatchAllDocsQuery(), Occur.FILTER);
        }
        return Optional.of(query.build());
    }

    private static Optional<Query> or(Or node, String field) {
        List<Node> parts = new ArrayList<>();
        flatten(node, Or.class, parts);
        BooleanQuery.Builder query = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        for (Node part : parts) {
            Optional<Query> q = lucene(part, field);
            if (q.isEmpty()) {
                return Optional.empty();
            }
            query.add(q.get(), Occur.SHOULD);
        }
        return Optional.of(query.build());
    }

    /** A chain {@code a <1> b <2> c}: each lexeme at its distance from the one before it. */
    private static Optional<Query> phrase(Phrase node, String field) {
        List<Operand> terms = new ArrayList<>();
        List<Integer> distances = new ArrayList<>();
        Node left = node;
        while (left instanceof Phrase p) {
            if (!(p.right() instanceof Operand o) || o.prefix() || o.weighted() || p.distance() < 1) {
                return Optional.empty();
            }
            terms.add(0, o);
            distances.add(0, p.distance());
            left = p.left();
        }
        if (!(left instanceof Operand first) || first.prefix() || first.weighted()) {
            return Optional.empty();
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        int position = 0;
        phrase.add(new Term(field, first.lexeme()), position);
        for (int i = 0; i < terms.size(); i++) {
            position += distances.get(i);
            phrase.add(new Term(field, terms.get(i).lexeme()), position);
        }
        return Optional.of(phrase.build());
    }

    private static void flatten(Node node, Class<? extends Node> type, List<Node> out) {
        if (type.isInstance(node)) {
            node.children().forEach(child -> flatten(child, type, out));
        } else {
            out.add(node);
        }
    }

    private static void collect(Node node, TreeSet<BytesRef> out) {
        if (node instanceof Operand o) {
            out.add(new BytesRef(o.lexeme()));
        }
        node.children().forEach(child -> collect(child, out));
    }

    // --- the parser: or := and ('|' and)*, and := phrase ('&' phrase)*, phrase := not ('<N>' not)* ---

    private Node or() {
        return chain('|', this::and, Or::new);
    }

    private Node and() {
        return chain('&', this::phrase, And::new);
    }

    /** Operands joined by a left-associative operator. */
    private Node chain(char operator, Supplier<Node> operand, BinaryOperator<Node> join) {
        Node left = operand.get();
        while (peek(operator)) {
            at++;
            left = join.apply(left, operand.get());
        }
        return left;
    }

    private Node phrase() {
        Node left = not();
        while (peek('<')) {
            at++;
            int distance;
            if (text.startsWith("->", at)) {
                distance = 1;
                at += 2;
            } else {
                int end = text.indexOf('>', at);
                if (end < 0) {
                    throw error();
                }
                distance = Integer.parseInt(text.substring(at, end).strip());
                at = end + 1;
            }
            left = new Phrase(left, not(), distance);
        }
        return left;
    }

    private Node not() {
        if (peek('!')) {
            at++;
            return new Not(not());
        }
        if (peek('(')) {
            at++;
            Node inner = or();
            if (!peek(')')) {
                throw error();
            }
            at++;
            return inner;
        }
        if (!peek('\'')) {
            throw error();
        }
        StringBuilder lexeme = new StringBuilder();
        at = TsVector.quoted(text, at, lexeme);
        boolean prefix = false;
        boolean weighted = false;
        if (at < text.length() && text.charAt(at) == ':') {
            at++;
            while (at < text.length() && "*ABCDabcd".indexOf(text.charAt(at)) >= 0) {
                prefix |= text.charAt(at) == '*';
                weighted |= text.charAt(at) != '*';
                at++;
            }
        }
        return new Operand(lexeme.toString(), prefix, weighted);
    }

    private boolean peek(char c) {
        skip();
        return at < text.length() && text.charAt(at) == c;
    }

    private void skip() {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }

    private IllegalArgumentException error() {
        return new IllegalArgumentException("Not a tsquery at " + at + ": " + text);
    }
}
