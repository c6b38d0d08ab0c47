package dev.grantex.scim.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.grantex.scim.autoconfigure.metrics.GrantexScimRetryMetrics;
import dev.grantex.scim.observation.DefaultScimClientObservationConvention;
import dev.grantex.scim.observation.ScimClientObservationDocumentation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README against the code: every Java, YAML and properties block in it is a tagged
 * region of a file that the build compiles and tests, named by the snippet marker right
 * before the block, and equal to it; the Maven coordinates it shows are this project's;
 * its table of properties is the starter's configuration metadata; and every project
 * type, property and metric it names exists.
 */
class ReadmeSnippetsTests {

	private static final Set<String> CHECKED_LANGUAGES = Set.of("java", "yaml", "properties");

	private static final Pattern PROPERTY = Pattern.compile("(?<![\\w.@/-])(grantex(?:\\.[a-z0-9-]+)+)(?![\\w(])");

	private static final Pattern INLINE_CODE = Pattern.compile("`([^`\\n]+)`");

	private static final Pattern TYPE_NAME = Pattern
		.compile("(?<![\\w.])([A-Z][A-Za-z0-9]*)(?:\\.([A-Z][A-Za-z0-9]*))?(?![\\w*])");

	private static final Pattern PROJECT_TYPE = Pattern
		.compile(".*(Scim|Grantex|Fake|Fault|Retry|RateLimit|Recorded).*");

	private static final Pattern DECLARATION = Pattern
		.compile("\\b(?:class|interface|enum|record|@interface)\\s+([A-Z][A-Za-z0-9]*)");

	private final Readme readme = Readme.read();

	@Test
	void everyJavaYamlAndPropertiesBlockIsMarkedWithItsSource() {
		List<String> unmarked = new ArrayList<>();
		for (Readme.Block block : this.readme.blocks()) {
			if (CHECKED_LANGUAGES.contains(block.language()) && block.marker() == null) {
				unmarked.add("README.md line " + block.line() + " (```" + block.language() + ")");
			}
		}
		assertThat(unmarked)
			.as("blocks without a <!-- snippet: path#tag --> line right before them, naming the tested source "
					+ "they are taken from")
			.isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyMarkedBlockIsItsTaggedRegion() {
		return this.readme.blocks()
			.stream()
			.filter((block) -> block.marker() != null)
			.map((block) -> DynamicTest.dynamicTest("README.md line " + block.line() + ": " + block.marker(),
					() -> assertIsItsRegion(block)));
	}

	private static void assertIsItsRegion(Readme.Block block) {
		String region = Readme.region(block.marker());
		String[] readme = block.content().split("\n", -1);
		String[] source = region.split("\n", -1);
		int differs = 0;
		while (differs < Math.min(readme.length, source.length) && readme[differs].equals(source[differs])) {
			differs++;
		}
		assertThat(block.content())
			.as("README.md line %d: the ```%s block differs from its source %s, first at README.md line %d; "
					+ "expected is the source, which the build compiles and tests: change both, or neither",
					block.line(), block.language(), block.marker(), block.line() + 1 + differs)
			.isEqualTo(region);
	}

	@Test
	void everyMarkerIsFollowedByACodeBlock() {
		List<String> lines = this.readme.lines();
		List<String> stray = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (Readme.Marker.parse(lines.get(i)) != null
					&& (i + 1 == lines.size() || !lines.get(i + 1).startsWith("```"))) {
				stray.add("README.md line " + (i + 1));
			}
		}
		assertThat(stray).as("snippet markers not right before a code block").isEmpty();
	}

