package io.covenant.company;

import io.covenant.shared.audit.AuditAction;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.CollectionService;
import io.covenant.shared.security.Permission;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Company profiles under the access rule: reads see only visible rows, writes need the right to change them. */
@Service
@RequiredArgsConstructor
public class Companies implements CollectionService<Company, CompanyCommand> {

    /** Owner of rows the platform creates itself (see V4__create_users.sql). */
    public static final UUID SYSTEM_USER = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static final String ENTITY = "company";

    private final CompanyRepository repository;

    private final ApplicationEventPublisher events;

    private final CompanyCache cache;

    private final TickerCache tickers;

    @Transactional
    public Company create(Caller caller, CompanyCommand command) {
        caller.require(Permission.COMPANIES_WRITE);
        AccessLevel level = caller.levelForNewRow(command.accessLevel());
        Company company = repository.insert(command, level, caller.organizationFor(level), caller.userId());
        tickers.evictAfterCommit(List.of(company.symbol()));
        events.publishEvent(Audited.created(ENTITY, company));
        return company;
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Company get(Caller caller, UUID id) {
        caller.require(Permission.COMPANIES_READ);
        return cache.visible(id, caller, () -> repository.findVisible(id, caller))
                .orElseThrow(() -> CompanyNotFound.forId(id));
    }

    /** The company with this ticker that the caller sees, its own before a shared one. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Company byTicker(Caller caller, String ticker) {
        caller.require(Permission.COMPANIES_READ);
        return tickers.visible(ticker, caller, () -> repository.findVisibleBySymbol(ticker, caller).stream()
                        .findFirst())
                .orElseThrow(() -> CompanyNotFound.forTicker(ticker));
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Company byCik(Caller caller, String cik) {
        caller.require(Permission.COMPANIES_READ);
        String normalized;
        try {
            normalized = "%010d".formatted(Long.parseLong(cik.trim()));
        } catch (NumberFormatException ex) {
            throw InvalidInput.of("cik", "must be digits");
        }
        return repository.findVisibleByCik(normalized, caller).stream()
                .findFirst()
                .orElseThrow(() -> CompanyNotFound.forCik(cik));
    }

    @Transactional(readOnly = true)
    public CompanyPage list(
            Caller caller,
            CompanyFilter filter,
            CompanySort sort,
            Boolean ascending,
            String cursor,
            int limit,
            int offset) {
        caller.require(Permission.COMPANIES_READ);
        repository.planListsGenerically();
        boolean asc = ascending != null ? ascending : sort == CompanySort.NAME || sort == CompanySort.SYMBOL;
        CompanyCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            if (!sort.cursorable) {
                throw InvalidInput.of("cursor", "works with sort created_at, name or symbol; use offset for this sort");
            }
            after = CompanyCursor.decode(cursor, sort);
        }
        // Enough for a pager, never a count of every visible row.
        int cap = CompanyPage.countedUpTo(limit, offset);
        boolean ranked = filter.name() != null && filter.q() == null && sort == CompanySort.CREATED_AT && after == null;
        if (ranked) {
            var containing = repository.findContaining(filter, limit, offset, caller);
            if (containing.isPresent()) {
                // Counted within the branches' windows: more may match beyond them, which total_capped says.
                var found = containing.get();
                return new CompanyPage(
                        firstPage(found.rows(), limit),
                        Math.min(found.seen(), cap),
                        found.seen() > cap || found.more(),
                        null);
            }
        }
        var listed = repository.listed(
                new CompanyQuery(filter, sort, asc, after, limit, after == null ? offset : 0), caller);
        List<Company> rows = listed.rows();
        String next = null;
        if (rows.size() > limit) {
            Company last = rows.get(limit - 1);
            // A fuzzy name search orders by similarity, which no keyset cursor follows.
            if (sort.cursorable && !(filter.name() != null && sort == CompanySort.CREATED_AT)) {
                next = new CompanyCursor(
                                sort,
                                switch (sort) {
                                    case NAME -> last.name();
                                    case SYMBOL -> last.symbol();
                                    default -> last.createdAt().toString();
                                },
                                last.id())
                        .encode();
            }
        }
        if (after == null && !rows.isEmpty() && rows.size() <= limit) {
            // The last page of an offset list: what it holds after the offset is all there is.
            return new CompanyPage(List.copyOf(rows), offset + rows.size(), false, next);
        }
        if (listed.common()) {
            // Many live names are similar to the one searched (V76, V81): rather than a second KNN walk, the
            // total is what this walk found, one past the page, flagged as a lower bound.
            return new CompanyPage(firstPage(rows, limit), offset + rows.size(), true, next);
        }
        long counted = repository.count(filter, caller, cap + 1);
        return new CompanyPage(firstPage(rows, limit), Math.min(counted, cap), counted > cap, next);
    }

    private static List<Company> firstPage(List<Company> rows, int limit) {
        return List.copyOf(rows.size() > limit ? rows.subList(0, limit) : rows);
    }

    @Transactional
    public Company update(Caller caller, UUID id, CompanyCommand command) {
        caller.require(Permission.COMPANIES_WRITE);
        Company before = changeable(caller, id);
        AccessLevel level =
                command.accessLevel() == null ? before.accessLevel() : caller.levelForNewRow(command.accessLevel());
        UUID organization = level == AccessLevel.ORGANIZATION
                ? (before.organizationId() != null ? before.organizationId() : caller.organizationId())
                : null;
        Company after = repository.update(id, command, level, organization);
        cache.evictAfterCommit(id);
        tickers.evictAfterCommit(List.of(before.symbol(), after.symbol()));
        events.publishEvent(Audited.updated(ENTITY, before, after));
        return after;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        caller.require(Permission.COMPANIES_WRITE);
        Company before = changeable(caller, id);
        repository.softDelete(id);
        cache.evictAfterCommit(id);
        tickers.evictAfterCommit(List.of(before.symbol()));
        events.publishEvent(Audited.deleted(ENTITY, before));
    }

    /** Creates or refreshes shared (system) companies, as imports do; returns the rows written. */
    @Transactional
    public int upsertSystemCompanies(List<CompanyCommand> commands) {
        int written = repository.bulkUpsertSystem(commands, SYSTEM_USER);
        tickers.evictAfterCommit(
                commands.stream().map(CompanyCommand::normalizedSymbol).toList());
        events.publishEvent(new Audited(
                "company.bulk_upserted",
                "company",
                null,
                AuditAction.UPDATE,
                null,
                Map.of("count", written),
                null,
                SYSTEM_USER,
                Map.of(
                        "symbols",
                        commands.stream()
                                .map(CompanyCommand::normalizedSymbol)
                                .limit(100)
                                .toList())));
        return written;
    }

    /** The companies with these symbols an upload at this level writes to: the caller's own, else a system one. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, CompanyMatch> matchForUpload(Caller caller, AccessLevel level, Collection<String> symbols) {
        caller.require(Permission.COMPANIES_WRITE);
        return repository.findForUpload(symbols, level, caller.organizationFor(level), caller.userId());
    }

    /**
     * Creates an upload's new companies at this level (valid {@link CompanyCommand}s, one per symbol) and returns
     * them; a symbol someone took meanwhile resolves to that company.
     */
    @Transactional
    public Map<String, CompanyMatch> createForUpload(Caller caller, AccessLevel level, List<CompanyCommand> commands) {
        caller.require(Permission.COMPANIES_WRITE);
        if (commands.isEmpty()) {
            return Map.of();
        }
        UUID organization = caller.organizationFor(level);
        repository.insertForUpload(commands, level, organization, caller.userId());
        List<String> symbols =
                commands.stream().map(CompanyCommand::normalizedSymbol).toList();
        tickers.evictAfterCommit(symbols);
        Map<String, CompanyMatch> created = new HashMap<>();
        repository
                .findForUpload(symbols, level, organization, caller.userId())
                .forEach((symbol, m) -> created.put(symbol, new CompanyMatch(m.id(), symbol, m.accessLevel(), true)));
        events.publishEvent(new Audited(
                "company.bulk_created",
                "company",
                null,
                AuditAction.CREATE,
                null,
                Map.of("count", commands.size()),
                organization,
                null,
                Map.of("symbols", symbols.stream().limit(100).toList())));
        return created;
    }

    /** The subset of these companies the caller may see. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Set<UUID> visibleIds(Caller caller, Collection<UUID> ids) {
        caller.require(Permission.COMPANIES_READ);
        return repository.visibleIds(ids, caller);
    }

    /** The company, if the caller may change it (and so its filings and metrics). */
    @Transactional(readOnly = true)
    public Company changeableBy(Caller caller, UUID id) {
        caller.require(Permission.COMPANIES_WRITE);
        return changeable(caller, id);
    }

    /** The live system company with this CIK, for imports. */
    @Transactional(readOnly = true)
    public Optional<Company> systemCompanyByCik(String cik) {
        return repository.findSystemByCik(cik);
    }

    /** The ids of visible companies in a sector, for comparisons. */
    @Transactional(readOnly = true)
    public List<Company> inSector(Caller caller, String sector, int limit) {
        caller.require(Permission.COMPANIES_READ);
        var bySymbol = new CompanyQuery(CompanyFilter.inSector(sector), CompanySort.SYMBOL, true, null, limit, 0);
        return repository.find(bySymbol, caller);
    }

    private Company changeable(Caller caller, UUID id) {
        Company company = repository.findVisible(id, caller).orElseThrow(() -> CompanyNotFound.forId(id));
        caller.requireChange(company, "this company");
        return company;
    }
}
