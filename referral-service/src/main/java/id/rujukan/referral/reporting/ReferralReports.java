package id.rujukan.referral.reporting;

import id.rujukan.contract.ActionCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes reports in PostgreSQL, so they cost one scan of the filtered referrals, not a load into memory. */
@ApplicationScoped
public class ReferralReports {

    static final int OVERDUE_LIMIT = 500;

    private final EntityManager entityManager;
    private final Clock clock;

    public ReferralReports(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public ReferralReport report(ReferralReport.Filter filter) {
        Instant now = clock.instant();
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter, parameters, "target_agency_id");
        Map<String, Long> byState = counts("state", where, parameters);
        Map<String, Long> byCategory = counts("category", where, parameters);
        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        List<ReferralReport.MonthCount> byMonth = new ArrayList<>();
        parameters.put("zone", filter.zone());
        @SuppressWarnings("unchecked")
        List<Object[]> months = bind(entityManager.createNativeQuery(
                "select to_char(submitted_at at time zone :zone, 'YYYY-MM'), category, count(*) from referral where "
                        + where + " group by 1, 2 order by 1, 2"), parameters).getResultList();
        months.forEach(row -> byMonth.add(new ReferralReport.MonthCount((String) row[0], (String) row[1],
                ((Number) row[2]).longValue())));

        parameters.put("now", Timestamp.from(now));
        Object[] times = (Object[]) bind(entityManager.createNativeQuery("""
                select count(*) filter (where received_at <= receive_due_at),
                       count(*) filter (where received_at is not null or receive_due_at < :now),
                       count(*) filter (where accepted_at <= accept_due_at),
                       count(*) filter (where accepted_at is not null or accept_due_at < :now),
                       percentile_cont(0.5) within group (order by extract(epoch from received_at - routed_at)),
                       percentile_cont(0.5) within group (order by extract(epoch from accepted_at - routed_at))
                from referral where routed_at is not null""" + " and " + where), parameters).getSingleResult();

        Map<String, Long> byOutcome = counts("outcome_code", where + " and state = 'COMPLETED'", parameters);
        long successful = byOutcome.entrySet().stream().filter(outcome -> ActionCodes.successful(outcome.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        long completed = byOutcome.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> declinesByReason = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> declines = bind(entityManager.createNativeQuery(
                "select h.code, count(*) from referral_history h join referral on referral.id = h.referral_id"
                        + " where h.to_state = 'DECLINED' and " + where(filter, parameters, "h.actor_agency_id")
                        + " group by 1 order by 1"), parameters).getResultList();
        declines.forEach(row -> declinesByReason.put(String.valueOf(row[0]), ((Number) row[1]).longValue()));

        List<ReferralReport.Overdue> overdue = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery("""
                select id::text, target_agency_id, urgency, category, state,
                       case when state = 'ROUTED' and receive_due_at < :now then 'RECEIVE'
                            when state in ('ACCEPTED', 'IN_PROGRESS') then 'PROGRESS' else 'ACCEPT' end,
                       case when state = 'ROUTED' and receive_due_at < :now then receive_due_at
                            when state in ('ACCEPTED', 'IN_PROGRESS') then progress_due_at else accept_due_at end
                           as due
                from referral
                where ((state = 'ROUTED' and receive_due_at < :now)
                       or (state in ('ROUTED', 'RECEIVED') and accept_due_at < :now)
                       or (state in ('ACCEPTED', 'IN_PROGRESS') and progress_due_at < :now))"""
                + " and " + where + " order by due limit " + OVERDUE_LIMIT), parameters).getResultList();
        for (Object[] row : rows) {
            Instant due = row[6] instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) row[6];
            overdue.add(new ReferralReport.Overdue((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5], due, Duration.between(due, now)));
        }
        return new ReferralReport(filter, total, byState, byCategory, byMonth,
                share(times[0], times[1]), share(times[2], times[3]), seconds(times[4]), seconds(times[5]), byOutcome,
                share(successful, completed), declinesByReason, overdue, now);
    }

    private Map<String, Long> counts(String column, String where, Map<String, Object> parameters) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery(
                "select " + column + ", count(*) from referral where " + where + " group by 1 order by 1"),
                parameters).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** @param agencyColumn the agency the filter's agency is: the target, or (for declines) the one that acted */
    private static String where(ReferralReport.Filter filter, Map<String, Object> parameters, String agencyColumn) {
        List<String> conditions = new ArrayList<>();
        conditions.add("true");
        if (filter.agencyId() != null) {
            conditions.add(agencyColumn + " = :agency");
            parameters.put("agency", filter.agencyId());
        }
        if (filter.provinceCode() != null) {
            conditions.add("province_code = :province");
            parameters.put("province", filter.provinceCode());
        }
        if (filter.regencyCode() != null) {
            conditions.add("regency_code = :regency");
            parameters.put("regency", filter.regencyCode());
        }
        if (filter.category() != null) {
            conditions.add("category = :category");
            parameters.put("category", filter.category());
        }
        if (filter.from() != null) {
            conditions.add("submitted_at >= :from");
            parameters.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("submitted_at < :to");
            parameters.put("to", Timestamp.from(filter.to()));
        }
        return String.join(" and ", conditions);
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach((name, value) -> {
            if (query.getParameters().stream().anyMatch(p -> name.equals(p.getName()))) {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    private static ReferralReport.Share share(Object inTime, Object counted) {
        long in = ((Number) inTime).longValue();
        long all = ((Number) counted).longValue();
        return new ReferralReport.Share(in, all, all == 0 ? null : (double) in / all);
    }

    private static Duration seconds(Object value) {
        return value == null ? null : Duration.ofMillis(Math.round(((Number) value).doubleValue() * 1000));
    }
}