	@Test
	void theDependencySnippetsNameThisProjectsModulesAtItsVersion() throws Exception {
		Element parent = xml(Files.readString(Readme.ROOT.resolve("pom.xml"))).getDocumentElement();
		String groupId = child(parent, "groupId");
		String version = child(parent, "version");
		Set<String> published = publishedModules(parent);
		Set<String> inTheBom = managedArtifacts(
				xml(Files.readString(Readme.ROOT.resolve("grantex-scim-dependencies/pom.xml"))).getDocumentElement());
		List<Readme.Block> xmlBlocks = this.readme.blocks()
			.stream()
			.filter((block) -> block.language().equals("xml"))
			.toList();
		assertThat(xmlBlocks).isNotEmpty();
		for (Readme.Block block : xmlBlocks) {
			NodeList dependencies = xml("<root>" + block.content() + "</root>").getElementsByTagName("dependency");
			assertThat(dependencies.getLength()).as("README.md line %d: no <dependency>", block.line()).isPositive();
			for (int i = 0; i < dependencies.getLength(); i++) {
				Element dependency = (Element) dependencies.item(i);
				String artifactId = child(dependency, "artifactId");
				String where = "README.md line " + block.line() + ", " + artifactId;
				assertThat(child(dependency, "groupId")).as(where).isEqualTo(groupId);
				assertThat(artifactId).as(where + ": a published module").isIn(published);
				String declared = childOrNull(dependency, "version");
				if (declared != null) {
					assertThat(declared).as(where + ": the project's version").isEqualTo(version);
				}
				else {
					assertThat(artifactId).as(where + ": without a version, it must be in the BOM").isIn(inTheBom);
				}
				if ("grantex-scim-dependencies".equals(artifactId)) {
					assertThat(childOrNull(dependency, "type")).as(where).isEqualTo("pom");
					assertThat(childOrNull(dependency, "scope")).as(where).isEqualTo("import");
				}
			}
		}
	}

	@Test
	void thePropertiesTableListsEveryPropertyTheStarterReadsWithItsDefault() throws IOException {
		Map<String, JsonNode> metadata = starterProperties();
		Map<String, String> table = propertiesTable();
		assertThat(table.keySet()).as("the properties in the README's table (### Properties)")
			.containsExactlyInAnyOrderElementsOf(metadata.keySet());
		for (Map.Entry<String, JsonNode> property : metadata.entrySet()) {
			JsonNode defaultValue = property.getValue().get("defaultValue");
			if (defaultValue == null || defaultValue.isNull()) {
				continue;
			}
			String readmeDefault = firstCode(table.get(property.getKey()));
			String where = "the README's default of " + property.getKey();
			if (defaultValue.isNumber()) {
				assertThat(Double.parseDouble(readmeDefault)).as(where).isEqualTo(defaultValue.asDouble());
			}
			else {
				assertThat(readmeDefault).as(where).isEqualTo(defaultValue.asString());
			}
		}
	}

	@Test
	void everyGrantexPropertyAndMetricTheReadmeNamesExists() throws IOException {
		Set<String> properties = starterProperties().keySet();
		Set<String> meters = Set.of(DefaultScimClientObservationConvention.NAME,
				ScimClientObservationDocumentation.PACING_NAME, GrantexScimRetryMetrics.METRIC_NAME,
				ScimClientObservationDocumentation.HighCardinalityKeyNames.RESOURCE_ID.asString());
		Set<String> unknown = new TreeSet<>();
		Matcher matcher = PROPERTY.matcher(String.join("\n", this.readme.lines()));
		while (matcher.find()) {
			String name = matcher.group(1);
			boolean known = properties.contains(name) || meters.contains(name)
					|| properties.stream().anyMatch((property) -> property.startsWith(name + "."));
			if (!known) {
				unknown.add(name);
			}
		}
		assertThat(unknown)
			.as("grantex.* names in the README that are neither a property of the starter (or a "
					+ "prefix of some) nor a metric of the client")
			.isEmpty();
	}

	@Test
	void everyProjectTypeTheReadmeNamesExists() throws IOException {
		Set<String> declared = declaredTypes();
		Set<String> unknown = new TreeSet<>();
		for (String line : proseLines()) {
			Matcher code = INLINE_CODE.matcher(line);
			while (code.find()) {
				Matcher type = TYPE_NAME.matcher(code.group(1));
				while (type.find()) {
					for (int group = 1; group <= 2; group++) {
						String name = type.group(group);
						if (name != null && PROJECT_TYPE.matcher(name).matches() && !declared.contains(name)) {
							unknown.add(name);
						}
					}
				}
			}
		}
		assertThat(unknown).as("types the README names in `code` that no source file of the project declares")
			.isEmpty();
	}

