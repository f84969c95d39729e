package id.rujukan.gateway.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.AgencyType;
import id.rujukan.contract.CaseCategory;
import id.rujukan.directory.DirectoryCopy;
import id.rujukan.gateway.problem.Problems;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reports for supervisors and heads, from referral-service, limited to what the calling agency may see: the
 * Ministry sees everything, a province's Dinas Sosial its province, any other agency the referrals addressed
 * to it. The API and the console's supervision page both ask here.
 */
@ApplicationScoped
public class Reports {

    private final ReferralServiceReports reports;
    private final DirectoryCopy directory;

    public Reports(@RestClient ReferralServiceReports reports, DirectoryCopy directory) {
        this.reports = reports;
        this.directory = directory;
    }

    /**
     * @param callerAgencyId the calling agency, from its token
     * @param zone the zone the caseload's months are counted in; the calling agency's when {@code null}
     * @throws ForbiddenException if the filter asks for more than the agency may see
     * @throws io.quarkiverse.resteasy.problem.HttpProblem (400) if the zone is no time zone
     */
    public JsonNode report(String callerAgencyId, String agencyId, String provinceCode, String regencyCode,
            CaseCategory category, Instant from, Instant to, String zone) {
        AgencyPublished own = directory.agency(callerAgencyId)
                .orElseThrow(() -> new ForbiddenException("agency " + callerAgencyId + " is not in the directory"));
        String agency = agencyId;
        String province = provinceCode;
        if (own.type() == AgencyType.DINAS_SOSIAL_PROVINCE) {
            if (province != null && !province.equals(own.region().provinceCode())) {
                throw new ForbiddenException("a province sees its own province only");
            }
            province = own.region().provinceCode();
        } else if (own.type() != AgencyType.MINISTRY) {
            if (agency != null && !agency.equals(own.agencyId())) {
                throw new ForbiddenException("an agency sees the referrals addressed to it only");
            }
            agency = own.agencyId();
        }
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw Problems.badRequest("zone", "not a time zone; use one like Asia/Makassar");
            }
        }
        try {
            return reports.report(agency, province, regencyCode, category == null ? null : category.name(),
                    from == null ? null : from.toString(), to == null ? null : to.toString(),
                    zone == null ? own.timeZone() : zone);
        } catch (ProcessingException e) {
            throw Problems.unavailable("Reports are unavailable: referral-service does not answer");
        }
    }
}
