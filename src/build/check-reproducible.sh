#!/usr/bin/env bash
# Checks that the build is reproducible: that building the same commit twice gives byte-identical published files.
#
# Run it after a build from clean that made them, such as ./mvnw -B verify on a fresh clone, or ./mvnw -B clean verify:
# it keeps the published files that build left in target/, builds the published modules again from clean (without
# tests, which put nothing in them), and compares each file with its first copy. It fails, naming the files (and for a
# jar the entries) that differ, if any does, or if a file the release publishes is missing. Extra arguments go to the
# second build (e.g. -Dspring-boot.version=..., which the first build must then have had too).
set -euo pipefail
cd "$(dirname "$0")/../.."

version=$(sed -n 's:^    <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
# the published modules, and the files of each that the release publishes (signatures and checksums aside)
jar_modules=(grantex-scim-core grantex-scim-autoconfigure grantex-scim-spring-boot-starter grantex-scim-test)
files=()
for module in "${jar_modules[@]}"; do
	files+=("${module}/target/${module}-${version}.jar"
		"${module}/target/${module}-${version}-sources.jar"
		"${module}/target/${module}-${version}-javadoc.jar"
		"${module}/target/bom.json"
		"${module}/target/bom.xml")
done
# the BOM and the parent publish their POM and an SBOM; the BOM's POM is written by the build (flattened)
files+=("grantex-scim-dependencies/target/.flattened-pom.xml"
	"grantex-scim-dependencies/target/bom.json" "grantex-scim-dependencies/target/bom.xml"
	"target/bom.json" "target/bom.xml")

first=$(mktemp -d)
trap 'rm -rf "${first}"' EXIT
for file in "${files[@]}"; do
	if [[ ! -f "${file}" ]]; then
		echo "check-reproducible: no ${file}: run ./mvnw -B clean verify first" >&2
		exit 1
	fi
	mkdir -p "${first}/$(dirname "${file}")"
	cp "${file}" "${first}/${file}"
done

modules=$(IFS=,; echo "${jar_modules[*]},grantex-scim-dependencies")
echo "check-reproducible: building ${modules} again, from clean, without tests"
./mvnw -B -q clean verify -DskipTests -pl "${modules}" -am "$@"

# a jar's entries, one a line: name, size, date, time, CRC-32
entries() {
	unzip -v "$1" | awk 'NF >= 8 && length($7) == 8 && $7 ~ /^[0-9a-f]+$/ {print $8, $1, $5, $6, $7}' | sort
}

differ=0
for file in "${files[@]}"; do
	if cmp -s "${first}/${file}" "${file}"; then
		echo "identical: ${file}"
	else
		differ=1
		echo "DIFFERENT: ${file}"
		if [[ "${file}" == *.jar ]]; then
			# which entries: name, size, time and CRC of each, first build (<) against second (>)
			diff <(entries "${first}/${file}") <(entries "${file}") | head -20 || true
		else
			diff "${first}/${file}" "${file}" | head -20 || true
		fi
	fi
done
if [[ ${differ} -ne 0 ]]; then
	echo "check-reproducible: two builds of the same commit differ (see above); if the first build was not from" \
		"clean, a jar it left from an older build may be the cause: run ./mvnw -B clean verify, then this again" >&2
	exit 1
fi
echo "check-reproducible: ${#files[@]} published files, byte-identical in two builds"
