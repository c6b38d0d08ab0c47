package dev.grantex.scim.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.VersionInfo;

/**
 * Shows what each client puts on the wire: every benchmarked client does each operation
 * once against the canned server, which keeps the request heads, and they are printed
 * side by side with the {@code Authorization} value masked. Run by hand
 * ({@code java -cp … dev.grantex.scim.benchmarks.WireCheck}) to see that the {@code raw}
 * floor sends what the bean sends.
 */
public final class WireCheck {

	/**
	 * The {@code User-Agent} of Apache HttpClient 5, which the bean sends and so does
	 * raw.
	 */
	static final String USER_AGENT = VersionInfo.getSoftwareInfo("Apache-HttpClient", "org.apache.hc.client5",
			HttpClientBuilder.class);

	private WireCheck() {
	}

	public static void main(String[] args) throws Exception {
		for (String client : List.of("bean", "raw", "restclient-apache", "builder", "bean-jdk", "unboundid")) {
			try (Target target = Target.start("canned", ScimOps.needsEmailsAsArray(client), WireFixtures.USERS);
					ScimOps ops = ScimOps.create(client, target)) {
				CannedServer canned = target.canned();
				if (canned == null) {
					throw new IllegalStateException("Not the canned server");
				}
				canned.captureHeads(true);
				ops.getUser();
				ops.listUsers();
				ops.createUser(1);
				ops.updateUser();
				System.out.println("== " + client);
				for (Map.Entry<String, String> head : new TreeMap<>(canned.heads()).entrySet()) {
					System.out.println(head.getValue().replaceAll("(?im)^(authorization: \\w+ ).*$", "$1…"));
					System.out.println();
				}
			}
		}
	}

}
