package dev.grantex.scim.test.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test its own running {@link dev.grantex.scim.test.FakeGrantexServer}, with a
 * developer account and a SCIM token on it
 * ({@link dev.grantex.scim.test.FakeGrantexAccount}), and closes the server after the
 * test.
 *
 * <p>
 * On a test class, test methods, {@code @BeforeEach} and {@code @AfterEach} methods and
 * constructors may declare parameters of either type; on a field of either type (not
 * static, not final), the field is set before each test. Within one test, every parameter
 * and field gets the same server and the same account:
 *
 * <pre class="code">
 * &#64;GrantexScimFake
 * class OnboardingTests {
 *
 *     &#64;Test
 *     void onboardsANewHire(FakeGrantexAccount grantex) {
 *         ScimClient scim = ScimClient.builder().baseUrl(grantex.baseUrl()).scimToken(grantex.scimToken()).build();
 *         new Onboarding(scim).onboard("alice@example.com");
 *         assertThat(grantex.users()).extracting(FakeScimUser::userName).containsExactly("alice@example.com");
 *     }
 *
 *     &#64;Test
 *     void survivesAnOutage(FakeGrantexAccount grantex, FakeGrantexServer server) {
 *         server.faults().enqueue(FaultTarget.route("POST", "/scim/v2/Users"), Fault.serverError(503));
 *         // ...
 *     }
 *
 * }
 * </pre>
 *
 * <p>
 * Each test starts with a fresh server: no users, no faults, no recorded requests, the
 * real server's rate limits. {@code @BeforeAll} methods and static fields cannot have
 * one; for a server shared by a whole class, start one with
 * {@link dev.grantex.scim.test.FakeGrantexServer#start()}.
 *
 * @see GrantexScimFakeExtension
 */
@Target({ ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GrantexScimFakeExtension.class)
public @interface GrantexScimFake {

}
