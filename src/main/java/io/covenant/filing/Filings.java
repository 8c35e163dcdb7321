package io.covenant.filing;

import io.covenant.company.Companies;
import io.covenant.shared.audit.AuditAction;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.Caller;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filings of companies. Imports record them idempotently by accession number; readers list them for companies they
 * may see, newest first, by a (filing date, id) cursor.
 */
@Service
@RequiredArgsConstructor
public class Filings {

    static final Set<String> FORMS = Set.of(
            "10-K", "10-K/A", "10-KT", "10-Q", "10-Q/A", "8-K", "8-K/A", "S-1", "S-1/A", "DEF 14A", "20-F", "20-F/A",
            "40-F", "6-K", "424B4");

    private final FilingRepository repository;

    private final Companies companies;

    private final ApplicationEventPublisher events;

    /** Whether the form is one Covenant keeps; imports skip the others (Forms 3, 4, SC 13G...). */
    public static boolean kept(String form) {
        return FORMS.contains(form);
    }

    /** Records filings of a company, updating those already known by accession number; returns rows written. */
    @Transactional
    public int record(UUID companyId, List<FilingCommand> filings) {
        if (filings.isEmpty()) {
            return 0;
        }
        int count = repository.record(companyId, filings);
        events.publishEvent(new Audited(
                "filing.recorded",
                "company",
                companyId,
                AuditAction.UPDATE,
                null,
                Map.of("filings", count),
                null,
                Companies.SYSTEM_USER,
                Map.of()));
        return count;
    }

    /** Filings of the companies the caller sees, newest first. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public CursorPage<Filing> list(Caller caller, FilingQuery query, String cursor, int limit) {
        if (query.companyId() != null) {
            companies.get(caller, query.companyId());
        }
        if (query.formTypes() != null) {
            query.formTypes().stream()
                    .filter(f -> !FORMS.contains(f))
                    .findFirst()
                    .ifPresent(f -> {
                        throw InvalidInput.of(
                                "form",
                                "'" + f + "' is not a form Covenant keeps; one of "
                                        + String.join(
                                                ", ", FORMS.stream().sorted().toList()));
                    });
        }
        List<Filing> rows = repository.page(caller, query, FilingCursor.decode(cursor), limit);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Filing last = rows.get(limit - 1);
            next = new FilingCursor(last.filingDate(), last.id()).encode();
        }
        return new CursorPage<>(List.copyOf(rows), next);
    }

    /** One filing of a company the caller sees. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Filing get(Caller caller, UUID id) {
        Filing filing = repository.findLive(id).orElseThrow(() -> new NotFound("Filing", id));
        try {
            companies.get(caller, filing.companyId());
        } catch (NotFound ex) {
            // A filing of a company the caller may not see does not exist for the caller.
            throw new NotFound("Filing", id);
        }
        return filing;
    }

    /** The latest filings of each of these companies (no N+1: one query for the whole set). */
    @Transactional(readOnly = true)
    public Map<UUID, List<Filing>> latestOf(Collection<UUID> companyIds, int perCompany) {
        List<Filing> rows = repository.latestOf(companyIds, perCompany);
        return rows.stream().collect(Collectors.groupingBy(Filing::companyId, LinkedHashMap::new, Collectors.toList()));
    }

    /** The accession numbers to filing ids of a company, for linking metrics to their source. */
    @Transactional(readOnly = true)
    public Map<String, UUID> idsByAccession(UUID companyId) {
        return repository.idsByAccession(companyId);
    }
}
