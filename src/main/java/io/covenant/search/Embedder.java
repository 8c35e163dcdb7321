package io.covenant.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings computed in-process and offline: all-MiniLM-L6-v2 (quantised, 384 dimensions) on ONNX Runtime,
 * shipped inside its Maven artifact. Vectors are unit length, so a dot product is their cosine. The model loads on
 * first use; query vectors are cached, as analysts repeat their searches.
 */
@Component
class Embedder {

    static final String MODEL = "all-minilm-l6-v2-q";

    static final int DIMENSIONS = 384;

    private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

    private final Cache<String, float[]> queries =
            Caffeine.newBuilder().maximumSize(10_000).build();

    List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings =
                model().embedAll(texts.stream().map(TextSegment::from).toList()).content();
        return embeddings.stream().map(e -> unit(e.vector())).toList();
    }

    float[] query(String text) {
        return queries.get(text.strip(), t -> embed(List.of(t)).get(0));
    }

    private AllMiniLmL6V2QuantizedEmbeddingModel model() {
        AllMiniLmL6V2QuantizedEmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                m = model;
            }
        }
        return m;
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }
}
