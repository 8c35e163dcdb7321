package io.covenant.overview;

import io.covenant.company.Company;
import io.covenant.filing.Filing;
import io.covenant.metric.MetricViews.Point;
import java.util.List;

/** A company's profile with its latest filings and the latest value of each of its metrics. */
public record CompanyPage(Company company, List<Filing> latestFilings, List<Point> latestMetrics) {}
