package id.rujukan.gateway.submission;

import id.rujukan.directory.DirectoryCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link KnownAgency} against this gateway's copy of the directory. */
@ApplicationScoped
public class KnownAgencyValidator implements ConstraintValidator<KnownAgency, String> {

    private final DirectoryCopy directory;

    public KnownAgencyValidator(DirectoryCopy directory) {
        this.directory = directory;
    }

    @Override
    public boolean isValid(String agencyId, ConstraintValidatorContext context) {
        return agencyId == null || directory.agency(agencyId).isPresent();
    }
}
