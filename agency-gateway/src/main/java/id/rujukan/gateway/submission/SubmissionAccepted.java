package id.rujukan.gateway.submission;

import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.gateway.readmodel.ReferralView;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The answer to a submission: the referral's id and its state. */
public record SubmissionAccepted(String referralId, String state) {

    /** 202 with the referral's id, and where to read it in {@code Location}. */
    public static Response response(ReferralSubmitted submitted, UriInfo uri) {
        return Response.accepted(new SubmissionAccepted(submitted.referralId(), ReferralView.SUBMITTED))
                .location(uri.getBaseUriBuilder().path(ReferralResource.class).path(submitted.referralId()).build())
                .build();
    }
}
