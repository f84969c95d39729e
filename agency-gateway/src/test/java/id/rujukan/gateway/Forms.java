package id.rujukan.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form of the officers' pages posted as a browser posts it: with the CSRF token the page it is on was given,
 * and that page's cookie. A form posted any other way is refused (see ConsoleTest).
 */
final class Forms {

    static final String CSRF = "csrf-token";
    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"" + CSRF + "\" value=\"([^\"]+)\"");

    private Forms() {
    }

    /**
     * @param bearer the officer's token
     * @param page the page the form is on, read first as the officer (it must show at least one form)
     */
    static RequestSpecification on(String bearer, String page) {
        return on(bearer, page, bearer);
    }

    /** A form of the page as {@code reader} got it, posted by {@code poster} (another agency, another role). */
    static RequestSpecification on(String reader, String page, String poster) {
        ExtractableResponse<Response> read = given().auth().oauth2(reader).get(page).then().extract();
        Matcher token = HIDDEN_TOKEN.matcher(read.asString());
        if (!token.find()) {
            throw new AssertionError(page + " (" + read.statusCode() + ") has no form with a CSRF token");
        }
        return given().auth().oauth2(poster).redirects().follow(false).contentType(ContentType.URLENC)
                .cookie(CSRF, read.cookie(CSRF)).formParam(CSRF, token.group(1));
    }
}
