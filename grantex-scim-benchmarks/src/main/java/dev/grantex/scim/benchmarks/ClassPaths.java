package dev.grantex.scim.benchmarks;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The class paths of the applications that the start-up and sync harnesses start in JVMs
 * of their own, cut from this module's class path (which also holds JMH, UnboundID,
 * Jersey and the floors) by Maven artifact: only what such an application has, and this
 * module's classes for its main class.
 *
 * <ul>
 * <li>{@link #BOOT}: {@code spring-boot-starter} and what it brings, an application with
 * Spring Boot and no HTTP client at all;</li>
 * <li>{@link #STARTER}: what {@code grantex-scim-spring-boot-starter} adds to that: the
 * Grantex jars, {@code spring-web}, Boot's HTTP client and converter support,
 * {@code jackson-core}, and Apache HttpClient 5;</li>
 * <li>{@link #SAMPLE}: the sample, for its {@code DirectorySync}.</li>
 * </ul>
 * Each artifact named must be found on this module's class path exactly once, so that a
 * change of the starter's dependencies fails the harness instead of measuring something
 * else; the children also report which HTTP clients they can see, and the harness checks
 * that too.
 */
final class ClassPaths {

	/** {@code spring-boot-starter} and its dependencies (Spring Boot 4.0). */
	static final Set<String> BOOT = Set.of("spring-boot-starter", "spring-boot-starter-logging", "spring-boot",
			"spring-boot-autoconfigure", "spring-core", "spring-beans", "spring-context", "spring-aop",
			"spring-expression", "commons-logging", "micrometer-observation", "micrometer-commons", "jspecify",
			"logback-classic", "logback-core", "log4j-to-slf4j", "log4j-api", "jul-to-slf4j", "slf4j-api",
			"jakarta.annotation-api", "snakeyaml");

	/** What {@code grantex-scim-spring-boot-starter} adds to {@link #BOOT}. */
	static final Set<String> STARTER = Set.of("grantex-scim-spring-boot-starter", "grantex-scim-autoconfigure",
			"grantex-scim-core", "spring-web", "spring-boot-http-client", "spring-boot-http-converter", "jackson-core",
			"httpclient5", "httpcore5", "httpcore5-h2");

	/** The sample application's jar (its own dependencies are in {@link #STARTER}). */
	static final Set<String> SAMPLE = Set.of("grantex-scim-sample");

	private ClassPaths() {
	}

	/**
	 * This module's classes and the artifacts of the given sets, in the order of this
	 * JVM's class path.
	 * @param sets the sets of artifact ids
	 * @return the class path
	 * @throws IllegalStateException if an artifact is not on this JVM's class path, or is
	 * more than once
	 */
	static String of(List<Set<String>> sets) {
		Set<String> wanted = new LinkedHashSet<>();
		sets.forEach(wanted::addAll);
		String own = ownClasses();
		List<String> entries = new ArrayList<>();
		Map<String, Integer> found = new HashMap<>();
		boolean ownFound = false;
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			String artifact = artifactId(entry);
			if (Paths.get(entry).toAbsolutePath().normalize().toString().equals(own)) {
				entries.add(entry);
				ownFound = true;
			}
			else if (artifact != null && wanted.contains(artifact)) {
				entries.add(entry);
				found.merge(artifact, 1, Integer::sum);
			}
		}
		Set<String> wrong = new TreeSet<>();
		for (String artifact : wanted) {
			if (found.getOrDefault(artifact, 0) != 1) {
				wrong.add(artifact + " (" + found.getOrDefault(artifact, 0) + " times)");
			}
		}
		if (!ownFound) {
			wrong.add("this module's classes, " + own);
		}
		if (!wrong.isEmpty()) {
			throw new IllegalStateException("The class path does not hold each artifact of the application once: "
					+ wrong + "; has the starter's dependency tree changed? Update ClassPaths. Class path: "
					+ System.getProperty("java.class.path"));
		}
		return String.join(File.pathSeparator, entries);
	}

	/**
	 * The artifact ids on a class path, sorted, for the report.
	 * @param classPath the class path
	 * @return the artifact ids, and {@code (benchmarks)} for this module's classes
	 */
	static List<String> artifacts(String classPath) {
		List<String> artifacts = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			String artifact = artifactId(entry);
			artifacts.add((artifact != null) ? artifact : "(benchmarks)");
		}
		artifacts.sort(null);
		return artifacts;
	}

	private static String ownClasses() {
		try {
			return Paths.get(ClassPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toAbsolutePath()
				.normalize()
				.toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The Maven artifact id of a class path entry: a jar in a Maven repository
	 * ({@code …/artifactId/version/artifactId-version.jar}), or a module of this build
	 * ({@code …/module/target/classes} or {@code …/module/target/module-version.jar}).
	 * @param entry the entry
	 * @return the artifact id, or {@code null} for this module's own classes or an
	 * unknown entry
	 */
	static @Nullable String artifactId(String entry) {
		Path path = Paths.get(entry).toAbsolutePath().normalize();
		for (Path each = path; each != null && each.getParent() != null; each = each.getParent()) {
			if (each.getFileName().toString().equals("target")) {
				String module = each.getParent().getFileName().toString();
				return module.equals("grantex-scim-benchmarks") ? null : module;
			}
		}
		Path version = path.getParent();
		Path artifact = (version != null) ? version.getParent() : null;
		if (version == null || artifact == null || artifact.getFileName() == null) {
			return null;
		}
		String name = artifact.getFileName().toString();
		return path.getFileName().toString().startsWith(name + "-" + version.getFileName()) ? name : null;
	}

}
