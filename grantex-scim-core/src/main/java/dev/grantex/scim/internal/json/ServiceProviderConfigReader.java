package dev.grantex.scim.internal.json;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import dev.grantex.scim.model.ServiceProviderConfig;

/**
 * Reads the members of a ServiceProviderConfig whose START_OBJECT has been consumed: each
 * feature's {@code supported} flag and the few limits the record holds.
 */
final class ServiceProviderConfigReader {

	private final JsonParser parser;

	private boolean patch;

	private boolean changePassword;

	private boolean sort;

	private boolean etag;

	private boolean bulk;

	private int bulkMaxOperations;

	private int bulkMaxPayloadSize;

	private boolean filter;

	private int filterMaxResults;

	private final List<ServiceProviderConfig.AuthenticationScheme> schemes = new ArrayList<>();

	ServiceProviderConfigReader(JsonParser parser) {
		this.parser = parser;
	}

	ServiceProviderConfig read() {
		String name;
		while ((name = this.parser.nextName()) != null) {
			JsonToken token = this.parser.nextToken();
			switch (name) {
				case "patch" -> this.patch = readFeature(token, null);
				case "changePassword" -> this.changePassword = readFeature(token, null);
				case "sort" -> this.sort = readFeature(token, null);
				case "etag" -> this.etag = readFeature(token, null);
				case "bulk" -> this.bulk = readFeature(token, this::readBulkLimit);
				case "filter" -> this.filter = readFeature(token, this::readFilterLimit);
				case "authenticationSchemes" -> readSchemes(token);
				default -> this.parser.skipChildren();
			}
		}
		return new ServiceProviderConfig(this.patch,
				new ServiceProviderConfig.Bulk(this.bulk, this.bulkMaxOperations, this.bulkMaxPayloadSize),
				new ServiceProviderConfig.Filter(this.filter, this.filterMaxResults), this.changePassword, this.sort,
				this.etag, this.schemes);
	}

	/*
	 * Reads a feature object: its {@code supported} flag, and its other members through
	 * {@code limits} (or skipped); anything but an object is an unsupported feature.
	 */
	private boolean readFeature(JsonToken token, @Nullable LimitReader limits) {
		if (token != JsonToken.START_OBJECT) {
			this.parser.skipChildren();
			return false;
		}
		boolean supported = false;
		String name;
		while ((name = this.parser.nextName()) != null) {
			JsonToken value = this.parser.nextToken();
			if (name.equals("supported")) {
				supported = (value == JsonToken.VALUE_TRUE);
			}
			else if (limits != null && value == JsonToken.VALUE_NUMBER_INT) {
				limits.read(name, this.parser.getValueAsInt(0));
			}
			else {
				this.parser.skipChildren();
			}
		}
		return supported;
	}

	private void readBulkLimit(String name, int value) {
		if (name.equals("maxOperations")) {
			this.bulkMaxOperations = value;
		}
		else if (name.equals("maxPayloadSize")) {
			this.bulkMaxPayloadSize = value;
		}
	}

	private void readFilterLimit(String name, int value) {
		if (name.equals("maxResults")) {
			this.filterMaxResults = value;
		}
	}

	private void readSchemes(JsonToken token) {
		if (token != JsonToken.START_ARRAY) {
			this.parser.skipChildren();
			return;
		}
		JsonToken next;
		while ((next = this.parser.nextToken()) != JsonToken.END_ARRAY) {
			if (next != JsonToken.START_OBJECT) {
				this.parser.skipChildren();
				continue;
			}
			String schemeName = "";
			String description = "";
			String type = "";
			boolean primary = false;
			String name;
			while ((name = this.parser.nextName()) != null) {
				JsonToken value = this.parser.nextToken();
				String text = JsonValues.text(this.parser, value);
				switch (name) {
					case "name" -> schemeName = (text != null) ? text : "";
					case "description" -> description = (text != null) ? text : "";
					case "type" -> type = (text != null) ? text : "";
					case "primary" -> primary = (value == JsonToken.VALUE_TRUE);
					default -> {
					}
				}
			}
			this.schemes.add(new ServiceProviderConfig.AuthenticationScheme(schemeName, description, type, primary));
		}
	}

	@FunctionalInterface
	private interface LimitReader {

		void read(String name, int value);

	}

}