	@Test
	void thePackageTableSaysWhereEachTypeIs() throws IOException {
		List<String> lines = this.readme.lines();
		int start = lines.indexOf("### Where the types are");
		assertThat(start).as("a section ### Where the types are in the README").isNotNegative();
		List<String> misplaced = new ArrayList<>();
		int types = 0;
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("#")) {
				break;
			}
			if (!line.startsWith("| `")) {
				continue;
			}
			String[] cells = line.split("\\|");
			String packageName = cells[1].strip().replace("`", "");
			Matcher code = INLINE_CODE.matcher(cells[2]);
			while (code.find()) {
				String[] names = code.group(1).split("\\.");
				types++;
				if (!declaredIn(packageName, names[0], (names.length > 1) ? names[1] : null)) {
					misplaced.add(code.group(1) + " in " + packageName);
				}
			}
		}
		assertThat(types).as("types in the table").isPositive();
		assertThat(misplaced).as("types the package table places where no main source file declares them").isEmpty();
	}

	private static boolean declaredIn(String packageName, String type, String nested) throws IOException {
		String path = packageName.replace('.', '/') + "/" + type + ".java";
		try (Stream<Path> modules = Files.list(Readme.ROOT)) {
			for (Path module : modules.toList()) {
				Path file = module.resolve("src/main/java").resolve(path);
				if (Files.isRegularFile(file)) {
					return nested == null || Files.readString(file)
						.matches("(?s).*\\b(?:class|interface|enum|record)\\s+" + nested + "\\b.*");
				}
			}
		}
		return false;
	}

	/* The README's lines outside code blocks. */
	private List<String> proseLines() {
		List<String> prose = new ArrayList<>();
		boolean inBlock = false;
		for (String line : this.readme.lines()) {
			if (line.startsWith("```")) {
				inBlock = !inBlock;
			}
			else if (!inBlock) {
				prose.add(line);
			}
		}
		return prose;
	}

	/* The rows of the table under "### Properties": name, default. */
	private Map<String, String> propertiesTable() {
		List<String> lines = this.readme.lines();
		int start = lines.indexOf("### Properties");
		assertThat(start).as("a section ### Properties in the README").isNotNegative();
		Map<String, String> table = new LinkedHashMap<>();
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("#")) {
				break;
			}
			if (line.startsWith("| `")) {
				String[] cells = line.split("\\|");
				table.put(cells[1].strip().replace("`", ""), cells[2].strip());
			}
		}
		return table;
	}

	private static String firstCode(String cell) {
		Matcher matcher = INLINE_CODE.matcher(cell);
		assertThat(matcher.find()).as("a `default` in the cell '%s'", cell).isTrue();
		return matcher.group(1);
	}

	/*
	 * The properties the starter reads, from its configuration metadata: grantex.* and
	 * the health indicator's switch.
	 */
	private static Map<String, JsonNode> starterProperties() throws IOException {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		for (URL url : Collections.list(ReadmeSnippetsTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					String name = property.get("name").asString();
					if (name.startsWith("grantex.") || name.startsWith("management.health.grantex-scim.")) {
						properties.put(name, property);
					}
				}
			}
		}
		assertThat(properties).as("the starter's configuration metadata").isNotEmpty();
		return properties;
	}

	/* The simple names of the types declared in the project's sources. */
	private static Set<String> declaredTypes() throws IOException {
		Set<String> names = new LinkedHashSet<>();
		try (Stream<Path> files = Files.walk(Readme.ROOT)) {
			for (Path file : files.filter(ReadmeSnippetsTests::isSource).toList()) {
				Matcher matcher = DECLARATION.matcher(Files.readString(file));
				while (matcher.find()) {
					names.add(matcher.group(1));
				}
			}
		}
		return names;
	}

	private static boolean isSource(Path file) {
		String path = Readme.ROOT.relativize(file).toString().replace('\\', '/');
		return path.endsWith(".java") && path.contains("/src/") && !path.contains("/target/") && !path.startsWith(".");
	}

	private static Set<String> publishedModules(Element parent) throws IOException {
		Set<String> published = new LinkedHashSet<>();
		NodeList modules = parent.getElementsByTagName("module");
		for (int i = 0; i < modules.getLength(); i++) {
			String module = modules.item(i).getTextContent().strip();
			String pom = Files.readString(Readme.ROOT.resolve(module).resolve("pom.xml"));
			if (!pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
				published.add(module);
			}
		}
		return published;
	}

	private static Set<String> managedArtifacts(Element bom) {
		Set<String> artifacts = new LinkedHashSet<>();
		NodeList dependencies = bom.getElementsByTagName("dependency");
		for (int i = 0; i < dependencies.getLength(); i++) {
			artifacts.add(child((Element) dependencies.item(i), "artifactId"));
		}
		return artifacts;
	}

	private static String child(Element element, String name) {
		String value = childOrNull(element, name);
		assertThat(value).as("<%s> in <%s>", name, element.getTagName()).isNotNull();
		return value;
	}

	private static String childOrNull(Element element, String name) {
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child && child.getTagName().equals(name)) {
				return child.getTextContent().strip();
			}
		}
		return null;
	}

	private static Document xml(String text) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IllegalStateException("Not XML: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
