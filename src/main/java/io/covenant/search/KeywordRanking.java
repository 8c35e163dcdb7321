package io.covenant.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;

/**
 * Ranks the chunks a keyword query matches by {@link TsRank} and keeps the best {@code k}, ordered as PostgreSQL's
 * {@code ORDER BY ts_rank(...) DESC, id} orders them: ties by chunk id in PostgreSQL's uuid order (unsigned bytes).
 * Each match's positions of the query's lexemes are read from the postings as the match is collected.
 */
final class KeywordRanking extends SimpleCollector {

    static final String LEXEMES = "lexemes";

    static final String LENGTH = "tsv_length";

    static final String ID_HIGH = "id_high";

    static final String ID_LOW = "id_low";

    private record Hit(float score, long high, long low) {}

    /** Worst first: the lower score, or at an equal score the greater id. */
    private static final Comparator<Hit> WORST_FIRST =
            Comparator.comparingDouble(Hit::score).thenComparing((a, b) -> compareIds(b, a));

    private final List<String> lexemes;

    private final boolean conjunctive;

    private final int k;

    private final PriorityQueue<Hit> best;

    private final PostingsEnum[] postings;

    private final int[][] positions;

    private final int[][] buffers;

    private final int[] counts;

    private NumericDocValues length;

    private NumericDocValues high;

    private NumericDocValues low;

    KeywordRanking(List<String> lexemes, boolean conjunctive, int k) {
        this.lexemes = lexemes;
        this.conjunctive = conjunctive;
        this.k = k;
        this.best = new PriorityQueue<>(k + 1, WORST_FIRST);
        this.postings = new PostingsEnum[lexemes.size()];
        this.positions = new int[lexemes.size()][];
        this.buffers = new int[lexemes.size()][16];
        this.counts = new int[lexemes.size()];
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        Terms terms = context.reader().terms(LEXEMES);
        TermsEnum iterator = terms == null ? null : terms.iterator();
        for (int i = 0; i < lexemes.size(); i++) {
            postings[i] = iterator != null && iterator.seekExact(new BytesRef(lexemes.get(i)))
                    ? iterator.postings(null, PostingsEnum.POSITIONS)
                    : null;
        }
        length = DocValues.getNumeric(context.reader(), LENGTH);
        high = DocValues.getNumeric(context.reader(), ID_HIGH);
        low = DocValues.getNumeric(context.reader(), ID_LOW);
    }

    @Override
    public void collect(int doc) throws IOException {
        for (int i = 0; i < postings.length; i++) {
            PostingsEnum p = postings[i];
            positions[i] = null;
            if (p == null) {
                continue;
            }
            if (p.docID() < doc) {
                p.advance(doc);
            }
            if (p.docID() == doc) {
                int freq = p.freq();
                if (buffers[i].length < freq) {
                    buffers[i] = new int[Math.max(freq, buffers[i].length * 2)];
                }
                for (int f = 0; f < freq; f++) {
                    buffers[i][f] = p.nextPosition();
                }
                counts[i] = freq;
                positions[i] = buffers[i];
            }
        }
        float score =
                TsRank.rank(positions, counts, length.advanceExact(doc) ? (int) length.longValue() : 0, conjunctive);
        if (best.size() == k && score < best.peek().score()) {
            return;
        }
        Hit hit = new Hit(
                score, high.advanceExact(doc) ? high.longValue() : 0, low.advanceExact(doc) ? low.longValue() : 0);
        if (best.size() < k) {
            best.add(hit);
        } else if (WORST_FIRST.compare(hit, best.peek()) > 0) {
            best.poll();
            best.add(hit);
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The best chunks, best first, with their ts_rank as PostgreSQL returns it (a float4). */
    List<DocumentRepository.Ranked> top() {
        List<Hit> hits = new ArrayList<>(best);
        hits.sort(WORST_FIRST.reversed());
        List<DocumentRepository.Ranked> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            out.add(DocumentRepository.Ranked.of(new UUID(h.high(), h.low()), h.score()));
        }
        return out;
    }

    private static int compareIds(Hit a, Hit b) {
        int c = Long.compareUnsigned(a.high(), b.high());
        return c != 0 ? c : Long.compareUnsigned(a.low(), b.low());
    }
}
