package id.rujukan.gateway.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint whose answer depends on the agency directory (an agency named in the request, or the caller's
 * own): {@link DirectoryGate} holds it back with 503 until this gateway's copy is read to its end.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NeedsDirectory {
}
