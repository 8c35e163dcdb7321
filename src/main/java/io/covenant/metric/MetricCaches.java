package io.covenant.metric;

import io.covenant.metric.MetricViews.Point;
import io.covenant.shared.cache.HotCache;
import io.covenant.shared.cache.HotCaches;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The metric module's hot cache: each company's latest points, until its metrics change (V75 notifies). */
@Configuration(proxyBeanMethods = false)
class MetricCaches {

    @Bean
    HotCache<UUID, List<Point>> latestMetrics(HotCaches caches) {
        return caches.byRowId("latest_metrics", 20_000, "company_data");
    }
}
